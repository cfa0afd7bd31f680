import Logging
import Synchronization

/// Keeps the engine's log lines (the large-page-data warning, a failed getServerSideProps) so
/// that a command can show them with the exchange they belong to.
final class CapturedLog: LogHandler, Sendable {
    private let lines = Mutex<[String]>([])

    var entries: [String] { lines.withLock { $0 } }

    /// A logger whose lines are kept here.
    var logger: Logger { Logger(label: "ssr") { _ in self } }

    func log(event: LogEvent) {
        lines.withLock { $0.append("[\(event.level)] \(event.message)") }
    }

    var logLevel: Logger.Level {
        get { .info }
        set {}
    }

    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }
}

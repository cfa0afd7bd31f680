import Foundation
import HTTPTypes
import Logging
import SSR
import Synchronization
import Testing

extension Engine {
    func get(_ path: String, _ headers: HTTPFields = [:], method: HTTPRequest.Method = .get) async -> EngineResponse {
        await respond(to: EngineRequest(method, path, headerFields: headers))
    }
}

extension EngineResponse {
    subscript(_ name: HTTPField.Name) -> String? { headerFields[name] }

    /// The raw text inside `<script id="__NEXT_DATA__" …>…</script>`.
    var nextDataText: String? {
        let html = bodyText
        guard let open = html.range(of: "<script id=\"__NEXT_DATA__\""),
            let gt = html[open.upperBound...].firstIndex(of: ">"),
            let close = html[gt...].range(of: "</script>")
        else { return nil }
        return String(html[html.index(after: gt)..<close.lowerBound])
    }

    var nextData: JSONValue? { nextDataText.flatMap { try? JSONValue(parsing: $0) } }
    var json: JSONValue? { try? JSONValue(parsing: body) }
}

/// Collects log messages, to check the large-page warning and error logging.
final class LogCapture: Sendable {
    private let captured = Mutex<[(Logger.Level, String)]>([])
    var messages: [(level: Logger.Level, text: String)] { captured.withLock { $0.map { (level: $0.0, text: $0.1) } } }

    var logger: Logger {
        Logger(label: "capture") { _ in Handler(capture: self) }
    }

    fileprivate func append(_ level: Logger.Level, _ text: String) { captured.withLock { $0.append((level, text)) } }

    private struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) { capture.append(event.level, "\(event.message)") }
    }
}

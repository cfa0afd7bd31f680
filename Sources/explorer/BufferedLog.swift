import Foundation
import Logging
import Synchronization

/// `explorer serve`'s log: lines as swift-log's stream handler writes them
/// (`2026-12-01T04:10:57+0000 info serve: [SSRServer] GET /hello 200 0.1 ms`), gathered in memory
/// and written to standard error in one call every tenth of a second (or at 64 kB), and when the
/// server stops. A request then costs no system call for its line; measured with `explorer bench`,
/// a line per request written at once took about a tenth of the server's time for a small page.
/// What a crash leaves unwritten is at most the last tenth of a second.
final class BufferedLog: Sendable {
    static let standardError = BufferedLog(fileDescriptor: 2)

    private let fileDescriptor: Int32
    private let pending = Mutex<[UInt8]>([])
    /// Held while a batch is taken and written, so that batches reach the file in order.
    private let writing = Mutex(())
    /// The current second as the lines write it, made once per second.
    private let stamp = Mutex<(second: Int, text: String)>((-1, ""))
    static let flushBytes = 64 * 1024

    private init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
        let thread = Thread { [weak self] in
            while let log = self {
                log.flush()
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
        thread.name = "log writer"
        thread.start()
    }

    func append(_ line: String) {
        let full = pending.withLock { buffer in
            buffer.append(contentsOf: line.utf8)
            return buffer.count >= BufferedLog.flushBytes
        }
        if full { flush() }
    }

    /// Writes what is pending.
    func flush() {
        writing.withLock { _ in
            let bytes = pending.withLock { buffer in
                defer { buffer.removeAll(keepingCapacity: true) }
                return buffer
            }
            var written = 0
            bytes.withUnsafeBytes { raw in
                while written < raw.count {
                    let result = write(fileDescriptor, raw.baseAddress! + written, raw.count - written)
                    if result <= 0 { return }  // stderr closed: the lines have nowhere to go
                    written += result
                }
            }
        }
    }

    /// `2026-12-01T04:10:57+0000`, local time, as `strftime("%Y-%m-%dT%H:%M:%S%z")` writes it.
    func timestamp() -> String {
        var now = time(nil)
        let second = Int(now)
        if let cached = stamp.withLock({ $0.second == second ? $0.text : nil }) { return cached }
        var local = tm()
        var buffer = [CChar](repeating: 0, count: 64)
        guard localtime_r(&now, &local) != nil, strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z", &local) > 0 else { return "<unknown>" }
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        stamp.withLock { $0 = (second, text) }
        return text
    }
}

/// A `LogHandler` writing to a ``BufferedLog``. Metadata is kept as given and formatted only
/// when a line is written (the stream handler formats it each time it is set, which Hummingbird
/// does for every request).
struct BufferedLogHandler: LogHandler {
    let label: String
    let log: BufferedLog
    var logLevel: Logger.Level = .info
    var metadata = Logger.Metadata()

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var all = metadata
        if let explicit = event.metadata { all.merge(explicit) { _, new in new } }
        if let error = event.error {
            all["error.message"] = "\(error)"
            all["error.type"] = "\(String(reflecting: type(of: error)))"
        }
        let pretty = all.isEmpty ? "" : " " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        log.append("\(log.timestamp()) \(event.level)\(label.isEmpty ? "" : " ")\(label):\(pretty) [\(event.source)] \(event.message)\n")
    }
}

import ExplorerUI
import SSR
import Foundation

/// `explorer --frame-log FILE`: one line per frame, for finding what makes the UI slow and for
/// the README's frame-time figures.
///
///     12.41 ms  handle 0.02 · layout 11.80 · paint 0.59  rss 84.2 MB  key character("j")
final class FrameLog: Sendable {
    private let file: FileHandle
    private let started = ContinuousClock.now

    init(path: String) throws {
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        file = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        file.seekToEndOfFile()
    }

    deinit { try? file.close() }

    func write(_ frame: Session.Frame) {
        func ms(_ d: Duration) -> String { String(format: "%.2f", d.inMilliseconds) }
        let rss = FrameLog.residentBytes().map { String(format: "%.1f MB", Double($0) / 1_048_576) } ?? "?"
        let line = "\(ms(frame.total)) ms  handle \(ms(frame.handle)) · layout \(ms(frame.render)) · paint \(ms(frame.paint))  rss \(rss)  at \(ms(ContinuousClock.now - started)) ms  \(frame.trigger)\n"
        file.write(Data(line.utf8))
    }

    /// The process's resident memory: Linux's /proc/self/statm (pages); on macOS, the task's
    /// basic info from Mach.
    static func residentBytes() -> Int? {
        #if os(Linux)
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        #elseif canImport(Darwin)
        var info = mach_task_basic_info()
        var count = mach_msg_type_number_t(MemoryLayout<mach_task_basic_info>.size / MemoryLayout<natural_t>.size)
        let result = withUnsafeMutablePointer(to: &info) {
            $0.withMemoryRebound(to: integer_t.self, capacity: Int(count)) { task_info(mach_task_self_, task_flavor_t(MACH_TASK_BASIC_INFO), $0, &count) }
        }
        return result == KERN_SUCCESS ? Int(info.resident_size) : nil
        #else
        return nil
        #endif
    }
}

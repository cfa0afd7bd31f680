import Foundation

/// `explorer serve` as a user runs it: a process of its own, its request log on (written to a
/// file, as a terminal or a service manager would take it; a pipe nobody read would fill and
/// stop the server), on a free loopback port.
package final class ServeProcess: @unchecked Sendable {
    private let process = Process()
    private let logFile = FileManager.default.temporaryDirectory.appendingPathComponent("explorer-serve-\(UUID().uuidString).log")
    /// `http://127.0.0.1:PORT`.
    package let url: String
    package var pid: Int32 { process.processIdentifier }
    /// The bytes of request log written so far.
    package var logBytes: Int { (try? FileManager.default.attributesOfItem(atPath: logFile.path)[.size] as? Int) ?? 0 }

    /// Starts `executable serve --port 0` and waits for the line that gives its URL.
    package init(executable: URL) throws(BenchRunner.Failure) {
        let out = Pipe()
        process.executableURL = executable
        process.arguments = ["serve", "--port", "0"]
        process.standardOutput = out
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        do {
            process.standardError = try FileHandle(forWritingTo: logFile)
            try process.run()
        } catch {
            throw BenchRunner.Failure(message: "cannot start \(executable.path) serve: \(error.localizedDescription)")
        }
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let found = text.range(of: #"http://127\.0\.0\.1:\d+"#, options: .regularExpression) else {
            process.terminate()
            throw BenchRunner.Failure(message: "explorer serve did not start: \(text.isEmpty ? "no output" : text)")
        }
        url = String(text[found])
    }

    /// Stops it as Ctrl-C does.
    package func stop() {
        if process.isRunning {
            process.interrupt()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: logFile)
    }

    deinit { stop() }
}

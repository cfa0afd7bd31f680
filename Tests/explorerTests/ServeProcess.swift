import Foundation
import Testing

extension BinaryTests {
    /// `explorer serve --port 0` running, with the URL its first line gives
    /// ("explorer: serving the sample site on http://127.0.0.1:PORT (…)"). Its log (a line per
    /// request) goes to a file: a pipe nobody reads would fill and stop the server mid-benchmark.
    final class ServeProcess {
        let process = Process()
        let out = Pipe()
        let logFile = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(UUID().uuidString).log")
        let firstLine: String
        let url: String

        /// What the server logged so far.
        var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

        /// `explorer serve --port 0` and `arguments`.
        init(_ arguments: [String] = []) throws {
            let binary: URL = try #require(CommandTests.binary, "explorer not found beside the test bundle")
            process.executableURL = binary
            process.arguments = ["serve", "--port", "0"] + arguments
            process.standardOutput = out
            _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: logFile)
            try process.run()
            var line = Data()
            while !line.contains(UInt8(ascii: "\n")) {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                line += chunk
            }
            firstLine = String(decoding: line, as: UTF8.self)
            guard let found = firstLine.range(of: #"http://127\.0\.0\.1:\d+"#, options: .regularExpression) else {
                process.terminate()
                throw POSIXError(.ECONNREFUSED)
            }
            url = String(firstLine[found])
        }

        /// The port of `url`.
        var port: Int { Int(url.split(separator: ":").last ?? "") ?? 0 }

        deinit {
            if process.isRunning {
                process.terminate()
                process.waitUntilExit()
            }
            try? FileManager.default.removeItem(at: logFile)
        }
    }
}

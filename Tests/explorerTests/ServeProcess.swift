import Foundation
import Testing

extension BinaryTests {
    /// `explorer serve --port 0` running, with the URL its first line gives
    /// ("explorer: serving the sample site on http://127.0.0.1:PORT (…)").
    final class ServeProcess {
        let process = Process()
        let out = Pipe(), err = Pipe()
        let firstLine: String
        let url: String

        init() throws {
            process.executableURL = try #require(CommandTests.binary, "explorer not found beside the test bundle")
            process.arguments = ["serve", "--port", "0"]
            process.standardOutput = out
            process.standardError = err
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

        deinit {
            if process.isRunning {
                process.terminate()
                process.waitUntilExit()
            }
        }
    }
}

import Browser
import Foundation

/// HTTP load from wrk (Debian's `wrk` package): a C load generator that keeps its connections
/// busy for a time and costs far less per request than any client of ours would, which matters
/// when it shares two cores with the server it measures. Its figures come back through a Lua
/// `done` hook that prints one JSON line.
package struct WrkLoad {
    let url: String
    let headers: [(String, String)]
    let connections: Int
    let seconds: Int

    struct Failure: Error {
        let message: String
    }

    /// The `wrk` on PATH, if any.
    package static var executable: String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/wrk" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    package static let missing = "explorer bench over HTTP drives wrk, which is not on PATH (Debian: apt-get install wrk)"

    private static let script = """
        done = function(summary, latency, requests)
          local e = summary.errors
          io.write(string.format('\\nwrk-json {"requests":%.0f,"bytes":%.0f,"microseconds":%.0f,"connect":%.0f,"read":%.0f,"write":%.0f,"status":%.0f,"timeout":%.0f,"p50":%.0f,"p95":%.0f,"p99":%.0f,"max":%.0f}\\n',
            summary.requests, summary.bytes, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
            latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
        end
        """

    private struct Figures: Decodable {
        var requests, bytes, microseconds, connect, read, write, status, timeout: Int
        var p50, p95, p99, max: Double
    }

    /// Runs wrk to the end, without blocking a thread of the concurrency pool (the server under
    /// test may be in this process and need both).
    func run() async throws(Failure) -> Benchmark.Result {
        guard let wrk = WrkLoad.executable else { throw Failure(message: WrkLoad.missing) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("explorer-wrk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scriptFile = folder.appendingPathComponent("report.lua")
        let outputFile = folder.appendingPathComponent("output.txt")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(WrkLoad.script.utf8).write(to: scriptFile)
            _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)  // opening it below says why it failed
        } catch {
            throw Failure(message: "cannot write wrk's script in \(folder.path): \(error.localizedDescription)")
        }
        let threads = min(connections, max(1, ProcessInfo.processInfo.activeProcessorCount))
        var arguments = [
            "-t\(threads)", "-c\(connections)", "-d\(seconds)s", "--timeout", "30s", "-s", scriptFile.path,
        ]
        for (name, value) in headers { arguments += ["-H", "\(name): \(value)"] }
        arguments.append(url)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: wrk)
        process.arguments = arguments
        let output: FileHandle
        do {
            output = try FileHandle(forWritingTo: outputFile)
        } catch {
            throw Failure(message: "cannot open \(outputFile.path): \(error.localizedDescription)")
        }
        process.standardOutput = output
        process.standardError = output
        let status: Int32
        do {
            status = try await withCheckedThrowingContinuation { continuation in
                process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
                do { try process.run() } catch { continuation.resume(throwing: error) }
            }
        } catch {
            throw Failure(message: "cannot start \(wrk): \(error.localizedDescription)")
        }
        try? output.close()
        let text = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        guard status == 0,
            let line = text.split(separator: "\n").last(where: { $0.hasPrefix("wrk-json ") }),
            let figures = try? JSONDecoder().decode(Figures.self, from: Data(line.dropFirst("wrk-json ".count).utf8))
        else {
            let said = text.split(separator: "\n").filter { !$0.hasPrefix("wrk-json") }.suffix(3).joined(separator: " / ")
            throw Failure(message: "wrk failed (exit \(status)): \(said.isEmpty ? "no output" : said)")
        }
        let socketErrors = figures.connect + figures.read + figures.write + figures.timeout
        var outcomes = [("2xx/3xx", figures.requests - figures.status)]
        if figures.status > 0 { outcomes.append(("4xx/5xx", figures.status)) }
        if socketErrors > 0 { outcomes.append(("socket errors", socketErrors)) }
        return Benchmark.Result(
            requests: figures.requests, concurrency: connections, seconds: Double(figures.microseconds) / 1_000_000,
            latency: Benchmark.Latency(p50: figures.p50 / 1000, p95: figures.p95 / 1000, p99: figures.p99 / 1000, max: figures.max / 1000),
            bytes: figures.bytes, outcomes: outcomes)
    }
}

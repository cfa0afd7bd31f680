import Foundation

/// The README's table: /hello, /posts/1 and /archive, each as a document and as a data
/// request, on `explorer serve` run as its own process, beside a Next.js server of the same
/// site and a plain Hummingbird handler.
package enum BenchSuite {
    static let paths = ["/hello", "/posts/1", "/archive"]

    /// Every row; `executable` is the explorer to run `serve` from, `nextjs` the URL of a
    /// running Next.js server of the sample site (its twin), if any.
    package static func run(
        _ runner: BenchRunner, executable: URL, nextjs: String?, seconds: Int?, connections: Int
    ) async throws -> (rows: [BenchRunner.Served], logBytes: Int) {
        let server = try ServeProcess(executable: executable)
        defer { server.stop() }
        var rows: [BenchRunner.Served] = []
        for path in paths {
            for transition in [false, true] {
                rows.append(try await runner.served(path, transition: transition, server: server, nextjs: nextjs, connections: connections, seconds: seconds ?? 10))
            }
        }
        return (rows, server.logBytes)
    }
}

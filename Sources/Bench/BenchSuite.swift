/// The README's table: /hello, /posts/1 and /archive, each as a document and as a data
/// request, in-process beside the floor and over HTTP beside the baseline.
package enum BenchSuite {
    static let paths = ["/hello", "/posts/1", "/archive"]

    package static func run(_ runner: BenchRunner, seconds: Int?, connections: Int) async throws -> [BenchReport.Comparison] {
        var comparisons: [BenchReport.Comparison] = []
        for path in paths {
            for transition in [false, true] {
                comparisons.append(
                    try await runner.inProcess(path, transition: transition, floor: true, length: .seconds(Double(seconds ?? 5)), concurrency: 8))
                comparisons.append(
                    try await runner.overHTTP(path, transition: transition, baseline: true, connections: connections, seconds: seconds ?? 10))
            }
        }
        return comparisons
    }
}

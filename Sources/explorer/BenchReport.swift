import Explorer
import Foundation
import SSR

/// How `explorer bench` prints a result: a few lines for people, or one JSON object.
enum BenchReport {
    static func text(_ result: Benchmark.Result, what: String) -> String {
        func ms(_ value: Double) -> String { Timing.text(milliseconds: value) }
        let statuses = result.statuses.sorted { $0.key < $1.key }
            .map { "\($0.key == 0 ? "no answer" : String($0.key)) × \($0.value)" }.joined(separator: ", ")
        return """
            \(what)
              \(result.requests) requests, \(result.concurrency) at a time, in \(String(format: "%.2f", result.seconds)) s
              \(String(format: "%.0f", result.requestsPerSecond)) requests/s · \(PrettyBytes.format(Int(result.bytesPerSecond)))/s · \(PrettyBytes.format(result.bytesPerResponse)) per response
              latency p50 \(ms(result.percentile(0.5))) · p95 \(ms(result.percentile(0.95))) · p99 \(ms(result.percentile(0.99))) · max \(ms(result.latencies.last ?? 0))
              statuses: \(statuses)
            """
    }

    static func json(_ result: Benchmark.Result, what: String) -> String {
        let object: JSONValue = .object([
            .init("what", .string(what)),
            .init("requests", .number(Double(result.requests))),
            .init("concurrency", .number(Double(result.concurrency))),
            .init("seconds", .number(result.seconds)),
            .init("requestsPerSecond", .number(result.requestsPerSecond)),
            .init("bytesPerSecond", .number(result.bytesPerSecond)),
            .init("bytesPerResponse", .number(Double(result.bytesPerResponse))),
            .init("latencyMs", .object([
                .init("p50", .number(result.percentile(0.5))), .init("p95", .number(result.percentile(0.95))),
                .init("p99", .number(result.percentile(0.99))), .init("max", .number(result.latencies.last ?? 0)),
            ])),
            .init("statuses", .object(result.statuses.sorted { $0.key < $1.key }.map { .init(String($0.key), .number(Double($0.value))) })),
        ])
        return object.jsonText
    }
}

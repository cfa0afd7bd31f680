import Browser
import Foundation
import HTTPTypes
import SSR

/// How `explorer bench` prints its measurements: a few lines per run and the ratio to the
/// reference, one JSON object, or the README's table for the whole suite.
package enum BenchReport {
    /// One measured run: the engine, the floor, the server, the baseline.
    struct Run {
        let name: String
        let result: Benchmark.Result
    }

    /// What the first run is compared with.
    enum Reference {
        case none
        /// The hand-written floor: the engine's cost is floor ÷ engine in requests/s.
        case floor
        /// The plain Hummingbird handler: the server's share of its requests/s.
        case baseline
    }

    package struct Comparison {
        let what: String
        let reference: Reference
        let runs: [Run]

        /// Engine time per request over the floor's (`floor`), or the server's requests/s as a
        /// share of the baseline's (`baseline`).
        var ratio: Double? {
            guard reference != .none, runs.count == 2, runs[0].result.requestsPerSecond > 0, runs[1].result.requestsPerSecond > 0 else { return nil }
            let (subject, reference) = (runs[0].result.requestsPerSecond, runs[1].result.requestsPerSecond)
            return self.reference == .floor ? reference / subject : subject / reference
        }
    }

    static func what(_ request: HTTPRequest, transition: Bool, where place: String) -> String {
        "GET \(request.path ?? "/") (\(transition ? "data request" : "document"), \(place))"
    }

    // MARK: Text

    package static func text(_ comparison: Comparison) -> String {
        var lines = [comparison.what]
        for run in comparison.runs {
            let prefix = comparison.runs.count > 1 ? "  \(run.name): " : "  "
            let indent = comparison.runs.count > 1 ? "    " : "  "
            let r = run.result
            lines.append("\(prefix)\(r.requests) requests, \(r.concurrency) at a time, in \(String(format: "%.2f", r.seconds)) s")
            lines.append("\(indent)\(String(format: "%.0f", r.requestsPerSecond)) requests/s · \(PrettyBytes.format(Int(r.bytesPerSecond)))/s · \(PrettyBytes.format(r.bytesPerResponse)) per response")
            lines.append("\(indent)latency p50 \(ms(r.latency.p50)) · p95 \(ms(r.latency.p95)) · p99 \(ms(r.latency.p99)) · max \(ms(r.latency.max))")
            if r.outcomes.isEmpty {
                lines.append("\(indent)no request finished within the run: the path takes longer than that (a longer --duration measures it)")
            } else {
                lines.append("\(indent)\(r.outcomes.contains { Int($0.0) != nil } ? "statuses" : "answers"): " + r.outcomes.map { "\($0.0) × \($0.1)" }.joined(separator: ", "))
            }
        }
        if let ratio = comparison.ratio {
            switch comparison.reference {
            case .floor: lines.append("  the engine takes \(String(format: "%.2f", ratio))× the floor's time per request (the same bytes)")
            case .baseline: lines.append("  explorer serve answers \(String(format: "%.0f", ratio * 100))% of the baseline's requests/s (the same response)")
            case .none: break
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func ms(_ value: Double) -> String { Timing.text(milliseconds: value) }

    // MARK: JSON

    package static func json(_ comparison: Comparison) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("what", .string(comparison.what)),
            .init("runs", .array(comparison.runs.map(json))),
        ]
        if let ratio = comparison.ratio {
            members.append(.init(comparison.reference == .floor ? "engineOverFloor" : "shareOfBaseline", .number(ratio)))
        }
        return .object(members)
    }

    package static func json(_ comparisons: [Comparison]) -> String { JSONValue.array(comparisons.map(json)).jsonText }

    private static func json(_ run: Run) -> JSONValue {
        let r = run.result
        return .object([
            .init("name", .string(run.name)),
            .init("requests", .number(Double(r.requests))),
            .init("concurrency", .number(Double(r.concurrency))),
            .init("seconds", .number(r.seconds)),
            .init("requestsPerSecond", .number(r.requestsPerSecond)),
            .init("bytesPerSecond", .number(r.bytesPerSecond)),
            .init("bytesPerResponse", .number(Double(r.bytesPerResponse))),
            .init("latencyMs", .object([
                .init("p50", .number(r.latency.p50)), .init("p95", .number(r.latency.p95)),
                .init("p99", .number(r.latency.p99)), .init("max", .number(r.latency.max)),
            ])),
            .init("outcomes", .object(r.outcomes.map { .init($0.0, .number(Double($0.1))) })),
        ])
    }

    // MARK: The suite's table

    /// One row per workload: in-process beside the floor, over HTTP beside the baseline.
    package static func table(_ comparisons: [Comparison], seconds: Int?) -> String {
        var lines = [
            "| request | bytes | engine in-process | floor | engine ÷ floor | explorer serve (HTTP) | baseline | share of baseline | served |",
            "|---|--:|--:|--:|--:|--:|--:|--:|--:|",
        ]
        let inProcess = comparisons.filter { $0.reference == .floor }
        let http = comparisons.filter { $0.reference == .baseline }
        for (local, remote) in zip(inProcess, http) {
            func rate(_ run: Run) -> String { "\(grouped(run.result.requestsPerSecond))/s" }
            let name = local.what.prefix { $0 != "," }.replacingOccurrences(of: "GET ", with: "") + ")"
            let engine = local.runs[0], floor = local.runs[1], server = remote.runs[0], baseline = remote.runs[1]
            let errors = server.result.outcomes.filter { $0.0 != "2xx/3xx" }.map { "\($0.1) \($0.0)" }
            lines.append(
                "| \(name) | \(PrettyBytes.format(engine.result.bytesPerResponse)) | \(rate(engine)) | \(rate(floor)) | "
                    + "\(String(format: "%.2f×", local.ratio ?? 0)) | \(rate(server)) | \(rate(baseline)) | "
                    + "\(String(format: "%.0f%%", (remote.ratio ?? 0) * 100)) | \(PrettyBytes.format(Int(server.result.bytesPerSecond)))/s"
                    + (errors.isEmpty ? "" : " (\(errors.joined(separator: ", ")))") + " |")
        }
        let firstHTTP = http.first?.runs.first?.result
        lines.append("")
        lines.append(
            "In-process: 8 requests at a time for \(seconds ?? 5) s each. Over HTTP: wrk, \(firstHTTP?.concurrency ?? 64) connections for "
                + "\(seconds ?? 10) s each, on the same machine; served bytes include the response heads.")
        return lines.joined(separator: "\n")
    }

    /// 31,250
    private static func grouped(_ value: Double) -> String {
        let digits = String(Int(value.rounded()))
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }
}

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

    /// One row per request: `explorer serve` beside Next.js and the plain handler, in
    /// requests per second and in CPU time per request (the share of the plain handler in
    /// both: CPU time is the steadier of the two on a shared machine).
    package static func table(_ rows: [BenchRunner.Served], seconds: Int?, logBytes: Int) -> String {
        var lines = [
            "| request | bytes | explorer serve | Next.js | ÷ Next.js | plain Hummingbird | share of it | CPU per request | Next.js's | ÷ ours | plain's | share of it |",
            "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
        ]
        func rate(_ side: BenchRunner.Served.Side?) -> String {
            guard let side else { return "–" }
            let errors = side.result.outcomes.filter { $0.0 != "2xx/3xx" }.map { "\($0.1) \($0.0)" }
            return "\(grouped(side.result.requestsPerSecond))/s" + (errors.isEmpty ? "" : " (\(errors.joined(separator: ", ")))")
        }
        func cpu(_ side: BenchRunner.Served.Side?) -> String { side?.cpuPerRequest.map { String(format: "%.3f ms", $0) } ?? "–" }
        func ratio(_ a: Double?, _ b: Double?, _ format: String) -> String {
            guard let a, let b, a > 0, b > 0 else { return "–" }
            return String(format: format, a / b)
        }
        for row in rows {
            let (ours, next, plain) = (row.ours, row.nextjs, row.baseline)
            lines.append(
                "| \(row.name) | \(PrettyBytes.format(ours.result.bytesPerResponse)) | \(rate(ours)) | \(rate(next)) | "
                    + "\(ratio(ours.result.requestsPerSecond, next?.result.requestsPerSecond, "%.1f×")) | \(rate(plain)) | "
                    + "\(ratio(ours.result.requestsPerSecond, plain.result.requestsPerSecond, "%.2f×")) | \(cpu(ours)) | \(cpu(next)) | "
                    + "\(ratio(next?.cpuPerRequest, ours.cpuPerRequest, "%.1f×")) | \(cpu(plain)) | "
                    + "\(ratio(plain.cpuPerRequest, ours.cpuPerRequest, "%.2f×")) |")
        }
        let connections = rows.first?.ours.result.concurrency ?? 64
        lines.append("")
        lines.append(
            "wrk, \(connections) connections, \(seconds ?? 10) s per server and row in alternating rounds, on the same machine; bytes per response "
                + "include the head. explorer serve ran as its own process with its request log on (\(PrettyBytes.format(logBytes)) written). "
                + "CPU per request: the server's user and system time (its process and children) over the requests it answered; "
                + "the plain handler's is this process's own, which serves it."
                + (rows.contains { $0.nextjs != nil } ? "" : " No Next.js server was given (--nextjs URL): its columns are empty."))
        return lines.joined(separator: "\n")
    }

    package static func json(_ rows: [BenchRunner.Served], logBytes: Int) -> String {
        func side(_ side: BenchRunner.Served.Side?) -> JSONValue {
            guard let side else { return .null }
            guard case .object(var members) = json(Run(name: "", result: side.result)) else { return .null }
            members.removeFirst()
            members.append(.init("cpuPerRequestMs", side.cpuPerRequest.map(JSONValue.number) ?? .null))
            return .object(members)
        }
        return JSONValue.object([
            .init("rows", .array(rows.map { row in
                ["request": .string(row.name), "explorerServe": side(row.ours), "nextjs": side(row.nextjs), "baseline": side(row.baseline)]
            })),
            .init("requestLogBytes", .number(Double(logBytes))),
        ]).jsonText
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

import Browser
import Foundation
import HTTPTypes
import SSR

/// The server users run, measured as they run it: `explorer serve` in a process of its own,
/// its request log on, beside a real Next.js serving the same site (its twin) and a plain
/// Hummingbird handler sending the same bytes, loaded by wrk in alternating rounds; and each
/// server's CPU time per request, from the kernel.
extension BenchRunner {
    /// One request measured on the three servers.
    package struct Served {
        package struct Side {
            package let result: Benchmark.Result
            /// CPU milliseconds the server used per request; `nil` when it cannot be read.
            package let cpuPerRequest: Double?
        }

        let name: String
        package let ours: Side
        package let nextjs: Side?
        package let baseline: Side
    }

    /// A server loaded by wrk, and how to read its CPU time.
    struct Target {
        let name: String
        let url: String
        let request: HTTPRequest
        let cpu: @Sendable () -> Double?
    }

    /// `path` (a document, or with `transition` its data URL) on `explorer serve` (`server`),
    /// on the Next.js server at `nextjs` when given, and on a plain Hummingbird handler that
    /// sends what the engine sends.
    package func served(
        _ path: String, transition: Bool, server: ServeProcess, nextjs: String?, connections: Int, seconds: Int
    ) async throws -> Served {
        guard let engine = (transport as? InProcessTransport)?.engine else { throw Failure(message: "the served table needs the sample site, not --url") }
        let ours = Target(
            name: "explorer serve", url: server.url, request: try await request(path, transition: transition, on: try site(server.url)),
            cpu: { [pid = server.pid] in ProcessCPU.seconds(ofTreeAt: pid) })
        var next: Target?
        if let nextjs {
            let port = Int(nextjs.split(separator: ":").last.map { $0.prefix { $0.isNumber } } ?? "") ?? 80
            let pid = ProcessCPU.listener(port: port)
            next = Target(
                name: "Next.js", url: nextjs, request: try await request(path, transition: transition, on: try site(nextjs)),
                cpu: { pid.flatMap { ProcessCPU.seconds(ofTreeAt: $0) } })
        }
        let response = await engine.respond(to: EngineRequest(ours.request))
        let plain = BaselineServer(status: response.head.status, headers: response.head.headerFields, body: response.body)
        return try await plain.withRunning { port in
            // This process serves the baseline (wrk runs in processes of its own).
            let baseline = Target(
                name: "baseline", url: "http://127.0.0.1:\(port)", request: ours.request, cpu: { ProcessCPU.seconds(ofTreeAt: getpid(), children: false) })
            let targets = [ours] + (next.map { [$0] } ?? []) + [baseline]
            // A second each first, unmeasured: connections, caches, Node's JIT.
            for target in targets { _ = try await load(target, connections: connections, seconds: 1) }
            let rounds = seconds >= Self.rounds ? Self.rounds : 1
            var sides = Array(repeating: [(Benchmark.Result, Double?)](), count: targets.count)
            for _ in 0..<rounds {
                for (index, target) in targets.enumerated() {
                    await Self.waitUntilIdle(targets)
                    let before = target.cpu()
                    let result = try await load(target, connections: connections, seconds: seconds / rounds)
                    let after = target.cpu()
                    let used: Double? = if let before, let after { after - before } else { nil }
                    sides[index].append((result, used))
                }
            }
            func side(_ index: Int) -> Served.Side {
                let result = Benchmark.Result(rounds: sides[index].map(\.0))
                let cpu = sides[index].allSatisfy { $0.1 != nil } ? sides[index].reduce(0) { $0 + ($1.1 ?? 0) } : nil
                return Served.Side(result: result, cpuPerRequest: cpu.flatMap { result.requests > 0 ? $0 * 1000 / Double(result.requests) : nil })
            }
            return Served(
                name: "\(path) (\(transition ? "data request" : "document"))",
                ours: side(0), nextjs: next == nil ? nil : side(1), baseline: side(targets.count - 1))
        }
    }

    /// Waits until no server is still at work on requests a load left in flight (a slow page's
    /// queue can take a Next.js server many seconds to drain): each round starts on an idle
    /// machine, and counts only its own work. Two minutes at most.
    static func waitUntilIdle(_ targets: [Target]) async {
        for _ in 0..<600 {
            let before = targets.map { $0.cpu() }
            try? await Task.sleep(for: .milliseconds(200))
            let used = zip(before, targets.map { $0.cpu() }).map { old, new in (new ?? 0) - (old ?? 0) }
            // Under a twentieth of a core each: what an idle server and this process use.
            if used.allSatisfy({ $0 < 0.01 }) { return }
        }
    }

    private func site(_ url: String) throws(Failure) -> HTTPTransport {
        do throws(TransportError) { return try HTTPTransport(url: url) } catch { throw Failure(message: error.message) }
    }

    private func load(_ target: Target, connections: Int, seconds: Int) async throws -> Benchmark.Result {
        try await load(target.name, origin: target.url, target.request, connections: connections, seconds: seconds).result
    }
}

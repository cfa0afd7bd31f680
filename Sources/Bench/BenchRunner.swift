import Browser
import Foundation
import HTTPTypes
import Logging
import SSR
import SSRServer

/// The measurements `explorer bench` makes: the engine in-process (and the hand-written floor),
/// the engine's server over HTTP (and a plain Hummingbird handler sending the same bytes), or a
/// running server. Each returns the runs of one comparison.
package struct BenchRunner {
    package struct Failure: Error {
        package let message: String
        package init(message: String) { self.message = message }
    }

    /// The site's transport: the sample site in-process, or the server at `--url`.
    let transport: any Transport
    let showProgress: Bool

    /// `transport`: the sample site in-process (its engine best without a log: the large-page
    /// warning would be written once per /archive request), or a running server.
    package init(transport: any Transport, showProgress: Bool) {
        self.transport = transport
        self.showProgress = showProgress
    }

    private var engine: Engine? { (transport as? InProcessTransport)?.engine }

    /// The request a navigation sends: the document, or the data URL with next/link's header.
    func request(_ path: String, transition: Bool) async throws -> HTTPRequest {
        try await request(path, transition: transition, on: transport)
    }

    /// The same on `site` (its own build ID in the data URL).
    func request(_ path: String, transition: Bool, on site: any Transport) async throws -> HTTPRequest {
        guard transition else {
            var head = HTTPRequest(method: .get, scheme: nil, authority: nil, path: path)
            head.headerFields[.accept] = "text/html"
            return head
        }
        let info: SiteInfo
        do throws(TransportError) { info = try await site.siteInfo() } catch { throw Failure(message: error.message) }
        let (target, fields) = info.dataRequest(for: path)
        return HTTPRequest(method: .get, scheme: nil, authority: nil, path: target, headerFields: fields)
    }

    /// Comparisons alternate in rounds (subject, reference, subject, …) so that a slow spell of
    /// a shared machine falls on both sides; this many when there is time for them.
    static let rounds = 3

    // MARK: In-process

    package func inProcess(
        _ path: String, transition: Bool, floor: Bool, length: Benchmark.Length, concurrency: Int
    ) async throws -> BenchReport.Comparison {
        guard let engine else { throw Failure(message: "in-process runs need the sample site, not --url") }
        let request = try await request(path, transition: transition)
        let what = BenchReport.what(request, transition: transition, where: "in-process (\(engine.mode == .development ? "development" : "production"))")
        let viaEngine: @Sendable () async -> Benchmark.Sample = {
            let response = await engine.respond(to: EngineRequest(request))
            return Benchmark.Sample(status: response.status.code, bytes: response.body.count)
        }
        guard floor, let workload = BenchmarkFloor.workload(for: path) else {
            return BenchReport.Comparison(what: what, reference: .none, runs: [await measure("engine", length, concurrency: concurrency, viaEngine)])
        }
        let buildId = engine.buildId
        // Identical bytes, or the ratio compares two different jobs.
        let engineBody = await engine.respond(to: EngineRequest(request)).body
        let floorBody = try? await BenchmarkFloor.body(workload, data: transition, buildId: buildId)
        guard let floorBody, floorBody == engineBody else {
            let at = zip(engineBody, floorBody ?? []).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(engineBody.count, floorBody?.count ?? 0)
            throw Failure(message: "the floor's bytes differ from the engine's from byte \(at) (engine \(engineBody.count) B, floor \(floorBody?.count ?? 0) B): a ratio would compare two different jobs")
        }
        let viaFloor: @Sendable () async -> Benchmark.Sample = {
            let body = try? await BenchmarkFloor.body(workload, data: transition, buildId: buildId)
            return Benchmark.Sample(status: body == nil ? 0 : 200, bytes: body?.count ?? 0)
        }
        var lengths: [Benchmark.Length]
        switch length {
        case .requests(let n): lengths = Array(repeating: .requests(max(1, n / Self.rounds)), count: min(n, Self.rounds))
        case .seconds(let s): lengths = Array(repeating: .seconds(s / Double(Self.rounds)), count: Self.rounds)
        }
        var engineRounds: [Benchmark.Result] = [], floorRounds: [Benchmark.Result] = []
        for round in lengths.indices {
            engineRounds.append(await measure("engine", lengths[round], concurrency: concurrency, viaEngine).result)
            floorRounds.append(await measure("floor", lengths[round], concurrency: concurrency, viaFloor).result)
        }
        return BenchReport.Comparison(
            what: what, reference: .floor,
            runs: [BenchReport.Run(name: "engine", result: .init(rounds: engineRounds)), BenchReport.Run(name: "floor", result: .init(rounds: floorRounds))])
    }

    /// A short unmeasured run first (database connections, caches: a second at most), then the
    /// measured one.
    private func measure(
        _ name: String, _ length: Benchmark.Length, concurrency: Int, _ send: @escaping @Sendable () async -> Benchmark.Sample
    ) async -> BenchReport.Run {
        _ = await Benchmark(.seconds(1), concurrency: concurrency).run(send)
        let show = showProgress
        let result = await Benchmark(length, concurrency: concurrency).run(progress: { done in
            if show, done % 97 == 0 { FileHandle.standardError.write(Data("\r\(name): \(done) requests".utf8)) }
        }, send)
        if show { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        return BenchReport.Run(name: name, result: result)
    }

    // MARK: Over HTTP

    /// The engine's server on a loopback port (as `explorer serve`, without its per-request log
    /// line), and with `baseline` a plain Hummingbird handler sending the same response, loaded
    /// in turns.
    package func overHTTP(_ path: String, transition: Bool, baseline: Bool, connections: Int, seconds: Int) async throws -> BenchReport.Comparison {
        guard let engine else { throw Failure(message: "--http serves the sample site, not --url") }
        let request = try await request(path, transition: transition)
        let what = BenchReport.what(request, transition: transition, where: "over HTTP, \(connections) connections")
        let quiet = Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() }
        let server = SiteServer(engine: engine, limits: ServerLimits(), logger: quiet)
        guard baseline else {
            let run = try await server.withRunning { port in
                try await load("explorer serve", origin: "http://127.0.0.1:\(port)", request, connections: connections, seconds: seconds)
            }
            return BenchReport.Comparison(what: what, reference: .none, runs: [run])
        }
        let response = await engine.respond(to: EngineRequest(request))
        let plain = BaselineServer(status: response.head.status, headers: response.head.headerFields, body: response.body)
        let rounds = seconds >= Self.rounds ? Self.rounds : 1
        let each = Array(repeating: seconds / rounds, count: rounds)
        let (serverRounds, baselineRounds) = try await server.withRunning { serverPort in
            try await plain.withRunning { baselinePort in
                var serverRounds: [Benchmark.Result] = [], baselineRounds: [Benchmark.Result] = []
                for seconds in each {
                    serverRounds.append(try await load("explorer serve", origin: "http://127.0.0.1:\(serverPort)", request, connections: connections, seconds: seconds).result)
                    baselineRounds.append(try await load("baseline", origin: "http://127.0.0.1:\(baselinePort)", request, connections: connections, seconds: seconds).result)
                }
                return (serverRounds, baselineRounds)
            }
        }
        return BenchReport.Comparison(
            what: what, reference: .baseline,
            runs: [BenchReport.Run(name: "explorer serve", result: .init(rounds: serverRounds)), BenchReport.Run(name: "baseline", result: .init(rounds: baselineRounds))])
    }

    /// A running server at `--url`.
    package func remote(_ path: String, transition: Bool, connections: Int, seconds: Int) async throws -> BenchReport.Comparison {
        let request = try await request(path, transition: transition)
        let what = BenchReport.what(request, transition: transition, where: "\(transport.origin), \(connections) connections")
        let run = try await load("server", origin: transport.origin, request, connections: connections, seconds: seconds)
        return BenchReport.Comparison(what: what, reference: .none, runs: [run])
    }

    func load(_ name: String, origin: String, _ request: HTTPRequest, connections: Int, seconds: Int) async throws -> BenchReport.Run {
        let headers = request.headerFields.map { ($0.name.rawName, $0.value) }
        let wrk = WrkLoad(url: origin + (request.path ?? "/"), headers: headers, connections: connections, seconds: seconds)
        if showProgress { FileHandle.standardError.write(Data("\r\(name): wrk for \(seconds) s…".utf8)) }
        defer { if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) } }
        do throws(WrkLoad.Failure) {
            return BenchReport.Run(name: name, result: try await wrk.run())
        } catch {
            throw Failure(message: error.message)
        }
    }
}

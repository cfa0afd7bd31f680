import ArgumentParser
import Bench
import Browser
import Foundation
import HTTPTypes
import Logging
import SSR

/// `explorer bench`: one route again and again, in-process through the engine or over HTTP,
/// beside a reference that makes its cost a ratio; without a path, the README's whole table.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Request one path repeatedly and report requests/s, bytes/s, latency percentiles and bytes per response.",
        discussion: """
            In-process, the engine answers without HTTP; --floor runs the sample site's hand-written \
            floor beside it (the same bytes from the same rows, no engine). --http serves the site \
            in this process on a loopback port and loads it with wrk; --baseline also loads a plain \
            Hummingbird handler that sends the same bytes. --url loads a running server with wrk. \
            Without a path: /hello, /posts/1 and /archive, as documents and as data requests, on \
            `explorer serve` run as its own process (its request log on), beside the Next.js server \
            at --nextjs (the sample site's twin) and a plain Hummingbird handler, in alternating \
            rounds, with each server's CPU time per request: the README's table. A path with \
            --nextjs measures that one row.

            Exit status: 0 once measured, 64 for a bad argument, 1 when the run cannot be made \
            (wrk missing or failing, the site not answering, the floor's bytes not the engine's).
            """)

    @Argument(help: "The path to request: /hello, /posts/1, /archive. None: the whole table.") var path: String?
    @Flag(help: "Request the data URL (/_next/data/<buildId>/…json), as a client transition does, instead of the document.")
    var transition = false
    @Flag(help: "In-process: also run the hand-written floor (the sample site's /hello, /posts/N and /archive).")
    var floor = false
    @Flag(help: "Serve the site over HTTP in this process and load it with wrk.") var http = false
    @Flag(help: "Also serve the same response from a plain Hummingbird handler and load it the same way (implies --http).")
    var baseline = false
    @Option(help: "In-process: how many requests (default: run for --duration).") var requests: Int?
    @Option(help: "Seconds each run lasts (default: 5 in-process, 10 over HTTP).") var duration: Int?
    @Option(help: "Requests at a time in-process (default 8); connections over HTTP (default 64).") var concurrency: Int?
    @Option(help: ArgumentHelp("A running Next.js server of the sample site (its twin) to measure beside explorer serve.", valueName: "url"))
    var nextjs: String?
    @Flag(help: "Print JSON instead of text.") var json = false
    @OptionGroup var site: SiteOptions

    private var overHTTP: Bool { http || baseline || site.url != nil }

    func validate() throws {
        if let path, !path.hasPrefix("/") { throw ValidationError("the path must start with /, not “\(path)”") }
        if let requests, !(1...10_000_000).contains(requests) { throw ValidationError("--requests must be between 1 and 10000000") }
        if let duration, !(1...3600).contains(duration) { throw ValidationError("--duration must be between 1 and 3600 seconds") }
        if let concurrency, !(1...4096).contains(concurrency) { throw ValidationError("--concurrency must be between 1 and 4096") }
        if let nextjs {
            do throws(TransportError) { _ = try HTTPTransport(url: nextjs) } catch { throw ValidationError("--nextjs: \(error.message)") }
            if floor || http || baseline || site.url != nil || site.engine.dev || requests != nil {
                throw ValidationError("--nextjs measures explorer serve beside Next.js over HTTP: not with --floor, --http, --baseline, --url, --dev or --requests")
            }
            if WrkLoad.executable == nil { throw ValidationError(WrkLoad.missing) }
        }
        if path == nil {
            if transition || floor || http || baseline || site.url != nil || site.engine.dev || requests != nil {
                throw ValidationError("without a path, bench runs the whole table; --transition, --floor, --http, --baseline, --url, --dev and --requests need a path")
            }
            if WrkLoad.executable == nil { throw ValidationError(WrkLoad.missing) }
            return
        }
        if floor && overHTTP { throw ValidationError("--floor runs in-process: not with --http, --baseline or --url") }
        if site.url != nil && (http || baseline) { throw ValidationError("--url loads a running server; --http and --baseline serve the sample site here") }
        if requests != nil && overHTTP { throw ValidationError("over HTTP a run lasts --duration seconds; --requests is for in-process runs") }
        if floor, let path, BenchmarkFloor.workload(for: path) == nil {
            throw ValidationError("--floor knows the sample site's /hello, /posts/N and /archive, not \(path)")
        }
        if overHTTP && WrkLoad.executable == nil { throw ValidationError(WrkLoad.missing) }
    }

    func run() async throws {
        #if DEBUG
        // Figures of a debug build are several times slower than what users run.
        FileHandle.standardError.write(Data("explorer bench: this is a debug build: its figures mean little; build with -c release (swift run -c release explorer bench …)\n".utf8))
        #endif
        // No log: the large-page warning would be written once per /archive request.
        let quiet = Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() }
        let runner = BenchRunner(transport: try site.transport(logger: quiet), showProgress: isatty(STDERR_FILENO) == 1 && !json)
        do {
            guard let path, nextjs == nil else {
                guard let executable = Bundle.main.executableURL else { throw BenchRunner.Failure(message: "cannot find this explorer's executable to run explorer serve") }
                let (rows, logBytes): ([BenchRunner.Served], Int)
                if let path {
                    let server = try ServeProcess(executable: executable)
                    defer { server.stop() }
                    rows = [try await runner.served(path, transition: transition, server: server, nextjs: nextjs, connections: concurrency ?? 64, seconds: duration ?? 10)]
                    logBytes = server.logBytes
                } else {
                    (rows, logBytes) = try await BenchSuite.run(runner, executable: executable, nextjs: nextjs, seconds: duration, connections: concurrency ?? 64)
                }
                print(json ? BenchReport.json(rows, logBytes: logBytes) : BenchReport.table(rows, seconds: duration, logBytes: logBytes))
                return
            }
            let comparison: BenchReport.Comparison
            if site.url != nil {
                comparison = try await runner.remote(path, transition: transition, connections: concurrency ?? 64, seconds: duration ?? 10)
            } else if overHTTP {
                comparison = try await runner.overHTTP(
                    path, transition: transition, baseline: baseline, connections: concurrency ?? 64, seconds: duration ?? 10)
            } else {
                let length: Benchmark.Length = requests.map { .requests($0) } ?? .seconds(Double(duration ?? 5))
                comparison = try await runner.inProcess(path, transition: transition, floor: floor, length: length, concurrency: concurrency ?? 8)
            }
            print(json ? BenchReport.json(comparison).jsonText : BenchReport.text(comparison))
        } catch let failure as BenchRunner.Failure {
            FileHandle.standardError.write(Data("explorer: \(failure.message)\n".utf8))
            throw ExitCode(1)
        }
    }
}

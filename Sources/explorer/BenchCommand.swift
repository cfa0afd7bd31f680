import ArgumentParser
import Explorer
import Foundation
import HTTPTypes
import SSR

/// `explorer bench`: one route again and again, in-process through the engine or over HTTP.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Request one path repeatedly and report requests/s, bytes/s, latency percentiles and bytes per response.")

    @Argument(help: "The path to request: /hello, /posts/1, /archive.") var path: String
    @Flag(help: "Request the data URL (/_next/data/<buildId>/…json), as a client transition does, instead of the document.")
    var transition = false
    @Option(help: "How many requests.") var requests = 1000
    @Option(help: "How many at a time.") var concurrency = 8
    @Flag(help: "Print one JSON object instead of text.") var json = false
    @OptionGroup var site: SiteOptions

    func validate() throws {
        guard path.hasPrefix("/") else { throw ValidationError("the path must start with /, not “\(path)”") }
        guard requests > 0, requests <= 10_000_000 else { throw ValidationError("--requests must be between 1 and 10000000") }
        guard concurrency > 0, concurrency <= 4096 else { throw ValidationError("--concurrency must be between 1 and 4096") }
    }

    func run() async throws {
        let transport = try site.anyTransport(log: CapturedLog())
        let target: String
        if transition {
            let info: SiteInfo
            do throws(TransportError) { info = try await transport.siteInfo() } catch {
                FileHandle.standardError.write(Data("explorer: \(error.message)\n".utf8))
                throw ExitCode(1)
            }
            let (locale, unlocalized) = info.splitLocale(path)
            target = DataPath.dataURL(for: unlocalized, buildId: info.buildId, basePath: info.basePath, locale: locale)
        } else {
            target = path
        }
        var head = HTTPRequest(method: .get, scheme: nil, authority: nil, path: target)
        head.headerFields[.accept] = transition ? "*/*" : "text/html"
        if transition { head.headerFields[.nextjsData] = "1" }
        let request = head
        let send: @Sendable () async -> Benchmark.Sample
        if let local = transport as? InProcessTransport {
            // The engine alone: not the inspection extras the explorer's own fetches carry.
            let engine = local.engine
            send = {
                let response = await engine.respond(to: Request(request))
                return Benchmark.Sample(status: response.status.code, bytes: response.body.count)
            }
        } else {
            send = {
                do throws(TransportError) {
                    let fetch = try await transport.send(request, body: [])
                    return Benchmark.Sample(status: fetch.response.status.code, bytes: fetch.body.count)
                } catch {
                    return Benchmark.Sample(status: 0, bytes: 0)
                }
            }
        }
        let total = requests
        let showProgress = isatty(STDERR_FILENO) == 1 && !json
        let benchmark = Benchmark(requests: requests, concurrency: concurrency)
        let result = await benchmark.run(progress: { done in
            if showProgress, done % max(1, total / 50) == 0 || done == total {
                FileHandle.standardError.write(Data("\r\(done)/\(total) requests".utf8))
            }
        }, send)
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let what = "GET \(target) (\(transition ? "data request" : "document"), \(transport.origin))"
        print(json ? BenchReport.json(result, what: what) : BenchReport.text(result, what: what))
    }
}

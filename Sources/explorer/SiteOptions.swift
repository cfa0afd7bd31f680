import ArgumentParser
import Browser
import Logging
import SSR
import SampleSite

/// Which site the command explores, and how the engine runs it.
struct SiteOptions: ParsableArguments {
    @Flag(name: .long, help: "Run the site as `next dev` does: error details on the 500 page, props checked.")
    var dev = false

    @Option(help: "Explore a running server instead (http://HOST:PORT), e.g. one started with `explorer serve`.")
    var url: String?

    func validate() throws {
        if let url {
            do throws(TransportError) { _ = try HTTPTransport(url: url) } catch { throw ValidationError(error.message) }
            if dev { throw ValidationError("--dev runs the sample site in-process; with --url the server decides its mode") }
        }
    }

    /// The server at `--url`, else the sample site in-process.
    func anyTransport(log: CapturedLog, warmUp: Bool = true) throws -> any Transport {
        if let url {
            do throws(TransportError) { return try HTTPTransport(url: url) } catch { throw ValidationError(error.message) }
        }
        return try transport(log: log, warmUp: warmUp)
    }

    /// The sample site in-process, its engine's log lines kept in `log`. With `warmUp`, the
    /// database is opened now, so that the first request's timing is not its start-up.
    func transport(log: CapturedLog, warmUp: Bool = true) throws -> InProcessTransport {
        try transport(logger: Logger(label: "ssr") { _ in log }, warmUp: warmUp)
    }

    /// The sample site in-process, its engine logging to `logger`.
    func transport(logger: Logger, warmUp: Bool = true) throws -> InProcessTransport {
        let site: Site
        do {
            site = try SampleSite.site()
        } catch {
            throw ValidationError("the sample site's routes are invalid: \(error)")
        }
        if warmUp { SiteOptions.warmUpDatabase() }
        return InProcessTransport(engine: Engine(site: site, mode: dev ? .development : .production, logger: logger))
    }

    static func warmUpDatabase() { (try? SampleDatabase.shared())?.warmUp() }
}

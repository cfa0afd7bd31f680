import ArgumentParser
import Logging
import SSR
import SampleSite

/// How this process runs the sample site's engine: the one `--dev` flag and the one way the
/// site is built, for the commands that run it here (`serve`, and the others without `--url`).
struct EngineOptions: ParsableArguments {
    @Flag(name: .long, help: "Run the site as `next dev` does: error details on the 500 page, props checked.")
    var dev = false

    /// The sample site's engine, logging to `logger`. With `warmUp`, the database is opened now,
    /// so that the first request's timing is not its start-up.
    func engine(buildId: String? = nil, logger: Logger, hostname: String = "localhost", warmUp: Bool = true) throws -> Engine {
        let site: Site
        do {
            site = try SampleSite.site(buildId: buildId)
        } catch {
            throw ValidationError("the sample site's routes are invalid: \(error)")
        }
        if warmUp { EngineOptions.warmUpDatabase() }
        return Engine(site: site, mode: dev ? .development : .production, logger: logger, hostname: hostname)
    }

    static func warmUpDatabase() { (try? SampleDatabase.shared())?.warmUp() }
}

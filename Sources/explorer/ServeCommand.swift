import ArgumentParser
import Foundation
import Logging
import SSR
import SSRServer
import SampleSite

/// `explorer serve`: the sample site over HTTP, as `next start` (or `next dev` with `--dev`).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the sample site over HTTP through the same engine (production mode unless --dev).",
        discussion: "One log line per request. SIGINT or SIGTERM stops it after the requests in flight are answered."
    )

    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on (0: any free port).") var port = 3000
    @Option(name: .customLong("time-limit"), help: "Seconds a page may take before the server answers 504.") var timeLimit = 10.0
    @Flag(name: .long, help: "Run the site as `next dev` does: error details on the 500 page, props checked.")
    var dev = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, not \(port)") }
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds") }
    }

    func run() async throws {
        let site: Site
        do {
            site = try SampleSite.site()
        } catch {
            throw ValidationError("the sample site's routes are invalid: \(error)")
        }
        SiteOptions.warmUpDatabase()
        var logger = Logger(label: "serve")
        logger.logLevel = .info
        let engine = Engine(site: site, mode: dev ? .development : .production, logger: logger)
        var limits = ServerLimits()
        limits.pageTime = .milliseconds(Int(timeLimit * 1000))
        let server = SiteServer(engine: engine, host: host, port: port, limits: limits, logger: logger)
        let mode = dev ? "development, as next dev" : "production, as next start"
        let host = self.host
        try await server.run { port in
            // Written at once (not buffered): scripts wait for this line to know the port.
            FileHandle.standardOutput.write(Data("explorer: serving the sample site on http://\(host):\(port) (\(mode)); Ctrl-C stops\n".utf8))
        }
        FileHandle.standardOutput.write(Data("explorer: stopped, every request answered\n".utf8))
    }
}

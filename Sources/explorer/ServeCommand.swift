import ArgumentParser
import Foundation
import Logging
import SSR
import SSRServer

/// `explorer serve`: the sample site over HTTP, as `next start` (or `next dev` with `--dev`).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the sample site over HTTP through the same engine (production mode unless --dev).",
        discussion: """
            One log line per request. SIGINT or SIGTERM stops it after the requests in flight are answered.

            Exit status: 0 once stopped, 64 for a bad argument, 69 when it cannot listen (the port in use, \
            an address not of this machine).
            """
    )

    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on (0: any free port).") var port = 3000
    @Option(name: .customLong("time-limit"), help: "Seconds a page may take before the server answers 504.") var timeLimit = 10.0
    @Option(name: .customLong("build-id"), help: "The build ID of data URLs and __NEXT_DATA__, as next.config.js's generateBuildId sets it (default: one per build of explorer; development with --dev).")
    var buildId: String?
    @OptionGroup var engineOptions: EngineOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, not \(port)") }
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds") }
        if let buildId {
            // It becomes a path segment of every data URL.
            let allowed = buildId.utf8.allSatisfy { byte in
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                    || byte == UInt8(ascii: ".")
            }
            guard !buildId.isEmpty, allowed, buildId != ".", buildId != ".." else {
                throw ValidationError("--build-id must be letters, digits, '-', '_' or '.', not \"\(buildId)\"")
            }
        }
    }

    func run() async throws {
        ServerHeap.keepFreedMemory()
        // Lines gathered and written ten times a second, not one system call each.
        let log = BufferedLog.standardError
        defer { log.flush() }
        var logger = Logger(label: "serve") { BufferedLogHandler(label: $0, log: log) }
        logger.logLevel = .info
        // The host name Next.js's error page reports: the address given, IPv6 in brackets.
        let hostname = host.contains(":") ? "[\(host)]" : host
        let engine = try engineOptions.engine(buildId: buildId, logger: logger, hostname: hostname)
        var limits = ServerLimits()
        limits.pageTime = .milliseconds(Int(timeLimit * 1000))
        let server = SiteServer(engine: engine, host: host, port: port, limits: limits, logger: logger)
        let mode = engineOptions.dev ? "development, as next dev" : "production, as next start"
        let host = self.host
        do {
            try await server.run { port in
                // Written at once (not buffered): scripts wait for this line to know the port.
                FileHandle.standardOutput.write(Data("explorer: serving the sample site on http://\(host):\(port) (\(mode)); Ctrl-C stops\n".utf8))
            }
        } catch let error as ListenError {
            log.flush()
            throw Unavailable.exit("serve", error.description)
        }
        log.flush()
        FileHandle.standardOutput.write(Data("explorer: stopped, every request answered\n".utf8))
    }
}

import Hummingbird
import Logging
import NIOCore
import SSR

/// An engine served over HTTP/1.1 by Hummingbird. `run()` returns after SIGINT or SIGTERM, once
/// the requests in flight are answered.
///
/// ```swift
/// let server = SiteServer(engine: engine, host: "127.0.0.1", port: 3000)
/// try await server.run { port in print("listening on \(port)") }
/// ```
public struct SiteServer: Sendable {
    public let engine: Engine
    public let host: String
    public let port: Int
    public var limits: ServerLimits
    public let logger: Logger

    public init(engine: Engine, host: String = "127.0.0.1", port: Int = 3000, limits: ServerLimits = ServerLimits(), logger: Logger = Logger(label: "serve")) {
        self.engine = engine
        self.host = host
        self.port = port
        self.limits = limits
        self.logger = logger
    }

    /// Serves until a shutdown signal; `onListening` gets the port bound (useful with port 0).
    /// Throws ``ListenError`` when the address cannot be listened on (a port in use).
    public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        do {
            try await application(onListening: onListening).runService()
        } catch {
            throw ListenError(error, host: host, port: port) ?? error
        }
    }

    /// Serves on a free loopback port (the host and port given are not used) while `body` runs,
    /// then stops gracefully.
    public func withRunning<T: Sendable>(_ body: (Int) async throws -> T) async throws -> T {
        let local = SiteServer(engine: engine, host: "127.0.0.1", port: 0, limits: limits, logger: logger)
        return try await ScopedServer.run({ local.application(onListening: $0) }) { port, _ in try await body(port) }
    }

    /// The application, for callers that run it in their own service group (tests).
    public func application(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            responder: EngineResponder(engine: engine, limits: limits, logger: logger),
            server: .http1(configuration: .init(idleTimeout: TimeAmount(limits.idleTime))),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger)
    }
}

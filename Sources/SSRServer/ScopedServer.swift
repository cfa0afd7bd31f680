import Hummingbird
import Logging
import ServiceLifecycle

/// Runs an application on a loopback port for the length of a body, then shuts it down
/// gracefully: for benchmarks and tests that start servers in their own process. The body gets
/// the port, and the group to shut down early (a test of graceful shutdown).
package enum ScopedServer {
    package static func run<T: Sendable>(
        _ makeApplication: (@escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol,
        _ body: (Int, ServiceGroup) async throws -> T
    ) async throws -> T {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let quiet = Logger(label: "scoped") { _ in SwiftLogNoOpLogHandler() }
        let group = ServiceGroup(services: [makeApplication { continuation.yield($0) }], gracefulShutdownSignals: [], logger: quiet)
        let running = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            running.cancel()
            try await running.value
            throw CancellationError()
        }
        do {
            let result = try await body(port, group)
            await group.triggerGracefulShutdown()
            try await running.value
            return result
        } catch {
            await group.triggerGracefulShutdown()
            try? await running.value
            throw error
        }
    }
}

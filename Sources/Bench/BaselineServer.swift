import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import SSRServer

/// One fixed response (status, headers, body) for every GET, from the plainest Hummingbird
/// handler there is: a router and a closure. What `explorer bench --baseline` measures beside
/// the engine's server, so that the server's cost is a share of Hummingbird's own ceiling.
///
/// ```swift
/// try await BaselineServer(status: .ok, headers: fields, body: bytes).withRunning { port in … }
/// ```
package struct BaselineServer: Sendable {
    package let status: HTTPResponse.Status
    package let headers: HTTPFields
    package let body: [UInt8]

    package init(status: HTTPResponse.Status, headers: HTTPFields, body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Serves on a free loopback port while `body` runs.
    package func withRunning<T: Sendable>(_ body: (Int) async throws -> T) async throws -> T {
        let (status, headers, buffer) = (self.status, self.headers, ByteBuffer(bytes: self.body))
        return try await ScopedServer.run({ onListening in
            let router = Router()
            router.get("**") { _, _ in Response(status: status, headers: headers, body: ResponseBody(byteBuffer: buffer)) }
            router.get("/") { _, _ in Response(status: status, headers: headers, body: ResponseBody(byteBuffer: buffer)) }
            return Application(
                router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
                onServerRunning: { await onListening($0.localAddress?.port ?? 0) },
                logger: Logger(label: "baseline") { _ in SwiftLogNoOpLogHandler() })
        }) { port, _ in try await body(port) }
    }
}

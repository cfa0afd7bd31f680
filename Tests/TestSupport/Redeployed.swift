import Browser
import HTTPTypes
import SSR
import Synchronization

/// One site deployed again as another build while a navigator explores it: the `before`
/// engine answers until ``deploy()``, the `after` engine from then on.
public final class Redeployed: Transport, Sendable {
    let before: InProcessTransport, after: InProcessTransport
    private let deployed = Mutex(false)

    public init(before: Engine, after: Engine) {
        self.before = InProcessTransport(engine: before)
        self.after = InProcessTransport(engine: after)
    }

    public func deploy() { deployed.withLock { $0 = true } }

    private var current: InProcessTransport { deployed.withLock { $0 } ? after : before }
    public var origin: String { current.origin }
    public var pageOrigin: String { current.pageOrigin }
    public func siteInfo() async throws(TransportError) -> SiteInfo { try await current.siteInfo() }
    public func send(_ request: HTTPRequest, body: [UInt8]) async throws(TransportError) -> Fetch { try await current.send(request, body: body) }
    public func renderClientSide(page: String, pageProps: [UInt8]) -> Result<String, ClientRenderError>? {
        current.renderClientSide(page: page, pageProps: pageProps)
    }
}

import HTTPTypes
import SSR

/// How the explorer reaches a site: in-process through the engine, or over HTTP. The
/// navigator only talks to this, so the same navigation works against both.
public protocol Transport: Sendable {
    /// Where requests go, for people: `in-process (production)` or a base URL.
    var origin: String { get }

    /// The scheme, host and port of the site's pages as a browser names them in `Referer`:
    /// the server's base URL, or `http://localhost` in-process.
    var pageOrigin: String { get }

    /// What a client learns about the site before it navigates: build ID, basePath, routes.
    func siteInfo() async throws(TransportError) -> SiteInfo

    /// Sends one request (no redirect following: the navigator follows them, one fetch per hop).
    func send(_ request: HTTPRequest, body: [UInt8]) async throws(TransportError) -> Fetch

    /// The HTML a browser renders inside `#__next` for page `page` (a route such as
    /// `/posts/[id]`, or `/404`, `/500`, `/_error`) from `pageProps` JSON; `nil` when this
    /// transport cannot run the site's pages (a remote server).
    func renderClientSide(page: String, pageProps: [UInt8]) -> Result<String, ClientRenderError>?
}

/// A request that got no HTTP answer: refused, timed out, unreadable.
public struct TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

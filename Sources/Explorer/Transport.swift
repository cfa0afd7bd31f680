import HTTPTypes
import SSR

/// How the explorer reaches a site: in-process through the engine, or over HTTP. The
/// navigator only talks to this, so the same navigation works against both.
public protocol Transport: Sendable {
    /// Where requests go, for people: `in-process (production)` or a base URL.
    var origin: String { get }

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

/// The site as a client sees it.
public struct SiteInfo: Sendable {
    /// One page of the build manifest's `sortedPages`.
    public struct Route: Sendable {
        public let pattern: RoutePattern
        /// `true` for a page with getServerSideProps (ƒ), `false` for a static one (○), `nil`
        /// when the server does not say (a remote build manifest lists pages only).
        public let hasServerSideProps: Bool?

        public init(pattern: RoutePattern, hasServerSideProps: Bool?) {
            self.pattern = pattern
            self.hasServerSideProps = hasServerSideProps
        }
    }

    public let buildId: String
    public let basePath: String
    /// In Next.js's matching order; `nil` when unknown (then every path is tried as a page).
    public let routes: [Route]?

    public init(buildId: String, basePath: String = "", routes: [Route]?) {
        self.buildId = buildId
        self.basePath = basePath
        self.routes = routes
    }

    /// The first route that `path` matches, as the client resolves a link.
    public func route(for path: String) -> Route? {
        routes?.first { $0.pattern.match(path: path) != nil }
    }
}

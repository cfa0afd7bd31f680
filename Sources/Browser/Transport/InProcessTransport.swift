import HTTPTypes
import SSR

/// Requests answered by an ``Engine`` in this process: no network, so the timing is the
/// engine's alone, and the site's pages can also render client-side.
///
/// ```swift
/// let transport = InProcessTransport(engine: Engine(site: site))
/// let navigator = Navigator(transport: transport)
/// ```
public struct InProcessTransport: Transport {
    public let engine: Engine

    public init(engine: Engine) { self.engine = engine }

    public var origin: String {
        "in-process (\(engine.mode == .development ? "development" : "production"))"
    }

    /// The host the navigator's requests name.
    public var pageOrigin: String { "http://localhost" }

    public func siteInfo() async throws(TransportError) -> SiteInfo {
        let site = engine.site
        let kinds = Dictionary(site.pages.compactMap { page in page.pattern.map { ($0, page.hasServerSideProps) } }, uniquingKeysWith: { a, _ in a })
        return SiteInfo(
            buildId: engine.buildId, basePath: site.basePath,
            routes: site.sortedRoutes.map { SiteInfo.Route(pattern: $0, kind: kinds[$0].map { $0 ? .serverSide : .static }) },
            locales: site.i18n?.locales ?? [], defaultLocale: site.i18n?.defaultLocale, errorPages: site.errorPageRoutes)
    }

    public func send(_ request: HTTPRequest, body: [UInt8]) async throws(TransportError) -> Fetch {
        let clock = ContinuousClock()
        let started = clock.now
        let inspected = await engine.respondForInspection(to: EngineRequest(request, body: body))
        let total = clock.now - started
        let response = inspected.response
        return Fetch(
            request: request, response: response.head, body: response.body,
            timing: Timing(total: total, serverTimingOf: response.headerFields), serverHTML: inspected.renderServerHTML?())
    }

    public func renderClientSide(page: String, pageProps: [UInt8]) -> Result<String, ClientRenderError>? {
        let site = engine.site
        switch page {
        case "/404", "/500":
            return .success(site.renderErrorPageClientSide(statusCode: page == "/404" ? 404 : 500))
        case "/_error":
            let status = (try? JSONValue(parsing: pageProps))?["statusCode"]?.doubleValue.flatMap { Int(exactly: $0) } ?? 500
            return .success(site.renderErrorPageClientSide(statusCode: status))
        default:
            guard let route = site.pages.first(where: { $0.pattern?.description == page }) else {
                return .failure(ClientRenderError(message: "the site has no page \(page)"))
            }
            return Result { () throws(ClientRenderError) in try site.renderClientSide(route, pageProps: pageProps) }
        }
    }
}

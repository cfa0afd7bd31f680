import HTTPTypes
import SSR

/// The site as a client sees it before it navigates: what Next.js's router knows from
/// `__NEXT_DATA__`, the build manifest (pages, rewrites, the App Router's filter), the SSG
/// manifest and the client's own code (the proxy's matchers, `trailingSlash`).
public struct SiteInfo: Sendable {
    /// One page of the build manifest's `sortedPages`.
    public struct Route: Sendable {
        /// How a page renders, as `next build` prints it and as Next's client learns it from
        /// the page's module (`__N_SSP`, `__N_SSG`, `getInitialProps`).
        public enum Kind: Sendable, Equatable {
            /// getServerSideProps: its data is fetched on every client transition.
            case serverSide
            /// getStaticProps (SSG): its data is a JSON file, fetched on a client transition too.
            case staticProps
            /// getInitialProps (the page's, or a custom App's): rendered on the server for a
            /// document, and on a client transition the function runs in the browser (no data request).
            case initialProps
            /// None of them: a client transition fetches nothing.
            case `static`

            /// `ƒ`, `●`, `○`, as `next build` prints them.
            public var symbol: String {
                switch self {
                case .serverSide, .initialProps: "ƒ"
                case .staticProps: "●"
                case .static: "○"
                }
            }

            /// Whether Next.js's client fetches the page's data for a transition (`__N_SSG || __N_SSP`).
            public var fetchesData: Bool { self == .serverSide || self == .staticProps }
        }

        public let pattern: RoutePattern
        /// `nil` when the server does not say (a site whose page modules could not be read).
        public let kind: Kind?

        public init(pattern: RoutePattern, kind: Kind?) {
            self.pattern = pattern
            self.kind = kind
        }

        /// Whether a client transition to it fetches data; `nil` when not known (then it tries).
        public var fetchesData: Bool? { kind.map(\.fetchesData) }
    }

    public let buildId: String
    /// basePath, locales and trailing slashes, as the client's router writes paths with them.
    public let config: RouterConfig
    public var basePath: String { config.basePath }
    public var locales: [String] { config.locales }
    public var defaultLocale: String? { config.defaultLocale }
    /// In Next.js's matching order; `nil` when unknown (then every path is tried as a page).
    public let routes: [Route]?
    /// `/404` and `/500` when the site has its own: pages, but the error pages they are, not
    /// routes a link leads to.
    public let errorPages: [String]
    /// The build manifest's `sortedPages`, Next.js's special pages included (`/_app`, `/404` …).
    public let pages: [String]
    /// The rewrites of `next.config.js` the client resolves itself.
    let rewrites: Rewrites
    /// The proxy's (middleware's) matchers; `nil` for a site without one.
    public let middleware: MiddlewareMatchers?
    /// The App Router's paths, as the client's filter names them.
    let routerFilters: RouterFilters
    /// A custom App with `getInitialProps` (`__NEXT_DATA__.appGip`): every page without
    /// getStaticProps is rendered on the server.
    public let appGetInitialProps: Bool
    /// The Next.js version the client was built with, when its code names it (`16.2.1`).
    public let nextVersion: String?
    /// What the client can see of its own request for `has` conditions (host, user agent, cookies).
    var clientRequest = Rewrite.ClientRequest(host: "localhost", userAgent: "", cookies: [:])

    public init(
        buildId: String, basePath: String = "", routes: [Route]?, locales: [String] = [], defaultLocale: String? = nil, errorPages: [String] = [],
        trailingSlash: Bool = false, appGetInitialProps: Bool = false
    ) {
        self.init(
            buildId: buildId, config: RouterConfig(basePath: basePath, locales: locales, defaultLocale: defaultLocale, trailingSlash: trailingSlash),
            routes: routes, errorPages: errorPages, pages: nil, rewrites: Rewrites(), middleware: nil, routerFilters: RouterFilters(),
            appGetInitialProps: appGetInitialProps, nextVersion: nil)
    }

    init(
        buildId: String, config: RouterConfig, routes: [Route]?, errorPages: [String], pages: [String]?, rewrites: Rewrites,
        middleware: MiddlewareMatchers?, routerFilters: RouterFilters, appGetInitialProps: Bool, nextVersion: String?
    ) {
        self.buildId = buildId
        self.config = config
        self.routes = routes
        self.errorPages = errorPages
        self.pages = pages ?? ((routes ?? []).map(\.pattern.description) + errorPages)
        self.rewrites = rewrites
        self.middleware = middleware
        self.routerFilters = routerFilters
        self.appGetInitialProps = appGetInitialProps
        self.nextVersion = nextVersion
    }

    /// The proxy's name as `next build` prints it: "Proxy (Middleware)" since Next.js 16.
    public var proxyName: String {
        (nextVersion?.split(separator: ".").first.flatMap { Int($0) } ?? 0) >= 16 ? "Proxy (Middleware)" : "Middleware"
    }

    /// The proxy's line of `next build`'s table with what its matchers match, `nil` without one:
    /// `ƒ Middleware  (matches every path)`.
    public var proxyLine: String? { middleware.map { "ƒ \(proxyName)  (matches \($0.summary))" } }

    /// How an error page of the site renders (`/404`, `/500`): server-rendered with a custom App's
    /// `getInitialProps`, static otherwise.
    public var errorPageKind: Route.Kind { appGetInitialProps ? .initialProps : .static }

    /// The first route that `path` (without locale) matches, as the client resolves a link.
    /// A param that is not valid percent-encoding still matches (the route regex does not
    /// decode); the router fails on it afterwards.
    public func route(for path: String) -> Route? {
        routes?.first { route in
            do throws(MalformedParameter) { return try route.pattern.parameters(of: path) != nil } catch { return true }
        }
    }

    /// The route of a page the build lists (`/posts/[id]`), with its kind.
    func route(named page: String) -> Route? { routes?.first { $0.pattern.description == page } }

    /// `resolveDynamicRoute`: `pathname` itself when it is a page, else the first dynamic page it
    /// matches, else `pathname` (no trailing slash).
    func resolveDynamicRoute(_ pathname: String) -> String {
        let clean = RouterConfig.removeTrailingSlash(pathname)
        if clean == "/404" || clean == "/_error" { return pathname }
        // The route's regular expression, which does not decode: a param that is not valid
        // percent-encoding still matches here (the router fails on it afterwards).
        if !pages.contains(clean), let dynamic = route(for: clean), dynamic.pattern.isDynamic {
            return dynamic.pattern.description
        }
        return RouterConfig.removeTrailingSlash(pathname)
    }

    /// Whether a page is one getStaticProps renders (the SSG manifest's, `_isSsg`).
    func isStaticProps(_ page: String) -> Bool { route(named: page)?.kind == .staticProps }

    /// A link's path as a navigation takes it, without the basePath the site's HTML writes in
    /// it (`/docs/posts/1` → `/posts/1`); `nil` for a path outside the basePath (another app on
    /// the same host).
    public func pagePath(ofLink path: String) -> String? {
        guard !basePath.isEmpty else { return path }
        guard path == basePath || path.hasPrefix(basePath + "/") || path.hasPrefix(basePath + "?") else { return nil }
        let rest = String(path.dropFirst(basePath.count))
        return rest.hasPrefix("/") ? rest : "/" + rest
    }

    /// A target's locale and the target without it, as Next.js's `normalizeLocalePath` reads a
    /// path: `/fr/about?x=1` → (`fr`, `/about?x=1`); a path without a locale prefix has the
    /// default locale; a site without locales, none.
    public func splitLocale(_ target: String) -> (locale: String?, target: String) {
        guard !locales.isEmpty else { return (nil, target) }
        if let (locale, rest) = LocalePrefix.split(target[...], locales: locales) {
            return (locale, rest.utf8.first == UInt8(ascii: "/") ? String(rest) : "/" + rest)
        }
        return (defaultLocale, target)
    }

    /// The request next/link sends for `target` (a path with its query) when the page has
    /// getServerSideProps: the data URL (with the locale in it on an internationalized site,
    /// and the route's parameters in its query, as the router writes it: `RouterQuery`) and
    /// Next.js's `x-nextjs-data` header. `explorer bench` sends this.
    public func dataRequest(for target: String) -> (path: String, fields: HTTPFields) {
        let (locale, unlocalized) = splitLocale(target)
        let (path, rest) = unlocalized[...].pathAndRest
        var query = RouterQuery(search: rest.utf8.first == UInt8(ascii: "?") ? rest.dropFirst().withoutFragment : "")
        query.assign(RouterQuery((try? route(for: String(path))?.pattern.parameters(of: String(path))) ?? nil))
        let dataURL = DataPath.dataURL(for: String(path), buildId: buildId, basePath: basePath, locale: locale)
        return (dataURL + query.search, [.accept: "*/*", .nextjsData: "1"])
    }
}

import HTTPTypes
import SSR

/// The site as a client sees it before it navigates: what Next.js's router knows from
/// `__NEXT_DATA__` and the build manifest.
public struct SiteInfo: Sendable {
    /// One page of the build manifest's `sortedPages`.
    public struct Route: Sendable {
        /// How a page renders, as `next build` prints it and as Next's client learns it from
        /// the page's module (`__N_SSP`, `__N_SSG`).
        public enum Kind: Sendable, Equatable {
            /// getServerSideProps: its data is fetched on every client transition.
            case serverSide
            /// getStaticProps (SSG): its data is a JSON file, fetched on a client transition too.
            case staticProps
            /// Neither: a client transition fetches nothing.
            case `static`

            /// `ƒ`, `●`, `○`, as `next build` prints them.
            public var symbol: String {
                switch self {
                case .serverSide: "ƒ"
                case .staticProps: "●"
                case .static: "○"
                }
            }
        }

        public let pattern: RoutePattern
        /// `nil` when the server does not say (a site whose page modules could not be read).
        public let kind: Kind?

        public init(pattern: RoutePattern, kind: Kind?) {
            self.pattern = pattern
            self.kind = kind
        }

        /// Whether a client transition to it fetches data; `nil` when not known (then it tries).
        public var fetchesData: Bool? { kind.map { $0 != .static } }
    }

    public let buildId: String
    public let basePath: String
    /// In Next.js's matching order; `nil` when unknown (then every path is tried as a page).
    public let routes: [Route]?
    /// An internationalized site's locales (empty for none) and its default.
    public let locales: [String]
    public let defaultLocale: String?
    /// `/404` and `/500` when the site has its own: pages, but the error pages they are, not
    /// routes a link leads to.
    public let errorPages: [String]

    public init(
        buildId: String, basePath: String = "", routes: [Route]?, locales: [String] = [], defaultLocale: String? = nil, errorPages: [String] = []
    ) {
        self.buildId = buildId
        self.basePath = basePath
        self.routes = routes
        self.locales = locales
        self.defaultLocale = defaultLocale
        self.errorPages = errorPages
    }

    /// The first route that `path` (without locale) matches, as the client resolves a link.
    /// A param that is not valid percent-encoding still matches (the route regex does not
    /// decode); the router fails on it afterwards.
    public func route(for path: String) -> Route? {
        routes?.first { route in
            do throws(MalformedParameter) { return try route.pattern.parameters(of: path) != nil } catch { return true }
        }
    }

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
    /// Next.js's `x-nextjs-data` header. The navigator and `explorer bench` both send this.
    public func dataRequest(for target: String) -> (path: String, fields: HTTPFields) {
        let path = String(splitLocale(target).target[...].pathAndRest.path)
        return dataRequest(for: target, params: (try? route(for: path)?.pattern.parameters(of: path)) ?? nil)
    }

    /// The same, with the route's parameters already decoded (the navigator has matched the
    /// route by then).
    func dataRequest(for target: String, params: QueryParameters?) -> (path: String, fields: HTTPFields) {
        let (locale, unlocalized) = splitLocale(target)
        let (path, rest) = unlocalized[...].pathAndRest
        let query = rest.utf8.first == UInt8(ascii: "?") ? rest.dropFirst().withoutFragment : ""
        let dataURL = DataPath.dataURL(for: String(path), buildId: buildId, basePath: basePath, locale: locale)
        return (dataURL + RouterQuery.search(query: query, params: params), [.accept: "*/*", .nextjsData: "1"])
    }
}

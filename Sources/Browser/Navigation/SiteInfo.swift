import HTTPTypes
import SSR

/// The site as a client sees it before it navigates: what Next.js's router knows from
/// `__NEXT_DATA__` and the build manifest.
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
    /// An internationalized site's locales (empty for none) and its default.
    public let locales: [String]
    public let defaultLocale: String?

    public init(buildId: String, basePath: String = "", routes: [Route]?, locales: [String] = [], defaultLocale: String? = nil) {
        self.buildId = buildId
        self.basePath = basePath
        self.routes = routes
        self.locales = locales
        self.defaultLocale = defaultLocale
    }

    /// The first route that `path` (without locale) matches, as the client resolves a link.
    /// A param that is not valid percent-encoding still matches (the route regex does not
    /// decode); the router fails on it afterwards.
    public func route(for path: String) -> Route? {
        routes?.first { route in
            do throws(MalformedParameter) { return try route.pattern.parameters(of: path) != nil } catch { return true }
        }
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
    /// getServerSideProps: the data URL (with the locale in it on an internationalized site)
    /// and Next.js's `x-nextjs-data` header. The navigator and `explorer bench` both send this.
    public func dataRequest(for target: String) -> (path: String, fields: HTTPFields) {
        let (locale, unlocalized) = splitLocale(target)
        let path = DataPath.dataURL(for: unlocalized, buildId: buildId, basePath: basePath, locale: locale)
        return (path, [.accept: "*/*", .nextjsData: "1"])
    }
}

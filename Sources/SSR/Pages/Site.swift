/// A site: its pages (routes from their file paths), document shell, error pages and options
/// (`basePath`, `i18n`, `buildId`). Construction checks the route table as `next build` does.
/// A class: immutable, and shared by every request without copying its dozen fields.
///
/// ```swift
/// let site = try Site(pages: [
///     PageRoute(file: "pages/index.swift", page: HomePage.self),
///     PageRoute(file: "pages/posts/[id].swift", page: PostPage.self),
/// ])
/// let engine = Engine(site: site, mode: .production)
/// ```
public final class Site: Sendable {
    /// Locales of an internationalized site (Next.js's `i18n` option).
    public struct I18n: Sendable, Equatable {
        public var locales: [String]
        public var defaultLocale: String
        /// Redirect `/` to the visitor's preferred locale (`NEXT_LOCALE` cookie, then
        /// `Accept-Language`), as Next.js does unless `localeDetection: false`.
        public var localeDetection: Bool
        public init(locales: [String], defaultLocale: String, localeDetection: Bool = true) {
            self.locales = locales
            self.defaultLocale = defaultLocale
            self.localeDetection = localeDetection
        }
    }

    public let pages: [PageRoute]
    /// The shared head and layout (`pages/_document`).
    public let document: any DocumentShell
    /// The page for 404s (`pages/404`); Next.js's default when `nil`.
    public let notFoundPage: (any ErrorPage)?
    /// The page for 500s in production (`pages/500`); Next.js's default when `nil`.
    public let errorPage: (any ErrorPage)?
    /// A path prefix the whole site lives under, e.g. `/docs` (empty for none).
    public let basePath: String
    public let i18n: I18n?
    /// Overrides the build ID (otherwise `development` in dev, one per executable in production).
    public let buildId: String?
    /// Next.js's `largePageDataBytes`: above this, rendering a page logs a warning.
    public let largePageDataBytes: Int
    /// Next.js's `generateEtags`: send an `ETag` (and answer `If-None-Match` with 304). Hashing
    /// is linear in the body; a site behind a cache that makes its own may turn it off.
    public let generateEtags: Bool

    package let routes: RouteTable<PageRoute>

    /// A site of `pages`. Throws, with Next.js's message, for a route table `next build` would
    /// refuse (conflicting dynamic segments, duplicate routes, a misplaced catch-all) and for
    /// invalid options.
    public init(
        pages: [PageRoute],
        document: any DocumentShell = DefaultDocument(),
        notFoundPage: (any ErrorPage)? = nil,
        errorPage: (any ErrorPage)? = nil,
        basePath: String = "",
        i18n: I18n? = nil,
        buildId: String? = nil,
        largePageDataBytes: Int = 128_000,
        generateEtags: Bool = true
    ) throws(RouteDefinitionError) {
        if !basePath.isEmpty && (!basePath.hasPrefix("/") || basePath.hasSuffix("/")) {
            throw RouteDefinitionError("Specified basePath has to start with a /, found \"\(basePath)\"")
        }
        if let i18n, !i18n.locales.contains(i18n.defaultLocale) {
            throw RouteDefinitionError("Specified i18n.defaultLocale should be included in i18n.locales.")
        }
        var seen: [String: String] = [:]
        var entries: [(pattern: RoutePattern, entry: PageRoute)] = []
        for page in pages {
            if let error = page.definitionError { throw error }
            guard let pattern = page.pattern else { continue }
            if let problem = page.page.staticPropsProblem { throw RouteDefinitionError("\(page.file): \(problem)") }
            let route = pattern.description
            if Site.specialPages.contains(route) {
                throw RouteDefinitionError("\(page.file): \(route) is a special page in Next.js; give it to Site(document:notFoundPage:errorPage:) instead")
            }
            if let other = seen[route] {
                throw RouteDefinitionError("Duplicate page detected. \(other) and \(page.file) resolve to \(route).")
            }
            seen[route] = page.file
            entries.append((pattern, page))
        }
        self.routes = try RouteTable(entries)
        self.pages = pages
        self.document = document
        self.notFoundPage = notFoundPage
        self.errorPage = errorPage
        self.basePath = basePath
        self.i18n = i18n
        self.buildId = buildId
        self.largePageDataBytes = largePageDataBytes
        self.generateEtags = generateEtags
    }

    /// The site's own page for 404 or 500, `nil` where Next.js's default (`_error`) serves.
    func customErrorPage(_ statusCode: Int) -> (any ErrorPage)? {
        statusCode == 404 ? notFoundPage : statusCode == 500 ? errorPage : nil
    }

    /// Next.js's special pages: not routes a page file may take, and not pages to visit when a
    /// build manifest lists them.
    package static let specialPages: Set<String> = ["/_app", "/_document", "/_error", "/404", "/500"]

    /// `/404` and `/500` when the site has its own (they are static pages in `next build`).
    package var errorPageRoutes: [String] {
        (notFoundPage != nil ? ["/404"] : []) + (errorPage != nil ? ["/500"] : [])
    }

    /// The routes in matching order, as `next build` lists them.
    public var sortedRoutes: [RoutePattern] { routes.patterns }
}

import HTTPTypes
import SSR

/// What a data answer's headers tell Next.js's client the proxy (middleware) did
/// (`getMiddlewareData`): rewrote the path to another page (`x-nextjs-rewrite`, or
/// `x-nextjs-matched-path` naming another page), redirected within the site (`x-nextjs-redirect`
/// with a path: a 3xx without `Location`), sent the browser elsewhere, or let it through.
enum MiddlewareEffect: Sendable, Equatable {
    case next
    /// Render `resolvedHref` (a page of the build) at `parsedAs`, with its query.
    case rewrite(parsedAs: RouterURL, resolvedHref: String, header: String)
    /// A client transition to `newAs` (with basePath and locale as the router writes them).
    case redirectInternal(newAs: String)
    /// A full load of `destination`.
    case redirectExternal(destination: String)

    /// The effect of `response` to the data request `source` (a data URL with its query).
    init(source: String, response: HTTPResponse, site: SiteInfo) {
        let config = site.config
        let fields = response.headerFields
        let rewriteHeader = fields[.nextjsRewrite]
        var rewriteTarget = rewriteHeader ?? fields[.nextjsMatchedPath]
        if rewriteTarget == nil, let matched = fields[.matchedPath], !matched.contains("__next_data_catchall"), !matched.contains("/_error"),
            !matched.contains("/404")
        {
            rewriteTarget = matched
        }
        if let rewriteTarget {
            guard rewriteTarget.hasPrefix("/") else {
                // An external rewrite: the client loads the page it asked for from the server.
                let (pathname, query, hash) = RouterConfig.parsePath(source)
                self = .redirectExternal(destination: config.format(config.pathnameInfo(pathname), defaultLocale: config.defaultLocale) + query + hash)
                return
            }
            self = MiddlewareEffect.rewrite(rewriteTarget, header: rewriteHeader, source: source, site: site)
            return
        }
        if let redirect = fields[.nextjsRedirect] {
            guard redirect.hasPrefix("/") else {
                self = .redirectExternal(destination: redirect)
                return
            }
            let (pathname, query, hash) = RouterConfig.parsePath(redirect)
            self = .redirectInternal(newAs: config.format(config.pathnameInfo(pathname), defaultLocale: config.defaultLocale) + query + hash)
            return
        }
        self = .next
    }

    private static func rewrite(_ target: String, header rewriteHeader: String?, source: String, site: SiteInfo) -> MiddlewareEffect {
        let config = site.config
        let pages = site.pages
        var parsedTarget = RouterURL(target)
        let info = config.pathnameInfo(parsedTarget.pathname)
        var fsPathname = RouterConfig.removeTrailingSlash(info.pathname)
        var asPath = config.addLocale(info.pathname, info.locale)
        let isDynamic = (try? RoutePattern(route: asPath))?.isDynamic == true
        if isDynamic || (rewriteHeader == nil && pages.contains(config.normalizeLocalePath(config.removeBasePath(asPath)).pathname)) {
            // The page is what the server matched: the URL stays the one asked for.
            let sourcePath = RouterURL(source).pathname
            let parsedSource = site.rewrites.isEmpty ? config.pathnameInfo(sourcePath) : RouterConfig().pathnameInfo(sourcePath)
            asPath = config.addBasePath(parsedSource.pathname)
            parsedTarget.pathname = asPath
        }
        if !site.rewrites.isEmpty {
            var query = parsedTarget.query
            let result = RewriteResolution(
                asPath, pages: pages, rewrites: site.rewrites, query: &query, config: config, request: site.clientRequest,
                resolveHref: { site.resolveDynamicRoute($0) })
            if result.matchedPage {
                parsedTarget.pathname = result.parsedAs.pathname
                asPath = parsedTarget.pathname
                parsedTarget.query.assign(result.parsedAs.query)
            }
        } else if !pages.contains(fsPathname) {
            fsPathname = site.resolveDynamicRoute(fsPathname)
        }
        let resolvedHref =
            pages.contains(fsPathname)
            ? fsPathname : site.resolveDynamicRoute(config.normalizeLocalePath(config.removeBasePath(parsedTarget.pathname)).pathname)
        if let pattern = try? RoutePattern(route: resolvedHref), pattern.isDynamic, let params = pattern.match(path: RouterConfig.parsePath(asPath).pathname) {
            parsedTarget.query.assign(RouterQuery(params))
        }
        return .rewrite(parsedAs: parsedTarget, resolvedHref: resolvedHref, header: target)
    }
}

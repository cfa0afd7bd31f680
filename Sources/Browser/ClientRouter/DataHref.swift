import SSR

/// The data URL Next.js's client asks for a page (`PageLoader.getDataHref`):
/// `<basePath>/_next/data/<buildId>/<locale><path>.json<search>`, where the path is the `as`
/// path itself (`skipInterpolation`, the router's usual call) or the route with its parameters
/// put in (`interpolateAs`), and the search is the `href`'s query — so a dynamic route's
/// parameters are in it (`posts/5.json?id=5`).
enum DataHref {
    static func make(
        href: RouterURL, asPath: String, locale: String?, skipInterpolation: Bool, buildId: String, config: RouterConfig
    ) -> String {
        let asPathname = RouterURL(asPath).pathname
        let route = RouterConfig.removeTrailingSlash(href.pathname)
        let path: String
        if skipInterpolation {
            path = asPathname
        } else if let pattern = try? RoutePattern(route: route), pattern.isDynamic {
            path = interpolateAs(pattern, asPathname: asPathname, query: href.query) ?? ""
        } else {
            path = route
        }
        let localized = RouterConfig.removeTrailingSlash(config.addLocale(path, locale))
        return config.addBasePath("/_next/data/\(buildId)" + assetPath(localized) + ".json" + href.search)
    }

    /// `getAssetPathFromRoute`: `/` is `/index`, and a route under `/index` keeps it (`/index/index`).
    static func assetPath(_ route: String) -> String {
        if route == "/" { return "/index" }
        if route == "/index" || route.hasPrefix("/index/") { return "/index" + route }
        return route
    }

    /// `interpolateAs`: `pattern`'s parameters taken from `asPathname` (when it is not the route
    /// itself) or else from `query`, each put in encoded; `nil` when one is missing.
    static func interpolateAs(_ pattern: RoutePattern, asPathname: String, query: RouterQuery) -> String? {
        var matched = RouterQuery()
        if asPathname != pattern.description, let params = pattern.match(path: asPathname) {
            matched = RouterQuery(params)
        } else {
            matched = query
        }
        var out = ""
        for segment in pattern.segments {
            switch segment {
            case .literal(let literal): out += "/" + literal
            case .dynamic(let name):
                guard let value = matched[name] else { return nil }
                out += "/" + SearchParams.encodeComponent(value.string ?? value.array.joined(separator: ","))
            case .catchAll(let name):
                guard let value = matched[name] else { return nil }
                out += "/" + value.array.map(SearchParams.encodeComponent).joined(separator: "/")
            case .optionalCatchAll(let name):
                let parts = matched[name]?.array.filter { !$0.isEmpty } ?? []
                if !parts.isEmpty { out += "/" + parts.map(SearchParams.encodeComponent).joined(separator: "/") }
            }
        }
        return out.isEmpty ? "/" : out
    }
}

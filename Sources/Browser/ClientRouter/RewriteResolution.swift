/// Where the rewrites of the build manifest take a path, as Next.js's client works it out
/// (`resolveRewrites`): `beforeFiles` all applied in turn, then — unless the path is a page —
/// `afterFiles` until one leads to a page, the dynamic routes, then `fallback`. An external
/// destination stops the client: it loads the URL from the server.
struct RewriteResolution: Sendable {
    /// The path the rewrites led to (`asPath`), with its query (`parsedAs`).
    var asPath: String
    var parsedAs: RouterURL
    /// Whether a page was reached, and which (`resolvedHref`).
    var matchedPage: Bool
    var resolvedHref: String?
    /// An external rewrite matched: the client cannot follow it.
    var externalDestination: Bool
    /// The rewrites applied, in order (`source → destination`), for people.
    var applied: [String]

    /// `asPath` (with basePath and locale, as the router passes it), the build's `pages`, the
    /// query the router holds (updated in place, as `Object.assign(query, …)` does), and how a
    /// path resolves to a dynamic route.
    init(
        _ asPath: String, pages: [String], rewrites: Rewrites, query: inout RouterQuery, config: RouterConfig,
        request: Rewrite.ClientRequest, resolveHref: (String) -> String
    ) {
        self.asPath = asPath
        parsedAs = RouterURL(asPath)
        matchedPage = false
        resolvedHref = nil
        externalDestination = false
        applied = []
        var fsPathname = RewriteResolution.fsPathname(parsedAs.pathname, config)

        // `handleRewrite`: true when the rewrite ends the search (a page, or an external one).
        func handle(_ rewrite: Rewrite) -> Bool {
            guard let params = rewrite.params(for: parsedAs.pathname, query: parsedAs.query, request: request) else { return false }
            guard let destination = rewrite.destination else {
                externalDestination = true
                applied.append("\(rewrite.source) → (another site)")
                return true
            }
            let prepared = PreparedDestination(destination: destination, params: params, query: query, appendParamsToQuery: true)
            parsedAs = prepared.parsedDestination
            self.asPath = prepared.newURL
            query.assign(prepared.parsedDestination.query)
            applied.append("\(rewrite.source) → \(destination)")
            fsPathname = RewriteResolution.fsPathname(self.asPath, config)
            if pages.contains(fsPathname) {
                matchedPage = true
                resolvedHref = fsPathname
                return true
            }
            let resolved = resolveHref(fsPathname)
            resolvedHref = resolved
            if resolved != self.asPath, pages.contains(resolved) {
                matchedPage = true
                return true
            }
            return false
        }

        for rewrite in rewrites.beforeFiles { _ = handle(rewrite) }
        matchedPage = pages.contains(fsPathname)
        guard !matchedPage else { return }
        var finished = false
        for rewrite in rewrites.afterFiles where handle(rewrite) {
            finished = true
            break
        }
        if !finished {
            let resolved = resolveHref(fsPathname)
            resolvedHref = resolved
            matchedPage = pages.contains(resolved)
            finished = matchedPage
        }
        if !finished {
            for rewrite in rewrites.fallback where handle(rewrite) { break }
        }
    }

    /// The page path a URL path stands for: basePath and locale off, no trailing slash.
    private static func fsPathname(_ path: String, _ config: RouterConfig) -> String {
        RouterConfig.removeTrailingSlash(config.normalizeLocalePath(config.removeBasePath(RouterConfig.parsePath(path).pathname)).pathname)
    }
}

/// A rewrite's destination with the source's parameters put in (`prepareDestination`): the new
/// path, and its query (the request's, the parameters the path does not use when
/// `appendParamsToQuery`, then the destination's own).
struct PreparedDestination: Sendable {
    var newURL: String
    var parsedDestination: RouterURL

    init(destination: String, params: RouterQuery, query: RouterQuery, appendParamsToQuery: Bool) {
        let (path, search, hash) = RouterConfig.parsePath(destination)
        let destPath = path + hash
        var destQuery = RouterQuery(search: search)
        let pattern = try? PathToRegexp(destPath)
        let destParams = Set((pattern?.keys ?? []).compactMap { key -> String? in if case .named(let name) = key.name { name } else { nil } })
        // Parameters in the destination's query values (`?id=:id`).
        for name in destQuery.keys {
            guard let value = destQuery[name] else { continue }
            switch value {
            case .string(let text): destQuery[name] = .string(PreparedDestination.compileNonPath(text, params))
            case .array(let items): destQuery[name] = .array(items.map { PreparedDestination.compileNonPath($0, params) })
            }
        }
        let paramKeys = params.keys.filter { $0 != "nextInternalLocale" }
        if appendParamsToQuery, !paramKeys.contains(where: destParams.contains) {
            for key in paramKeys where destQuery[key] == nil { destQuery[key] = params[key] }
        }
        let compiled = (try? pattern?.compile(params)) ?? destPath
        newURL = compiled
        let (newPath, _, newHash) = RouterConfig.parsePath(compiled)
        parsedDestination = RouterURL(pathname: newPath, query: query.merging(destQuery), hash: newHash)
    }

    /// `compileNonPath`: `:name` in a query value replaced by the parameter (an array joined by `/`).
    static func compileNonPath(_ value: String, _ params: RouterQuery) -> String {
        guard value.contains(":") else { return value }
        var out = value
        for key in params.keys.sorted(by: { $0.count > $1.count }) {
            let replacement = params[key]!.array.joined(separator: "/")
            for suffix in ["*", "?", "+", ""] { out = out.replacingOccurrences(of: ":" + key + suffix, with: replacement) }
        }
        return out
    }
}

/// A URL as Next.js's router takes one apart (`parseRelativeUrl`) and writes it back
/// (`formatWithValidation`): pathname, query object and hash, relative to the site.
struct RouterURL: Sendable, Equatable {
    var pathname: String
    var query: RouterQuery
    var hash: String

    init(pathname: String, query: RouterQuery = RouterQuery(), hash: String = "") {
        self.pathname = pathname
        self.query = query
        self.hash = hash
    }

    /// `/a/b?x=1#top` → `/a/b`, `x: "1"`, `#top`.
    init(_ relative: String) {
        let (pathname, search, hash) = RouterConfig.parsePath(relative)
        self.init(pathname: pathname.isEmpty ? "/" : pathname, query: RouterQuery(search: search), hash: hash)
    }

    /// `formatUrl`: a `?` or `#` in the pathname escaped, the query as `URLSearchParams` writes it.
    var formatted: String {
        var path = ""
        for c in pathname {
            switch c {
            case "?": path += "%3F"
            case "#": path += "%23"
            default: path.append(c)
            }
        }
        return path + query.search + hash
    }

    /// The search part as written (`?…` or empty).
    var search: String { query.search }
}

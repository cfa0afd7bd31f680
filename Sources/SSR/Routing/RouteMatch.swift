/// The page a path resolves to, as a Next.js client resolves a `<Link>` target against the
/// build manifest's `sortedPages` before it fetches anything.
///
/// ```swift
/// site.match(path: "/posts/1")?.pattern.description   // "/posts/[id]"
/// ```
public struct RouteMatch: Sendable {
    public let pattern: RoutePattern
    public let route: PageRoute
    /// The decoded values of the route's dynamic segments.
    public let params: QueryParameters
}

extension Site {
    /// The page serving `path` (percent-encoded, without basePath, locale or query), or `nil`
    /// when no page matches or the path is malformed.
    public func match(path: String) -> RouteMatch? {
        guard path.hasPrefix("/"), PercentDecoding.isWellFormed(Substring(path)),
            let found = routes.match(path.split(separator: "/"))
        else { return nil }
        return RouteMatch(pattern: found.pattern, route: found.entry, params: found.params)
    }
}

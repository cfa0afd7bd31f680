import RouteFiles

/// Routes in Next.js's matching order (`getSortedRoutes`): at each level the node's own page,
/// then static children alphabetically, then `[param]`, `[...rest]`, `[[...optional]]`. The
/// first route that matches a path wins, so static segments beat dynamic ones level by level.
package struct RouteTable<Entry: Sendable>: Sendable {
    /// The patterns in matching order, and their entries at the same indices. Two arrays, not
    /// one of tuples: reading a generic tuple out of an array copies it whole, which showed in
    /// profiles as a tenth of a small page's time.
    let patterns: [RoutePattern]
    private let entries: [Entry]
    /// How many path segments each pattern takes, `nil` with a catch-all: most patterns are
    /// passed over on the count alone.
    private let segmentCounts: [Int?]
    /// Routes without parameters by path (`/about`): a path equal to one is always its first
    /// match, since static segments come before dynamic ones at every level.
    private let staticRoutes: [String: Int]

    /// Rejects what `next build` rejects, with its messages. (Callers reject duplicate routes
    /// first, with the files that define them.)
    init(_ routes: [(pattern: RoutePattern, entry: Entry)]) throws(RouteDefinitionError) {
        let tree = RouteTree()
        for route in routes { try tree.insert(route.pattern.segments) }
        let byRoute = Dictionary(routes.map { ($0.pattern.description, $0) }, uniquingKeysWith: { first, _ in first })
        let sorted = try tree.sorted().map { byRoute[$0]! }  // the tree lists exactly the inserted routes
        let patterns = sorted.map(\.pattern)
        self.patterns = patterns
        entries = sorted.map(\.entry)
        segmentCounts = patterns.map { pattern in
            pattern.segments.contains {
                switch $0 {
                case .catchAll, .optionalCatchAll: true
                case .literal, .dynamic: false
                }
            } ? nil : pattern.segments.count
        }
        staticRoutes = Dictionary(
            patterns.indices.filter { !patterns[$0].isDynamic }.map { (patterns[$0].description, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The first route matching a percent-encoded path (`/posts/1`, no trailing slash), with its
    /// decoded params; throws when that route's params cannot be decoded (a 400).
    package func match(path: Substring) throws(MalformedParameter) -> (pattern: RoutePattern, entry: Entry, params: QueryParameters)? {
        if let i = staticRoutes[String(path)] { return (patterns[i], entries[i], QueryParameters()) }
        return try match(path.pathSegments)
    }

    /// Whether `path` is exactly the route of a page without params.
    package func isStaticRoute(_ path: String) -> Bool { staticRoutes[path] != nil }

    /// The first route matching the percent-encoded path segments, with its decoded params.
    package func match(_ path: [Substring]) throws(MalformedParameter) -> (pattern: RoutePattern, entry: Entry, params: QueryParameters)? {
        for i in patterns.indices where segmentCounts[i] == nil || segmentCounts[i] == path.count {
            if let params = try patterns[i].match(path) { return (patterns[i], entries[i], params) }
        }
        return nil
    }
}

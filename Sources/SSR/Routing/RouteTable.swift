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
        let root = Node()
        for route in routes { try root.insert(route.pattern.segments[...], slugNames: [], isCatchAll: false) }
        let byRoute = Dictionary(routes.map { ($0.pattern.description, $0) }, uniquingKeysWith: { first, _ in first })
        let sorted = try root.smoosh(prefix: "/").map { byRoute[$0]! }  // smoosh lists exactly the inserted routes
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

    /// One level of the route tree (Next.js's `UrlNode`).
    private final class Node {
        var isPage = false
        var children: [String: Node] = [:]
        var slugName: String?
        var restSlugName: String?
        var optionalRestSlugName: String?

        func insert(_ segments: ArraySlice<RoutePattern.Segment>, slugNames: [String], isCatchAll: Bool) throws(RouteDefinitionError) {
            guard let segment = segments.first else {
                isPage = true
                return
            }
            if isCatchAll { throw RouteDefinitionError("Catch-all must be the last part of the URL.") }
            var slugNames = slugNames
            func handleSlug(_ previous: String?, _ next: String, written: String) throws(RouteDefinitionError) {
                if let previous, previous != next {
                    throw RouteDefinitionError("You cannot use different slug names for the same dynamic path ('\(previous)' !== '\(next)').")
                }
                for slug in slugNames {
                    if slug == next {
                        throw RouteDefinitionError("You cannot have the same slug name \"\(next)\" repeat within a single dynamic path")
                    }
                    if wordCharacters(slug) == wordCharacters(written) {
                        throw RouteDefinitionError("You cannot have the slug names \"\(slug)\" and \"\(next)\" differ only by non-word symbols within a single dynamic path")
                    }
                }
                slugNames.append(next)
            }
            let key: String
            var catchAll = false
            switch segment {
            case .literal(let s):
                key = s
            case .dynamic(let name):
                try handleSlug(slugName, name, written: "[\(name)]")
                slugName = name
                key = "[]"
            case .catchAll(let name):
                if let optional = optionalRestSlugName {
                    throw RouteDefinitionError("You cannot use both an optional and required catch-all route at the same level (\"[[...\(optional)]]\" and \"[...\(name)]\").")
                }
                try handleSlug(restSlugName, name, written: "[...\(name)]")
                restSlugName = name
                key = "[...]"
                catchAll = true
            case .optionalCatchAll(let name):
                if let rest = restSlugName {
                    throw RouteDefinitionError("You cannot use both an required and optional catch-all route at the same level (\"[...\(rest)]\" and \"[[...\(name)]]\" ).")
                }
                try handleSlug(optionalRestSlugName, name, written: "[[...\(name)]]")
                optionalRestSlugName = name
                key = "[[...]]"
                catchAll = true
            }
            let child = children[key] ?? Node()
            children[key] = child
            try child.insert(segments.dropFirst(), slugNames: slugNames, isCatchAll: catchAll)
        }

        func smoosh(prefix: String) throws(RouteDefinitionError) -> [String] {
            var routes: [String] = []
            for key in children.keys.sorted(by: { Array($0.utf16).lexicographicallyPrecedes(Array($1.utf16)) })
            where key != "[]" && key != "[...]" && key != "[[...]]" {
                routes += try children[key]!.smoosh(prefix: "\(prefix)\(key)/")
            }
            if let slugName { routes += try children["[]"]!.smoosh(prefix: "\(prefix)[\(slugName)]/") }
            if isPage {
                let route = prefix == "/" ? "/" : String(prefix.dropLast())
                if let optional = optionalRestSlugName {
                    throw RouteDefinitionError("You cannot define a route with the same specificity as a optional catch-all route (\"\(route)\" and \"\(route)[[...\(optional)]]\").")
                }
                routes.insert(route, at: 0)
            }
            if let restSlugName { routes += try children["[...]"]!.smoosh(prefix: "\(prefix)[...\(restSlugName)]/") }
            if let optionalRestSlugName {
                routes += try children["[[...]]"]!.smoosh(prefix: "\(prefix)[[...\(optionalRestSlugName)]]/")
            }
            return routes
        }

        /// `s.replace(/\W/g, '')`
        private func wordCharacters(_ s: String) -> String {
            String(s.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") })
        }
    }
}

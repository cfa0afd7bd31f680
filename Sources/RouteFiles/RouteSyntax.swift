/// How a page file's path becomes a route: the one reading shared by the build-time generator
/// (PagesGen, which reports at build time) and `Site` (which checks the table it is given), so
/// that neither accepts a file the other refuses. The rules and messages are Next.js's
/// (`getRouteFromEntrypoint`, `sorted-routes.ts`).
public enum RouteSyntax {
    /// `pages/posts/[id].swift` → `posts`, `[id]`; `pages/index.swift` → none;
    /// `pages/blog/index.swift` → `blog`; `pages/index/index.swift` → `index`.
    public static func segments(ofFile file: String) throws(RouteDefinitionError) -> [RouteSegment] {
        var path = Substring(file)
        if path.hasPrefix("pages/") { path = path.dropFirst("pages/".count) }
        guard path.hasSuffix(".swift") else {
            throw RouteDefinitionError("\(file): a page file must end in .swift")
        }
        path = path.dropLast(".swift".count)
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.last == "index" { parts.removeLast() }
        return try segments(parts, source: file)
    }

    /// A route written as a URL pattern, e.g. `/posts/[id]`.
    public static func segments(ofRoute route: String) throws(RouteDefinitionError) -> [RouteSegment] {
        try segments(route.split(separator: "/", omittingEmptySubsequences: true).map(String.init), source: route)
    }

    /// The route as Next.js writes it: `/posts/[id]`.
    public static func description(of segments: [RouteSegment]) -> String {
        "/" + segments.map { segment in
            switch segment {
            case .literal(let s): s
            case .dynamic(let n): "[\(n)]"
            case .catchAll(let n): "[...\(n)]"
            case .optionalCatchAll(let n): "[[...\(n)]]"
            }
        }.joined(separator: "/")
    }

    private static func segments(_ parts: [String], source: String) throws(RouteDefinitionError) -> [RouteSegment] {
        var segments: [RouteSegment] = []
        for part in parts {
            guard !part.isEmpty else { throw RouteDefinitionError("\(source): empty path segment") }
            guard part.hasPrefix("["), part.hasSuffix("]") else {
                if part.contains("[") || part.contains("]") {
                    throw RouteDefinitionError("\(source): brackets must enclose a whole segment ('\(part)')")
                }
                segments.append(.literal(part))
                continue
            }
            var name = Substring(part.dropFirst().dropLast())
            var optional = false
            if name.hasPrefix("["), name.hasSuffix("]") {
                name = name.dropFirst().dropLast()
                optional = true
            }
            if name.hasPrefix("…") {
                throw RouteDefinitionError("Detected a three-dot character ('…') at ('\(name)'). Did you mean ('...')?")
            }
            var catchAll = false
            if name.hasPrefix("...") {
                name = name.dropFirst(3)
                catchAll = true
            }
            if name.hasPrefix("[") || name.hasSuffix("]") {
                throw RouteDefinitionError("Segment names may not start or end with extra brackets ('\(name)').")
            }
            if name.hasPrefix(".") {
                throw RouteDefinitionError("Segment names may not start with erroneous periods ('\(name)').")
            }
            if optional && !catchAll {
                throw RouteDefinitionError("Optional route parameters are not yet supported (\"\(part)\").")
            }
            if name.isEmpty { throw RouteDefinitionError("\(source): empty parameter name in '\(part)'") }
            let n = String(name)
            segments.append(optional ? .optionalCatchAll(n) : catchAll ? .catchAll(n) : .dynamic(n))
        }
        return segments
    }
}

/// A page route such as `/posts/[id]`, `/blog/[...slug]` or `/docs/[[...slug]]`, derived from the
/// page's file path the way Next.js derives it from `pages/`.
public struct RoutePattern: Sendable, Hashable, CustomStringConvertible {
    public enum Segment: Sendable, Hashable {
        case literal(String)
        /// `[name]`: one segment.
        case dynamic(String)
        /// `[...name]`: one or more segments.
        case catchAll(String)
        /// `[[...name]]`: zero or more segments.
        case optionalCatchAll(String)
    }

    public let segments: [Segment]
    /// The route as Next.js writes it: `/posts/[id]`. Kept: every response names its page.
    public let description: String

    /// `pages/posts/[id].swift` → `/posts/[id]`; `pages/index.swift` → `/`;
    /// `pages/blog/index.swift` → `/blog`; `pages/index/index.swift` → `/index`.
    public init(file: String) throws(RouteDefinitionError) {
        var path = Substring(file)
        if path.hasPrefix("pages/") { path = path.dropFirst("pages/".count) }
        guard path.hasSuffix(".swift") else {
            throw RouteDefinitionError("\(file): a page file must end in .swift")
        }
        path = path.dropLast(".swift".count)
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.last == "index" { parts.removeLast() }
        try self.init(parts: parts, source: file)
    }

    /// A route written as a URL pattern, e.g. `/posts/[id]`.
    public init(route: String) throws(RouteDefinitionError) {
        let parts = route.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        try self.init(parts: parts, source: route)
    }

    private init(parts: [String], source: String) throws(RouteDefinitionError) {
        var segments: [Segment] = []
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
        self.segments = segments
        description = "/" + segments.map { segment in
            switch segment {
            case .literal(let s): s
            case .dynamic(let n): "[\(n)]"
            case .catchAll(let n): "[...\(n)]"
            case .optionalCatchAll(let n): "[[...\(n)]]"
            }
        }.joined(separator: "/")
    }

    /// Whether the route has a `[param]` or catch-all segment (and so `params`).
    public var isDynamic: Bool {
        segments.contains { if case .literal = $0 { false } else { true } }
    }

    /// The decoded params when `path` (percent-encoded, no query) is one of this route's
    /// paths, `nil` otherwise: how a client resolves a link against the build manifest.
    public func match(path: String) -> QueryParameters? {
        guard path.utf8.first == UInt8(ascii: "/"), PercentDecoding.isWellFormed(Substring(path)) else { return nil }
        return match(Substring(path).pathSegments)
    }

    /// Matches percent-encoded path segments (no empty ones). Returns the decoded params in
    /// route order, `nil` when the route does not match. Catch-alls split on `/` before decoding,
    /// so `%2F` stays inside an element. Callers check the encoding first, so decoding succeeds.
    func match(_ path: [Substring]) -> QueryParameters? {
        var params = QueryParameters()
        var i = 0
        for segment in segments {
            switch segment {
            case .literal(let literal):
                guard i < path.count, PercentDecoding.decodedEquals(path[i], literal) else { return nil }
                i += 1
            case .dynamic(let name):
                guard i < path.count, let value = PercentDecoding.decode(path[i]) else { return nil }
                params[name] = .string(value)
                i += 1
            case .catchAll(let name), .optionalCatchAll(let name):
                let rest = path[i...].compactMap { PercentDecoding.decode($0) }
                if rest.isEmpty {
                    if case .catchAll = segment { return nil }
                } else {
                    params[name] = .array(rest)
                }
                i = path.count
            }
        }
        return i == path.count ? params : nil
    }
}

/// A route table that Next.js would refuse to build, with its message.
public struct RouteDefinitionError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

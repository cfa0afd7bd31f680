import RouteFiles

/// A page route such as `/posts/[id]`, `/blog/[...slug]` or `/docs/[[...slug]]`, derived from the
/// page's file path the way Next.js derives it from `pages/` (by `RouteSyntax`, the reading the
/// build-time generator shares).
public struct RoutePattern: Sendable, Hashable, CustomStringConvertible {
    public typealias Segment = RouteSegment

    public let segments: [Segment]
    /// The route as Next.js writes it: `/posts/[id]`. Kept: every response names its page.
    public let description: String

    /// `pages/posts/[id].swift` → `/posts/[id]`; `pages/index.swift` → `/`;
    /// `pages/blog/index.swift` → `/blog`; `pages/index/index.swift` → `/index`.
    public init(file: String) throws(RouteDefinitionError) {
        self.init(segments: try RouteSyntax.segments(ofFile: file))
    }

    /// A route written as a URL pattern, e.g. `/posts/[id]`.
    public init(route: String) throws(RouteDefinitionError) {
        self.init(segments: try RouteSyntax.segments(ofRoute: route))
    }

    private init(segments: [Segment]) {
        self.segments = segments
        description = RouteSyntax.description(of: segments)
    }

    /// Whether the route has a `[param]` or catch-all segment (and so `params`).
    public var isDynamic: Bool {
        segments.contains { if case .literal = $0 { false } else { true } }
    }

    /// The decoded params when `path` (percent-encoded, no query) is one of this route's
    /// paths, `nil` otherwise (also when a param is not valid percent-encoding): how a client
    /// resolves a link against the build manifest.
    public func match(path: String) -> QueryParameters? {
        (try? parameters(of: path)) ?? nil
    }

    /// The decoded params when `path` (percent-encoded, no query) is one of this route's paths,
    /// `nil` otherwise; throws when it is, but a param is not valid percent-encoding.
    public func parameters(of path: String) throws(MalformedParameter) -> QueryParameters? {
        guard path.utf8.first == UInt8(ascii: "/") else { return nil }
        return try match(Substring(path).pathSegments)
    }

    /// Matches percent-encoded path segments (no empty ones) as Next.js's route regex does:
    /// literal segments byte for byte, still encoded (`/abou%74` is not `/about`). Returns the
    /// params in route order, decoded as `decodeURIComponent` does, `nil` when the route does not
    /// match, and throws when it matches but a param cannot be decoded (Next.js's `DecodeError`,
    /// a 400). Catch-alls split on `/` before decoding, so `%2F` stays inside an element.
    func match(_ path: [Substring]) throws(MalformedParameter) -> QueryParameters? {
        // Decoded only once the whole route matched: a malformed param of a route that does not
        // match is no error.
        guard matches(path) else { return nil }
        func decoded(_ segment: Substring) throws(MalformedParameter) -> String {
            guard let value = PercentDecoding.decode(segment) else { throw MalformedParameter(segment: String(segment)) }
            return value
        }
        var params = QueryParameters()
        var i = 0
        for segment in segments {
            switch segment {
            case .literal:
                i += 1
            case .dynamic(let name):
                params[name] = .string(try decoded(path[i]))
                i += 1
            case .catchAll(let name), .optionalCatchAll(let name):
                if i < path.count {
                    var values: [String] = []
                    for part in path[i...] { values.append(try decoded(part)) }
                    params[name] = .array(values)
                }
                i = path.count
            }
        }
        return params
    }

    /// Whether the segments have this route's shape, literals equal byte for byte.
    private func matches(_ path: [Substring]) -> Bool {
        var i = 0
        for segment in segments {
            switch segment {
            case .literal(let literal):
                guard i < path.count, path[i].utf8.elementsEqual(literal.utf8) else { return false }
                i += 1
            case .dynamic:
                guard i < path.count else { return false }
                i += 1
            case .catchAll:
                guard i < path.count else { return false }
                i = path.count
            case .optionalCatchAll:
                i = path.count
            }
        }
        return i == path.count
    }
}

/// A path matched a route whose parameter is not valid percent-encoding (`/posts/%E0%A4%A`):
/// `decodeURIComponent` throws there, and Next.js answers 400.
public struct MalformedParameter: Error, Sendable, Equatable {
    public let segment: String
}

/// A route table that Next.js would refuse to build, with its message.
public typealias RouteDefinitionError = RouteFiles.RouteDefinitionError

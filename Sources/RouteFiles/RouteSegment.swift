/// One segment of a page route, as Next.js reads a `pages/` path.
public enum RouteSegment: Sendable, Hashable {
    case literal(String)
    /// `[name]`: one segment.
    case dynamic(String)
    /// `[...name]`: one or more segments.
    case catchAll(String)
    /// `[[...name]]`: zero or more segments.
    case optionalCatchAll(String)
}

/// A route or route table that Next.js would refuse to build, with its message.
public struct RouteDefinitionError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

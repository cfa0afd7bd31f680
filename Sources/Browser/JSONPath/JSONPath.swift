import SSR

/// A JSONPath query (RFC 9535), parsed once and evaluated against any value: the nodes it
/// selects, each with its normalized path (`$['posts'][3]['title']`).
///
/// ```swift
/// let query = try JSONPath("$..posts[?@.id > 9990].title")
/// query.evaluate(props).map(\.path)   // ["$['pageProps']['posts'][0]['title']", …]
/// ```
public struct JSONPath: Sendable {
    /// A selected node: where it is, and its value.
    public struct Node: Sendable, Equatable {
        public let path: NormalizedPath
        public let value: JSONValue
    }

    /// Why a query is not valid JSONPath, and where (a character offset in the query).
    public struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
        public let message: String
        public let offset: Int

        public init(message: String, offset: Int) {
            self.message = message
            self.offset = offset
        }

        public var description: String { "\(message) (at character \(offset + 1))" }
    }

    let segments: [Segment]
    public let text: String

    public init(_ text: String) throws(SyntaxError) {
        self.text = text
        var parser = JSONPathParser(text)
        segments = try parser.query()
    }

    /// The nodes the query selects in `root`, in the order RFC 9535 gives them.
    public func evaluate(_ root: JSONValue) -> [Node] {
        JSONPathEvaluator(root: root).select(segments, from: [Node(path: NormalizedPath(), value: root)])
    }
}

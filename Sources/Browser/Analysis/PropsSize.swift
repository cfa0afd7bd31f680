import SSR

/// How many bytes of JSON each part of the props takes, nested, against Next.js's 128 kB
/// large-page-data threshold: where a payload's weight comes from.
///
/// ```swift
/// let size = PropsSize(props)
/// size.root.children.first?.key   // the first top-level key, with its bytes and share
/// ```
public struct PropsSize: Sendable {
    public struct Node: Sendable {
        /// `.user`, `[3]`, or `pageProps` for the root.
        public let key: String
        /// The parent's path, shared by all its children, and this node's part of the path
        /// (`.title`, `[3]`): a path of its own per node took tens of megabytes for 10 MB of props.
        let parentPath: String
        let component: String
        /// Bytes of the value's JSON (as `JSON.stringify` writes it).
        public let bytes: Int
        /// The node's share of all the props, 0…1.
        public let share: Double
        /// Members or elements, in order; empty for strings, numbers, booleans and null.
        public let children: [Node]

        /// Where the node is, as Next.js writes paths in its errors: `.posts[3].title`.
        public var path: String { parentPath + component }

        /// The node without its children.
        var alone: Node { Node(key: key, parentPath: parentPath, component: component, bytes: bytes, share: share, children: []) }
    }

    /// Next.js's default `largePageDataBytes`.
    public static let nextThreshold = 128_000

    public let root: Node
    public let threshold: Int
    public var total: Int { root.bytes }
    public var isOverThreshold: Bool { total > threshold }

    private init(root: Node, threshold: Int) {
        self.root = root
        self.threshold = threshold
    }

    /// The total alone (the root without its children): the tree is as large as the props
    /// themselves, and a view that has read it needs only the total afterwards.
    public var summary: PropsSize { PropsSize(root: root.alone, threshold: threshold) }

    public init(_ props: JSONValue, threshold: Int = PropsSize.nextThreshold) {
        self.threshold = threshold
        let total = PropsSize.size(props)
        root = PropsSize.node(props, key: "pageProps", parentPath: "", component: "", total: max(total, 1))
    }

    /// The `limit` biggest nodes at any depth below the root, largest first (a parent comes
    /// before its children when they are the same size), without their children: holding a
    /// top-level node would hold most of the tree.
    public func largest(_ limit: Int) -> [Node] {
        guard limit > 0 else { return [] }
        func before(_ a: Node, _ b: Node) -> Bool { a.bytes > b.bytes || (a.bytes == b.bytes && a.path.count < b.path.count) }
        // The best `limit` kept in order as the tree is walked: no sort of every node.
        var best: [Node] = []
        var stack = root.children
        while let node = stack.popLast() {
            stack.append(contentsOf: node.children)
            if best.count == limit, let last = best.last, !before(node, last) { continue }
            let at = best.firstIndex { before(node, $0) } ?? best.count
            best.insert(node, at: at)
            if best.count > limit { best.removeLast() }
        }
        return best.map(\.alone)
    }

    private static func node(_ value: JSONValue, key: String, parentPath: String, component: String, total: Int) -> Node {
        var children: [Node] = []
        let path = parentPath + component
        switch value {
        case .object(let members):
            children = members.map { member in
                node(member.value, key: member.key, parentPath: path, component: SerializationError.PathComponent.key(member.key).text, total: total)
            }
        case .array(let elements):
            children = elements.enumerated().map { index, element in
                let component = SerializationError.PathComponent.index(index).text
                return node(element, key: component, parentPath: path, component: component, total: total)
            }
        default: break
        }
        let bytes = children.isEmpty ? size(value) : containerSize(value, children: children)
        return Node(key: key, parentPath: parentPath, component: component, bytes: bytes, share: Double(bytes) / Double(total), children: children)
    }

    private static func containerSize(_ value: JSONValue, children: [Node]) -> Int {
        let commas = max(0, children.count - 1)
        switch value {
        case .object(let members):
            return 2 + commas + zip(members, children).reduce(0) { $0 + stringSize($1.0.key) + 1 + $1.1.bytes }
        default:
            return 2 + commas + children.reduce(0) { $0 + $1.bytes }
        }
    }

    /// The length of `value`'s compact JSON, without building it.
    static func size(_ value: JSONValue) -> Int {
        switch value {
        case .null: 4
        case .bool(let b): b ? 4 : 5
        case .number: (try? PropsEncoder().encode(value).count) ?? 4
        case .string(let s): stringSize(s)
        case .array(let elements): 2 + max(0, elements.count - 1) + elements.reduce(0) { $0 + size($1) }
        case .object(let members):
            2 + max(0, members.count - 1) + members.reduce(0) { $0 + stringSize($1.key) + 1 + size($1.value) }
        }
    }

    /// A string's JSON length: quotes, two-character escapes, `\u00XX` for other controls.
    static func stringSize(_ s: String) -> Int {
        var count = 2
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x08, 0x09, 0x0A, 0x0C, 0x0D: count += 2
            case 0..<0x20: count += 6
            default: count += 1
            }
        }
        return count
    }
}

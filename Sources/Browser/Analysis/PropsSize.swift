import SSR

/// How many bytes of JSON each part of the props takes, nested, against Next.js's 128 kB
/// large-page-data threshold: where a payload's weight comes from.
///
/// ```swift
/// let size = PropsSize(props)
/// let first = size.root.children.first   // the first top-level key: its key, path and bytes
/// first.map(size.share)                   // its share of the whole, 0…1
/// ```
public struct PropsSize: Sendable {
    /// A part of the props: the root, a member or an element.
    public struct Node: Sendable {
        private enum Place: Sendable {
            case inTree(Entries, Int)
            /// Kept without the tree (``PropsSize/summary``, ``PropsSize/largest(_:)``).
            case alone(key: String, path: String, bytes: Int)
        }
        private let place: Place

        fileprivate init(_ entries: Entries, _ index: Int) { place = .inTree(entries, index) }
        private init(key: String, path: String, bytes: Int) { place = .alone(key: key, path: path, bytes: bytes) }

        /// `user`, `[3]`, or `props` for the root.
        public var key: String {
            switch place {
            case .inTree(let entries, let index): entries.key(of: index)
            case .alone(let key, _, _): key
            }
        }

        /// Bytes of the value's JSON (as `JSON.stringify` writes it).
        public var bytes: Int {
            switch place {
            case .inTree(let entries, let index): entries.list[index].bytes
            case .alone(_, _, let bytes): bytes
            }
        }

        /// Where the node is, as Next.js writes paths in its errors: `.posts[3].title`.
        public var path: String {
            switch place {
            case .inTree(let entries, let index): entries.path(of: index)
            case .alone(_, let path, _): path
            }
        }

        /// Members or elements, in order; empty for strings, numbers, booleans and null.
        public var children: [Node] {
            switch place {
            case .inTree(let entries, let index): entries.children(of: index)
            case .alone: []
            }
        }

        /// The tree the node is in, unless it is alone.
        fileprivate var entries: Entries? {
            if case .inTree(let entries, _) = place { entries } else { nil }
        }

        /// The node without the tree: holding it does not hold every other node.
        var alone: Node { Node(key: key, path: path, bytes: bytes) }
    }

    /// Every value of the props in document order (a value, then what is inside it), with its
    /// size and where it ends: one array. A tree of nodes, each with an array of children and
    /// its path, took as long to build as all the rest of a 10 MB page's preparation.
    fileprivate final class Entries: Sendable {
        struct Entry {
            /// The member's key; empty for an element.
            var key: String
            var bytes: Int
            /// The index after the value's last descendant.
            var end: Int32
            var parent: Int32
            /// Its place among its siblings (an element's index).
            var position: Int32
            var isIndex: Bool
        }
        let list: [Entry]

        init(_ props: JSONValue) {
            var list: [Entry] = []
            _ = Entries.add(props, key: "props", isIndex: false, position: 0, parent: -1, into: &list)
            self.list = list
        }

        /// Appends `value` and everything inside it; the bytes of its JSON.
        private static func add(_ value: JSONValue, key: String, isIndex: Bool, position: Int, parent: Int, into list: inout [Entry]) -> Int {
            let index = list.count
            list.append(Entry(key: key, bytes: 0, end: 0, parent: Int32(clamping: parent), position: Int32(clamping: position), isIndex: isIndex))
            var bytes: Int
            switch value {
            case .object(let members):
                bytes = 2 + max(0, members.count - 1)
                for (position, member) in members.enumerated() {
                    bytes += PropsSize.stringSize(member.key) + 1
                    bytes += add(member.value, key: member.key, isIndex: false, position: position, parent: index, into: &list)
                }
            case .array(let elements):
                bytes = 2 + max(0, elements.count - 1)
                for (position, element) in elements.enumerated() {
                    bytes += add(element, key: "", isIndex: true, position: position, parent: index, into: &list)
                }
            default:
                bytes = PropsSize.size(value)
            }
            list[index].bytes = bytes
            list[index].end = Int32(clamping: list.count)
            return bytes
        }

        func key(of index: Int) -> String {
            let entry = list[index]
            return entry.isIndex ? SerializationError.PathComponent.index(Int(entry.position)).text : entry.key
        }

        func children(of index: Int) -> [Node] {
            var children: [Node] = []
            var child = index + 1
            while child < Int(list[index].end) {
                children.append(Node(self, child))
                child = Int(list[child].end)
            }
            return children
        }

        func path(of index: Int) -> String {
            var components: [String] = []
            var at = index
            while at > 0 {
                let entry = list[at]
                components.append(
                    entry.isIndex ? SerializationError.PathComponent.index(Int(entry.position)).text : SerializationError.PathComponent.key(entry.key).text)
                at = Int(entry.parent)
            }
            return components.reversed().joined()
        }
    }

    /// Next.js's default `largePageDataBytes`.
    public static let nextThreshold = 128_000

    public let root: Node
    public let threshold: Int
    public var total: Int { root.bytes }
    public var isOverThreshold: Bool { total > threshold }

    /// A node's share of all the props, 0…1.
    public func share(_ node: Node) -> Double { Double(node.bytes) / Double(max(total, 1)) }

    private init(root: Node, threshold: Int) {
        self.root = root
        self.threshold = threshold
    }

    /// The total alone (the root without the tree): the tree is as large as the props
    /// themselves, and a view that has read it needs only the total afterwards.
    public var summary: PropsSize { PropsSize(root: root.alone, threshold: threshold) }

    public init(_ props: JSONValue, threshold: Int = PropsSize.nextThreshold) {
        self.threshold = threshold
        root = Node(Entries(props), 0)
    }

    /// The `limit` biggest nodes at any depth below the root, largest first (of two the same
    /// size, the one with the shorter path, then the one earlier in the props), without the
    /// tree: holding one would hold every node. `pageProps` itself is not one: it is the page's
    /// props whole, not a part of them.
    public func largest(_ limit: Int) -> [Node] {
        guard limit > 0, let tree = root.entries else { return [] }
        // The best `limit` kept in order as the entries are read: no sort of every node, and a
        // path written only to break a tie.
        var best: [(index: Int, bytes: Int)] = []
        func before(_ a: (index: Int, bytes: Int), _ b: (index: Int, bytes: Int)) -> Bool {
            if a.bytes != b.bytes { return a.bytes > b.bytes }
            return tree.path(of: a.index).utf8.count < tree.path(of: b.index).utf8.count
        }
        for index in tree.list.indices.dropFirst() {
            if tree.list[index].parent == 0, tree.list[index].key == "pageProps" { continue }
            let candidate = (index: index, bytes: tree.list[index].bytes)
            if best.count == limit, let last = best.last, !before(candidate, last) { continue }
            let at = best.firstIndex { before(candidate, $0) } ?? best.count
            best.insert(candidate, at: at)
            if best.count > limit { best.removeLast() }
        }
        return best.map { Node(tree, $0.index).alone }
    }

    /// The length of `value`'s compact JSON, without building it.
    static func size(_ value: JSONValue) -> Int {
        switch value {
        case .null: 4
        case .bool(let b): b ? 4 : 5
        case .number: value.jsonText.utf8.count
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

import Browser
import SSR

/// The props as a foldable tree, flattened in document order so that a 10 MB payload costs an
/// array, not a view per node: folding rebuilds the list of visible rows, drawing reads only
/// the rows on screen.
package struct JSONTree: Sendable {
    package struct Node: Sendable {
        package enum Value: Sendable, Equatable {
            case object(count: Int), array(count: Int)
            case string(String), number(String), bool(Bool), null
        }
        /// `title`, `[3]`, or `props` for the root.
        package let label: String
        package let isIndex: Bool
        package let value: Value
        // 32 bits each: a 10 MB payload has ~700,000 nodes, and every byte of a node counts.
        private let depth32: Int32, parent32: Int32
        fileprivate var end32: Int32
        package var depth: Int { Int(depth32) }
        /// Where the node's subtree ends (the next node that is not inside it).
        package var end: Int { Int(end32) }
        package var parent: Int { Int(parent32) }
        /// Bytes of the node's JSON. (Its path is ``JSONTree/path(of:)``: stored per node, paths
        /// took tens of megabytes for 10 MB of props.)
        package let bytes: Int
        /// Why the value looks like a secret, when it does.
        package let sensitive: String?

        init(label: String, isIndex: Bool, value: Value, depth: Int, end: Int, parent: Int, bytes: Int, sensitive: String?) {
            self.label = label
            self.isIndex = isIndex
            self.value = value
            depth32 = Int32(clamping: depth)
            end32 = Int32(clamping: end)
            parent32 = Int32(clamping: parent)
            self.bytes = bytes
            self.sensitive = sensitive
        }

        /// A scalar as it reads: a string's text, a number, `true`, `null`.
        package var fullText: String {
            switch value {
            case .string(let text), .number(let text): text
            case .bool(let flag): flag ? "true" : "false"
            case .null: "null"
            case .object(let count): "{…} \(count) keys"
            case .array(let count): "[…] \(count) items"
            }
        }

        package var isContainer: Bool {
            switch value {
            case .object, .array: true
            default: false
            }
        }
    }

    package internal(set) var nodes: [Node] = []
    var folded: [Bool] = []
    /// Indices of the nodes shown, in order.
    package private(set) var visible: [Int] = []
    /// In a diff's tree (``init(diff:new:)``), how side b differs at a node; the nodes inside an
    /// added or removed one are marked by it.
    package internal(set) var marks: [Int: DiffMark] = [:]

    /// Rows shown at first: levels are opened while the tree stays this short.
    static let comfortableRows = 400

    package init(_ props: JSONValue, size: PropsSize, sensitive: [SensitiveFinding]) {
        let reasons = Dictionary(sensitive.map { ($0.path, $0.reason) }, uniquingKeysWith: { a, _ in a })
        add(props, size: size.root, isIndex: false, depth: 0, parent: -1, reasons: reasons)
        folded = nodes.map(\.isContainer)
        var level = foldedLevel
        setLevel(level)
        let deepest = nodes.map(\.depth).max() ?? 0
        while level <= deepest {
            var trial = self
            trial.setLevel(level + 1)
            guard trial.visible.count <= Self.comfortableRows else { break }
            self = trial
            level += 1
        }
    }

    /// Appends `value` and everything inside it; `label` names it instead of its size node's key.
    mutating func add(
        _ value: JSONValue, size: PropsSize.Node, label: String? = nil, isIndex: Bool, depth: Int, parent: Int, reasons: [String: String]
    ) {
        let index = appendNode(value, size: size, label: label, isIndex: isIndex, depth: depth, parent: parent, reasons: reasons)
        switch value {
        case .object(let members):
            for (member, child) in zip(members, size.children) {
                add(member.value, size: child, isIndex: false, depth: depth + 1, parent: index, reasons: reasons)
            }
        case .array(let elements):
            for (element, child) in zip(elements, size.children) {
                add(element, size: child, isIndex: true, depth: depth + 1, parent: index, reasons: reasons)
            }
        default: break
        }
        close(index)
    }

    /// Appends the node of `value` alone (its subtree empty until ``close(_:)``); its index.
    mutating func appendNode(
        _ value: JSONValue, size: PropsSize.Node, label: String?, isIndex: Bool, depth: Int, parent: Int, reasons: [String: String]
    ) -> Int {
        let index = nodes.count
        let shown: Node.Value
        switch value {
        case .object(let members): shown = .object(count: members.count)
        case .array(let elements): shown = .array(count: elements.count)
        case .string(let text): shown = .string(text)
        case .number: shown = .number(value.jsonText)
        case .bool(let flag): shown = .bool(flag)
        case .null: shown = .null
        }
        nodes.append(Node(label: label ?? size.key, isIndex: isIndex, value: shown, depth: depth, end: index + 1, parent: parent,
                          bytes: size.bytes, sensitive: reasons.isEmpty ? nil : reasons[size.path]))
        return index
    }

    /// Node `index`'s subtree ends here.
    mutating func close(_ index: Int) {
        nodes[index].end32 = Int32(clamping: nodes.count)
    }

    /// The path Next.js would print for a node (`.posts[3].title`; empty for the root).
    package func path(of index: Int) -> String {
        var components: [String] = []
        var at = index
        while at > 0 {
            let node = nodes[at]
            components.append(node.isIndex ? node.label : SerializationError.PathComponent.key(node.label).text)
            at = node.parent
        }
        return components.reversed().joined()
    }

    /// A node's path as steps from the root (the props: `pageProps` is a first step): names and indexes.
    package func steps(of index: Int) -> [NormalizedPath.Step] {
        var steps: [NormalizedPath.Step] = []
        var at = index
        while at > 0 {
            let node = nodes[at]
            if node.isIndex, let number = Int(node.label.dropFirst().dropLast()) {
                steps.append(.index(number))
            } else {
                steps.append(.name(node.label))
            }
            at = node.parent
        }
        return steps.reversed()
    }

    package func isFolded(_ index: Int) -> Bool { folded[index] }

    /// The row a node is shown on, or the row of its nearest shown ancestor.
    package func row(of index: Int) -> Int {
        var low = 0, high = visible.count
        while low < high {
            let mid = (low + high) / 2
            if visible[mid] <= index { low = mid + 1 } else { high = mid }
        }
        return max(0, low - 1)
    }

    package mutating func setFolded(_ index: Int, _ value: Bool) {
        guard nodes[index].isContainer, folded[index] != value else { return }
        folded[index] = value
        rebuild()
    }

    /// Opens the first `level` levels and folds everything deeper.
    package mutating func setLevel(_ level: Int) {
        for index in nodes.indices where nodes[index].isContainer { folded[index] = nodes[index].depth >= level }
        rebuild()
    }

    /// The level "fold all" goes back to: the props' keys, and inside `pageProps` (the page's
    /// own props, one key of Next.js's props object) the page's keys too.
    package var foldedLevel: Int {
        // The root's children only: a subtree is skipped whole.
        var child = 1
        while child < nodes.count {
            if nodes[child].label == "pageProps", nodes[child].isContainer { return 2 }
            child = max(child + 1, nodes[child].end)
        }
        return 1
    }

    /// Unfolds every ancestor of `index`, so that it is shown.
    package mutating func reveal(_ index: Int) {
        var parent = nodes[index].parent
        var changed = false
        while parent >= 0 {
            if folded[parent] { folded[parent] = false; changed = true }
            parent = nodes[parent].parent
        }
        if changed { rebuild() }
    }

    /// The deepest level shown anywhere: what `+` and `-` step from.
    package var openLevel: Int {
        var level = 0
        for index in visible where nodes[index].isContainer && !folded[index] { level = max(level, nodes[index].depth + 1) }
        return level
    }

    mutating func rebuild() {
        visible.removeAll(keepingCapacity: true)
        var index = 0
        while index < nodes.count {
            visible.append(index)
            index = folded[index] ? nodes[index].end : index + 1
        }
    }

    /// Whether node `index` (its key or its value) contains the query.
    package func matches(_ index: Int, _ search: TextSearch) -> Bool {
        let node = nodes[index]
        if search.matches(node.label) { return true }
        if case .changed(let from, _)? = marks[index], search.matches(from) { return true }
        switch node.value {
        case .string(let text), .number(let text): return search.matches(text)
        case .bool(let flag): return search.matches(flag ? "true" : "false")
        case .null: return search.matches("null")
        default: return false
        }
    }

    /// One row as shown: indent, fold marker, key, value, and size or warning.
    package func line(_ index: Int) -> StyledText {
        let node = nodes[index]
        let mark = marks.isEmpty ? nil : self.mark(of: index)
        var line = marks.isEmpty ? StyledText() : StyledText(mark?.sign ?? " ", mark?.style ?? .dim).appending(" ")
        line.append(String(repeating: "  ", count: min(node.depth, 30)))
        if node.isContainer {
            line.append(folded[index] ? "▸ " : "▾ ", .punctuation)
        } else {
            line.append("  ")
        }
        if node.depth == 0 {
            line.append(node.label, .heading)
        } else {
            line.append(node.label, node.isIndex ? .dim : .key)
        }
        if case .moved(let from)? = marks[index] { line.append(" (was [\(from)])", .dim) }
        line.append(": ", .punctuation)
        if case .changed(let from, _)? = marks[index] {
            line.append(from, .serverError)
            line.append(" → ", .punctuation)
        }
        let bytes = PrettyBytes.format(node.bytes)
        switch node.value {
        case .object(let count):
            line.append(folded[index] ? "{…}" : "{", .punctuation)
            line.append(" \(count) \(count == 1 ? "key" : "keys") · \(bytes)", .dim)
        case .array(let count):
            line.append(folded[index] ? "[…]" : "[", .punctuation)
            line.append(" \(count) \(count == 1 ? "item" : "items") · \(bytes)", .dim)
        case .string(let text): line.append("\"\(text)\"", .string)
        case .number(let text): line.append(text, .number)
        case .bool(let flag): line.append(flag ? "true" : "false", .literal)
        case .null: line.append("null", .literal)
        }
        if let reason = node.sensitive { line.append("  ⚠ \(reason)", .warning) }
        if !marks.isEmpty { appendDiffNote(index, to: &line) }
        return line
    }
}

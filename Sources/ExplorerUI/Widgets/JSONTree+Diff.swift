import Browser
import SSR

/// How side b's props differ from side a's at a node of a diff's tree.
package enum DiffMark: Sendable, Equatable {
    case added, removed
    /// A value replaced: a's value as JSON (cut), and the size change in bytes.
    case changed(from: String, byteDelta: Int)
    /// An element matched by its id at another index in a.
    case moved(from: Int)
    /// An object or array with changes inside.
    case changedInside

    /// The column before the row: `+`, `-`, `~`, `↕`, or nothing.
    var sign: String {
        switch self {
        case .added: "+"
        case .removed: "-"
        case .changed: "~"
        case .moved: "↕"
        case .changedInside: " "
        }
    }

    var style: Style {
        switch self {
        case .added: .success
        case .removed: .serverError
        case .changed, .moved: .warning
        case .changedInside: .plain
        }
    }
}

/// The props of two exchanges as one tree: side b's, with what a had and b has not put back
/// where it was, each difference marked. Unchanged objects and arrays start folded, so that the
/// changes are what shows; they open as the Props view's do.
extension JSONTree {
    /// Shown a's value of a changed node up to this many characters.
    static let shownOldValue = 60
    /// An added or removed object or array starts open when it is this small.
    static let openedSubtree = 40

    package init(diff: PropsDiff, new: JSONValue) {
        var build = DiffBuild(containers: diff.containers)
        for change in diff.changes {
            if change.kind == .removed {
                build.removals[change.parent, default: []].append(change)
            } else {
                build.changes[change.path, default: []].append(change)
            }
        }
        addDiff(new, size: PropsSize(new).root, label: nil, isIndex: false, depth: 0, parent: -1, path: "", &build)
        folded = nodes.indices.map { index in
            guard nodes[index].isContainer, index > 0 else { return false }
            if build.opened.contains(index) { return false }
            switch marks[index] {
            case .added, .removed: return nodes[index].end - index > JSONTree.openedSubtree
            default: return true
            }
        }
        rebuild()
    }

    /// The changes by where they are, while the tree is built.
    private struct DiffBuild {
        let containers: Set<String>
        /// Changes but removals, by path; removals by their container's path.
        var changes: [String: [PropsDiff.Change]] = [:]
        var removals: [String: [PropsDiff.Change]] = [:]
        /// Nodes with changes inside: they start open.
        var opened: Set<Int> = []
    }

    private mutating func addDiff(
        _ value: JSONValue, size: PropsSize.Node, label: String?, isIndex: Bool, depth: Int, parent: Int, path: String, _ diff: inout DiffBuild
    ) {
        let here = diff.changes[path] ?? []
        let index = nodes.count
        if here.contains(where: { $0.kind == .added }) {
            add(value, size: size, label: label, isIndex: isIndex, depth: depth, parent: parent, reasons: [:])
            marks[index] = .added
            return
        }
        if let changed = here.first(where: { $0.kind == .changed }) {
            add(value, size: size, label: label, isIndex: isIndex, depth: depth, parent: parent, reasons: [:])
            let old = changed.old?.jsonText ?? ""
            let shown = old.count > JSONTree.shownOldValue ? String(old.prefix(JSONTree.shownOldValue - 1)) + "…" : old
            marks[index] = .changed(from: shown, byteDelta: changed.byteDelta)
            return
        }
        guard diff.containers.contains(path) else {
            // Unchanged (or only moved): as it is in b.
            add(value, size: size, label: label, isIndex: isIndex, depth: depth, parent: parent, reasons: [:])
            if case .moved(let from)? = here.first?.kind { marks[index] = .moved(from: from) }
            return
        }
        // Changes inside: this node alone, then what b has not (at a's place), then b's members.
        _ = appendNode(value, size: size, label: label, isIndex: isIndex, depth: depth, parent: parent, reasons: [:])
        marks[index] = .changedInside
        if case .moved(let from)? = here.first?.kind { marks[index] = .moved(from: from) }
        diff.opened.insert(index)
        for removal in diff.removals[path] ?? [] {
            guard let old = removal.old, let place = removal.place else { continue }
            let at = nodes.count
            let (label, isIndex) = JSONTree.label(place)
            add(old, size: PropsSize(old).root, label: label, isIndex: isIndex, depth: depth + 1, parent: index, reasons: [:])
            marks[at] = .removed
        }
        switch value {
        case .object(let members):
            for (member, child) in zip(members, size.children) {
                addDiff(member.value, size: child, label: nil, isIndex: false, depth: depth + 1, parent: index,
                        path: path + SerializationError.PathComponent.key(member.key).text, &diff)
            }
        case .array(let elements):
            for (offset, (element, child)) in zip(elements, size.children).enumerated() {
                addDiff(element, size: child, label: nil, isIndex: true, depth: depth + 1, parent: index,
                        path: path + SerializationError.PathComponent.index(offset).text, &diff)
            }
        default: break
        }
        close(index)
    }

    private static func label(_ place: SerializationError.PathComponent) -> (String, Bool) {
        switch place {
        case .key(let key): (key, false)
        case .index: (place.text, true)
        }
    }

    /// A node's mark, or the added or removed node's it is inside.
    func mark(of index: Int) -> DiffMark? {
        if let mark = marks[index] { return mark }
        var at = nodes[index].parent
        while at >= 0 {
            if let mark = marks[at], mark == .added || mark == .removed { return mark }
            at = nodes[at].parent
        }
        return nil
    }

    /// After a row of a diff's tree: the size change of an added, removed or changed value.
    func appendDiffNote(_ index: Int, to line: inout StyledText) {
        func bytes(_ delta: Int) -> String { delta == 0 ? "±0 B" : (delta > 0 ? "+" : "−") + PrettyBytes.format(abs(delta)) }
        switch marks[index] {
        case .added: line.append("  \(bytes(nodes[index].bytes))", .success)
        case .removed: line.append("  \(bytes(-nodes[index].bytes))", .serverError)
        case .changed(_, let delta): line.append("  \(bytes(delta))", .warning)
        default: break
        }
    }
}

import SSR

/// What changed between two props values, by path (`.pageProps.items[2].title`, written as the
/// sizes and Next.js's errors write paths): members added, removed or changed with both values,
/// each with its size change in bytes of JSON. Arrays whose elements all carry a unique id-like
/// key (`id`, `key`, `slug`, `uuid`, `_id`) are matched by it, so that an element that moved is
/// one move, not a change at every index after it; other arrays are matched by index.
public struct PropsDiff: Sendable {
    public struct Change: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case added, removed, changed
            /// An element matched by its key at another index: `from` is its old index.
            case moved(from: Int)
        }

        public let kind: Kind
        /// Where, in the new value (in the old for a removal).
        public let path: String
        /// The path of the object or array it is in, and its place there (`nil` for the root):
        /// `path` is the two together.
        public let parent: String
        public let place: SerializationError.PathComponent?
        public let old: JSONValue?
        public let new: JSONValue?
        /// Bytes of JSON, new minus old (0 for a move).
        public let byteDelta: Int
    }

    public let changes: [Change]
    /// Bytes of JSON of the whole value, new minus old.
    public let byteDelta: Int
    /// The paths of the objects and arrays with a change somewhere inside (the root among them
    /// when anything changed): what a tree of the diff opens, folding the rest.
    public let containers: Set<String>

    /// The keys that identify an array's elements, in the order they are tried.
    static let identityKeys = ["id", "key", "slug", "uuid", "_id"]

    /// `old` and `new` compared; `root` is written before every path (empty: the props themselves).
    public init(_ old: JSONValue, _ new: JSONValue, root: String = "") {
        var changes: [Change] = []
        var containers: Set<String> = []
        PropsDiff.compare(old, new, at: Place(root, nil), into: &changes, containers: &containers)
        self.changes = changes
        self.containers = containers
        byteDelta = PropsDiff.size(new) - PropsDiff.size(old)
    }

    public var isEmpty: Bool { changes.isEmpty }

    /// One line per change, values cut to `valueWidth` characters: `~ .title: "A" → "B"  +1 B`,
    /// `+`, `-`, and `↕` for a move; then the total.
    public func lines(valueWidth: Int = 60) -> [String] {
        func shown(_ value: JSONValue?) -> String {
            let text = value?.jsonText ?? ""
            return text.count > valueWidth ? String(text.prefix(valueWidth - 1)) + "…" : text
        }
        func bytes(_ delta: Int) -> String { delta == 0 ? "±0 B" : (delta > 0 ? "+" : "−") + PrettyBytes.format(abs(delta)) }
        var lines = changes.map { change in
            switch change.kind {
            case .added: "+ \(change.path): \(shown(change.new))  \(bytes(change.byteDelta))"
            case .removed: "- \(change.path): \(shown(change.old))  \(bytes(change.byteDelta))"
            case .changed: "~ \(change.path): \(shown(change.old)) → \(shown(change.new))  \(bytes(change.byteDelta))"
            case .moved(let from):
                "↕ \(change.path): moved from [\(from)] (\(change.new?.objectValue?.first.map { "\($0.key) \($0.value.jsonText)" } ?? ""))"
            }
        }
        lines.append(changes.isEmpty ? "no difference" : "\(changes.count) change\(changes.count == 1 ? "" : "s"), \(bytes(byteDelta)) in all")
        return lines
    }

    static func size(_ value: JSONValue) -> Int { (try? PropsEncoder().encode(value).count) ?? 0 }

    private static func compare(
        _ old: JSONValue, _ new: JSONValue, at place: Place, into changes: inout [Change], containers: inout Set<String>
    ) {
        guard old != new else { return }
        let path = place.path
        switch (old, new) {
        case (.object, .object), (.array, .array): containers.insert(path)
        default: break
        }
        switch (old, new) {
        case (.object(let a), .object(let b)):
            // Objects keep their last member of a name, as `JSON.parse` does.
            var before: [String: JSONValue] = [:]
            for member in a { before[member.key] = member.value }
            var after: [String: JSONValue] = [:]
            for member in b { after[member.key] = member.value }
            for key in orderedKeys(a) where after[key] == nil {
                changes.append(removal(before[key]!, at: Place(path, .key(key))))
            }
            for key in orderedKeys(b) {
                let value = after[key]!
                if let previous = before[key] {
                    compare(previous, value, at: Place(path, .key(key)), into: &changes, containers: &containers)
                } else {
                    changes.append(addition(value, at: Place(path, .key(key))))
                }
            }
        case (.array(let a), .array(let b)):
            if let key = identityKey(a, b) {
                compareByKey(a, b, key: key, path: path, into: &changes, containers: &containers)
            } else {
                for index in 0..<min(a.count, b.count) { compare(a[index], b[index], at: Place(path, .index(index)), into: &changes, containers: &containers) }
                for index in b.count..<max(b.count, a.count) { changes.append(removal(a[index], at: Place(path, .index(index)))) }
                for index in a.count..<max(a.count, b.count) { changes.append(addition(b[index], at: Place(path, .index(index)))) }
            }
        default:
            changes.append(Change(kind: .changed, at: place, old: old, new: new, byteDelta: size(new) - size(old)))
        }
    }

    /// Elements matched by `key`: removed ones (at their old index), then in the new order each
    /// kept one (moved when its index changed, then its own changes) or added one.
    private static func compareByKey(
        _ a: [JSONValue], _ b: [JSONValue], key: String, path: String, into changes: inout [Change], containers: inout Set<String>
    ) {
        var oldIndex: [JSONValue: Int] = [:]
        for (index, element) in a.enumerated() { oldIndex[element[key]!] = index }
        let newKeys = Set(b.map { $0[key]! })
        for (index, element) in a.enumerated() where !newKeys.contains(element[key]!) {
            changes.append(removal(element, at: Place(path, .index(index))))
        }
        // A move is an element whose place among the kept ones changed, not one that only
        // shifted because another was added or removed before it.
        let keptOld = a.filter { newKeys.contains($0[key]!) }.map { $0[key]! }
        let keptNew = b.filter { oldIndex[$0[key]!] != nil }.map { $0[key]! }
        let stay = Set(longestCommonSubsequence(keptOld, keptNew))
        for (index, element) in b.enumerated() {
            let id = element[key]!
            guard let from = oldIndex[id] else {
                changes.append(addition(element, at: Place(path, .index(index))))
                continue
            }
            if !stay.contains(id) {
                changes.append(Change(kind: .moved(from: from), at: Place(path, .index(index)), old: nil, new: .object([.init(key, id)]), byteDelta: 0))
            }
            compare(a[from], element, at: Place(path, .index(index)), into: &changes, containers: &containers)
        }
    }

    /// The id-like key every element of both arrays has, with a scalar value unique in each.
    private static func identityKey(_ a: [JSONValue], _ b: [JSONValue]) -> String? {
        guard !a.isEmpty, !b.isEmpty else { return nil }
        return identityKeys.first { key in
            [a, b].allSatisfy { elements in
                var seen = Set<JSONValue>()
                for element in elements {
                    guard let id = element[key] else { return false }
                    switch id {
                    case .string, .number: break
                    default: return false
                    }
                    guard seen.insert(id).inserted else { return false }
                }
                return true
            }
        }
    }

    /// The elements of the longest sequence common to both, in order (keys are unique in each).
    /// Hunt–Szymanski style: the new positions of the old elements, and their longest increasing
    /// run, in O(n log n) for 10,000 elements.
    private static func longestCommonSubsequence(_ a: [JSONValue], _ b: [JSONValue]) -> [JSONValue] {
        var position: [JSONValue: Int] = [:]
        for (index, id) in b.enumerated() { position[id] = index }
        let sequence = a.compactMap { position[$0] }
        var tails: [Int] = [], tailIndex: [Int] = [], previous = [Int](repeating: -1, count: sequence.count)
        for (i, value) in sequence.enumerated() {
            var low = 0, high = tails.count
            while low < high {
                let middle = (low + high) / 2
                if tails[middle] < value { low = middle + 1 } else { high = middle }
            }
            if low > 0 { previous[i] = tailIndex[low - 1] }
            if low == tails.count { tails.append(value); tailIndex.append(i) } else { tails[low] = value; tailIndex[low] = i }
        }
        var run: [JSONValue] = []
        var i = tailIndex.last ?? -1
        while i >= 0 { run.append(b[sequence[i]]); i = previous[i] }
        return run.reversed()
    }

    private static func orderedKeys(_ members: [JSONValue.Member]) -> [String] {
        var seen = Set<String>()
        return members.map(\.key).filter { seen.insert($0).inserted }
    }

    /// Where a value is: its container's path and its place in it.
    struct Place {
        let parent: String
        let component: SerializationError.PathComponent?
        init(_ parent: String, _ component: SerializationError.PathComponent?) {
            self.parent = parent
            self.component = component
        }
        var path: String { parent + (component?.text ?? "") }
    }

    private static func addition(_ value: JSONValue, at place: Place) -> Change {
        Change(kind: .added, at: place, old: nil, new: value, byteDelta: size(value))
    }

    private static func removal(_ value: JSONValue, at place: Place) -> Change {
        Change(kind: .removed, at: place, old: value, new: nil, byteDelta: -size(value))
    }
}

extension PropsDiff.Change {
    init(kind: Kind, at place: PropsDiff.Place, old: JSONValue?, new: JSONValue?, byteDelta: Int) {
        self.kind = kind
        path = place.path
        parent = place.parent
        self.place = place.component
        self.old = old
        self.new = new
        self.byteDelta = byteDelta
    }
}

/// A query or route parameter value: a string, or a list (a repeated search key, or the
/// segments of a catch-all route).
public enum QueryValue: Sendable, Hashable, Codable {
    case string(String)
    case array([String])

    /// The value if it is a single string.
    public var string: String? { if case .string(let s) = self { s } else { nil } }

    /// The value as a list: a single string becomes a one-element list.
    public var array: [String] {
        switch self {
        case .string(let s): [s]
        case .array(let a): a
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self) { self = .string(s) } else { self = .array(try c.decode([String].self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        }
    }
}

/// Named values in order: `query` and `params` of the context, which keep the order in which
/// Next.js builds them (and so in which `__NEXT_DATA__.query` lists them).
public struct QueryParameters: Sendable, Hashable, Codable, Sequence {
    public private(set) var entries: [(name: String, value: QueryValue)]

    public init(_ entries: [(name: String, value: QueryValue)] = []) { self.entries = entries }

    /// The value named `name`; setting replaces it in place (or appends), `nil` removes it.
    public subscript(name: String) -> QueryValue? {
        get { entries.first { $0.name == name }?.value }
        set {
            if let i = entries.firstIndex(where: { $0.name == name }) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append((name, newValue))
            }
        }
    }

    public var isEmpty: Bool { entries.isEmpty }
    public var names: [String] { entries.map(\.name) }

    public func makeIterator() -> IndexingIterator<[(name: String, value: QueryValue)]> { entries.makeIterator() }

    public static func == (a: Self, b: Self) -> Bool {
        a.entries.count == b.entries.count && zip(a.entries, b.entries).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for e in entries { hasher.combine(e.name); hasher.combine(e.value) }
    }

    /// From a JSON object (in the order the decoder lists its keys).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        entries = try c.allKeys.map { ($0.stringValue, try c.decode(QueryValue.self, forKey: $0)) }
    }

    /// As a JavaScript object: integer-like names first.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        for e in JSPropertyOrder.sorted(entries.map { (key: $0.name, value: $0.value) }, stable: true) {
            try c.encode(e.value, forKey: AnyKey(stringValue: e.key))
        }
    }
}

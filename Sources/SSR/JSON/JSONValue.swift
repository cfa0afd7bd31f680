/// Any JSON value, with object members kept in order: for props whose shape is only known at
/// run time, and for reading props back (the explorer's tree keeps the server's key order).
///
/// ```swift
/// let props: JSONValue = ["title": "Hello", "tags": ["a", "b"], "views": 3]
/// ```
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// Members in order. Encoding puts integer-like keys first, as JavaScript objects do.
    case object([Member])

    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONValue
        public init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The member named `key` of an object (the last one if repeated, as `JSON.parse` keeps).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    /// The element at `index` of an array.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }

    /// The payload when the value is of that kind, else `nil`.
    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    public var doubleValue: Double? { if case .number(let d) = self { d } else { nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    public var objectValue: [Member]? { if case .object(let m) = self { m } else { nil } }

    /// Parses JSON text (RFC 8259), keeping member order.
    public init(parsing bytes: some Collection<UInt8>) throws(JSONParseError) {
        self = try JSONParser.parse(Array(bytes))
    }

    /// Parses JSON text (RFC 8259), keeping member order.
    public init(parsing text: String) throws(JSONParseError) {
        self = try JSONParser.parse(Array(text.utf8))
    }

    /// The JSON text of this value, as `JSON.stringify` writes it.
    public var jsonText: String {
        // Scalars directly: a 10 MB payload's tree asks for the text of every number.
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let d) where d.isFinite: return JSNumber.format(d)
        default:
            let bytes = (try? PropsEncoder().encode(self)) ?? Array("null".utf8)
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    func write(to writer: JSONStreamWriter) throws {
        switch self {
        case .null: writer.append("null")
        case .bool(let b): writer.append(b ? "true" : "false")
        case .number(let d): try writer.double(d)
        case .string(let s): writer.string(s)
        case .array(let items):
            let level = writer.depth
            writer.openContainer(UInt8(ascii: "["), UInt8(ascii: "]"), at: level)
            for (i, item) in items.enumerated() {
                writer.beginMember(ofContainerAt: level)
                try writer.annotating(.index(i)) { try item.write(to: writer) }
            }
            writer.closeDeeper(than: level)
        case .object(let members):
            let ordered = JSPropertyOrder.sorted(members.map { (key: $0.key, value: $0.value) }, stable: true)
            let level = writer.depth
            writer.openContainer(UInt8(ascii: "{"), UInt8(ascii: "}"), at: level)
            for member in ordered {
                writer.beginMember(ofContainerAt: level)
                writer.string(member.key)
                writer.append(UInt8(ascii: ":"))
                try writer.annotating(.key(member.key)) { try member.value.write(to: writer) }
            }
            writer.closeDeeper(than: level)
        }
    }
}

extension JSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: AnyKey.self) {
            self = .object(try keyed.allKeys.map { Member($0.stringValue, try keyed.decode(JSONValue.self, forKey: $0)) })
        } else if var unkeyed = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !unkeyed.isAtEnd { items.append(try unkeyed.decode(JSONValue.self)) }
            self = .array(items)
        } else {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() {
                self = .null
            } else if let b = try? single.decode(Bool.self) {
                self = .bool(b)
            } else if let d = try? single.decode(Double.self) {
                self = .number(d)
            } else {
                self = .string(try single.decode(String.self))
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var c = encoder.singleValueContainer()
            try c.encodeNil()
        case .bool(let b):
            var c = encoder.singleValueContainer()
            try c.encode(b)
        case .number(let d):
            var c = encoder.singleValueContainer()
            try c.encode(d)
        case .string(let s):
            var c = encoder.singleValueContainer()
            try c.encode(s)
        case .array(let items):
            var c = encoder.unkeyedContainer()
            for item in items { try c.encode(item) }
        case .object(let members):
            var c = encoder.container(keyedBy: AnyKey.self)
            for m in members { try c.encode(m.value, forKey: AnyKey(stringValue: m.key)) }
        }
    }
}

struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { self.stringValue = String(intValue) }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(elements.map { Member($0.0, $0.1) }) }
}

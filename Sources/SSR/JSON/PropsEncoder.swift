import Foundation

/// Encodes any `Encodable` straight into a byte buffer as `JSON.stringify` would: keys in
/// declaration order (Foundation's `JSONEncoder` on Linux changes key order from process to
/// process), `/` unescaped, numbers in JavaScript form, dates as ISO-8601 strings with
/// milliseconds, and, when `scriptSafe`, the inline-script escaping of Next.js.
///
/// NaN and infinities cannot be expressed in JSON: they throw a ``SerializationError`` naming
/// the path of the value, in Next.js's `Error serializing …` format.
public struct PropsEncoder: Sendable {
    /// Escape `<`, `>`, `&`, U+2028 and U+2029 for an inline `<script>` element.
    public var scriptSafe: Bool

    public init(scriptSafe: Bool = false) { self.scriptSafe = scriptSafe }

    /// Appends the JSON of `value` to `out`. On error, `out` may hold a partial value.
    /// Returns how many bytes the script-safe escaping added.
    @discardableResult
    public func encode<T: Encodable>(_ value: T, into out: inout [UInt8]) throws(SerializationError) -> Int {
        let writer = JSONStreamWriter(scriptSafe: scriptSafe)
        swap(&writer.out, &out)
        defer { swap(&writer.out, &out) }
        do {
            try writer.encodeValue(value)
        } catch let error as SerializationError {
            throw error
        } catch {
            throw SerializationError(path: [], reason: "\(error)")
        }
        return writer.escapeBytes
    }

    /// The JSON of `value` as bytes.
    public func encode<T: Encodable>(_ value: T) throws(SerializationError) -> [UInt8] {
        var out: [UInt8] = []
        try encode(value, into: &out)
        return out
    }
}

/// A value in props that JSON cannot carry, with where it is.
public struct SerializationError: Error, Sendable, Equatable {
    public enum PathComponent: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    /// From the root of the encoded value down to the offending one.
    public var path: [PathComponent]
    /// Why, in Next.js's wording (e.g. ``"`NaN` cannot be serialized as JSON. …"``).
    public var reason: String

    public init(path: [PathComponent], reason: String) {
        self.path = path
        self.reason = reason
    }

    /// The path as Next.js prints it: `.key` for identifier-like keys, `["key"]` otherwise,
    /// `[i]` for array elements, e.g. `.k.a[1].n`.
    public var pathDescription: String {
        var text = ""
        for component in path {
            switch component {
            case .index(let i): text += "[\(i)]"
            case .key(let key) where SerializationError.isIdentifier(key): text += "." + key
            case .key(let key):
                var quoted: [UInt8] = []
                JSONStringEscaping.append(key, to: &quoted, scriptSafe: false)
                text += "[" + String(decoding: quoted, as: UTF8.self) + "]"
            }
        }
        return text
    }

    /// `/^[A-Za-z_$][A-Za-z0-9_$]*$/`
    static func isIdentifier(_ key: String) -> Bool {
        guard let first = key.utf8.first else { return false }
        func isStart(_ b: UInt8) -> Bool {
            (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x24
        }
        return isStart(first) && key.utf8.dropFirst().allSatisfy { isStart($0) || ($0 >= 0x30 && $0 <= 0x39) }
    }

    static func nonFinite(_ value: Double) -> SerializationError {
        let name = value.isNaN ? "NaN" : (value < 0 ? "-Infinity" : "Infinity")
        return SerializationError(
            path: [], reason: "`\(name)` cannot be serialized as JSON. Please only return JSON serializable data types.")
    }
}

/// Lets the writer emit `[String: V]` and `[Int: V]` with a stable key order: Swift dictionaries
/// iterate in a per-process random order. Keys come in JavaScript's property order
/// (integer-like keys first, ascending, then the rest sorted).
protocol JSONObjectLike {
    func jsonEntries() -> [(key: String, value: any Encodable)]
}

extension Dictionary: JSONObjectLike where Key: LosslessStringConvertible, Value: Encodable {
    func jsonEntries() -> [(key: String, value: any Encodable)] {
        JSPropertyOrder.sorted(map { (key: String($0.key), value: $0.value as any Encodable) }, stable: false)
    }
}

/// JavaScript orders an object's integer-like keys (canonical array indices) first, ascending;
/// the others keep insertion order.
enum JSPropertyOrder {
    static func arrayIndex(_ key: String) -> UInt32? {
        guard let n = UInt32(key), n != UInt32.max, String(n) == key else { return nil }
        return n
    }

    /// With `stable`, non-index keys keep their order (an ordered object); without, they are
    /// sorted (an unordered dictionary, made deterministic).
    static func sorted<V>(_ entries: [(key: String, value: V)], stable: Bool) -> [(key: String, value: V)] {
        let indexed = entries.compactMap { e in arrayIndex(e.key).map { ($0, e) } }.sorted { $0.0 < $1.0 }.map(\.1)
        if indexed.isEmpty && stable { return entries }
        var rest = entries.filter { arrayIndex($0.key) == nil }
        if !stable { rest.sort { $0.key < $1.key } }
        return indexed + rest
    }
}

/// The writer's state. One per `encode` call; containers write into it as the value's
/// `encode(to:)` runs, so nothing is built in between.
final class JSONStreamWriter {
    var out: [UInt8] = []
    let scriptSafe: Bool
    var escapeBytes = 0
    /// Open containers: the closing byte and how many members were written.
    private var open: [(closer: UInt8, count: Int)] = []

    init(scriptSafe: Bool) { self.scriptSafe = scriptSafe }

    var depth: Int { open.count }

    func closeDeeper(than depth: Int) {
        while open.count > depth { out.append(open.removeLast().closer) }
    }

    func openContainer(_ opener: UInt8, _ closer: UInt8, at depth: Int) {
        closeDeeper(than: depth)
        out.append(opener)
        open.append((closer, 0))
    }

    func isOpen(at depth: Int, closer: UInt8) -> Bool { open.count > depth && open[depth].closer == closer }

    /// Starts a member of the container at `index`: closes what was nested in the previous one
    /// and writes the separator.
    func beginMember(ofContainerAt index: Int) {
        closeDeeper(than: index + 1)
        if open[index].count > 0 { out.append(UInt8(ascii: ",")) }
        open[index].count += 1
    }

    func string(_ s: String) { escapeBytes += JSONStringEscaping.append(s, to: &out, scriptSafe: scriptSafe) }

    func double(_ d: Double) throws(SerializationError) {
        guard d.isFinite else { throw SerializationError.nonFinite(d) }
        out.append(contentsOf: JSNumber.format(d).utf8)
    }

    func integer<I: BinaryInteger>(_ i: I) { out.append(contentsOf: String(i).utf8) }

    func encodeValue<T: Encodable>(_ value: T) throws {
        switch value {
        case let s as String: string(s)
        case let i as Int: integer(i)
        case let i as any FixedWidthInteger: integer(i)
        case let b as Bool: out.append(contentsOf: (b ? "true" : "false").utf8)
        case let d as Double: try double(d)
        case let f as Float: try double(Double(f))
        case let date as Date: string(ISO8601.string(from: date))
        case let url as URL: string(url.absoluteString)
        case let decimal as Decimal: out.append(contentsOf: decimal.description.utf8)
        case let json as JSONValue: try json.write(to: self)
        case let object as any JSONObjectLike: try encodeObject(object.jsonEntries())
        default:
            let level = depth
            let start = out.count
            try value.encode(to: StreamEncoder(writer: self, depth: level))
            closeDeeper(than: level)
            if out.count == start { out.append(contentsOf: "{}".utf8) }  // encoded nothing, as JSONEncoder
        }
    }

    func encodeObject(_ entries: [(key: String, value: any Encodable)]) throws {
        let level = depth
        openContainer(UInt8(ascii: "{"), UInt8(ascii: "}"), at: level)
        for entry in entries {
            beginMember(ofContainerAt: level)
            string(entry.key)
            out.append(UInt8(ascii: ":"))
            try annotating(.key(entry.key)) { try encodeValue(entry.value) }
        }
        closeDeeper(than: level)
    }

    /// Prepends a path component to an error thrown below, so that errors carry their path
    /// without the writer tracking one on the happy path.
    func annotating(_ component: SerializationError.PathComponent, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch var error as SerializationError {
            error.path.insert(component, at: 0)
            throw error
        }
    }
}

private struct StreamEncoder: Encoder {
    let writer: JSONStreamWriter
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        // A second request on the same encoder (e.g. a subclass after `super.encode(to:)`)
        // continues the object already open.
        if !writer.isOpen(at: depth, closer: UInt8(ascii: "}")) {
            writer.openContainer(UInt8(ascii: "{"), UInt8(ascii: "}"), at: depth)
        }
        return KeyedEncodingContainer(KeyedStreamContainer<Key>(writer: writer, index: depth))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if !writer.isOpen(at: depth, closer: UInt8(ascii: "]")) {
            writer.openContainer(UInt8(ascii: "["), UInt8(ascii: "]"), at: depth)
        }
        return UnkeyedStreamContainer(writer: writer, index: depth)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleStreamContainer(writer: writer) }
}

private struct KeyedStreamContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: JSONStreamWriter
    let index: Int
    var codingPath: [any CodingKey] { [] }

    private func member(_ key: Key) {
        writer.beginMember(ofContainerAt: index)
        writer.string(key.stringValue)
        writer.out.append(UInt8(ascii: ":"))
    }

    mutating func encodeNil(forKey key: Key) throws {
        member(key)
        writer.out.append(contentsOf: "null".utf8)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        member(key)
        try writer.annotating(.key(key.stringValue)) { try writer.encodeValue(value) }
        writer.closeDeeper(than: index + 1)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        member(key)
        writer.openContainer(UInt8(ascii: "{"), UInt8(ascii: "}"), at: index + 1)
        return KeyedEncodingContainer(KeyedStreamContainer<NestedKey>(writer: writer, index: index + 1))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        member(key)
        writer.openContainer(UInt8(ascii: "["), UInt8(ascii: "]"), at: index + 1)
        return UnkeyedStreamContainer(writer: writer, index: index + 1)
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        member(key)
        return StreamEncoder(writer: writer, depth: index + 1)
    }
}

private struct UnkeyedStreamContainer: UnkeyedEncodingContainer {
    let writer: JSONStreamWriter
    let index: Int
    var codingPath: [any CodingKey] { [] }
    private(set) var count = 0

    init(writer: JSONStreamWriter, index: Int) {
        self.writer = writer
        self.index = index
    }

    mutating func encodeNil() throws {
        writer.beginMember(ofContainerAt: index)
        writer.out.append(contentsOf: "null".utf8)
        count += 1
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        writer.beginMember(ofContainerAt: index)
        try writer.annotating(.index(count)) { try writer.encodeValue(value) }
        writer.closeDeeper(than: index + 1)
        count += 1
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        writer.beginMember(ofContainerAt: index)
        writer.openContainer(UInt8(ascii: "{"), UInt8(ascii: "}"), at: index + 1)
        count += 1
        return KeyedEncodingContainer(KeyedStreamContainer<NestedKey>(writer: writer, index: index + 1))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        writer.beginMember(ofContainerAt: index)
        writer.openContainer(UInt8(ascii: "["), UInt8(ascii: "]"), at: index + 1)
        count += 1
        return UnkeyedStreamContainer(writer: writer, index: index + 1)
    }

    mutating func superEncoder() -> any Encoder {
        writer.beginMember(ofContainerAt: index)
        count += 1
        return StreamEncoder(writer: writer, depth: index + 1)
    }
}

private struct SingleStreamContainer: SingleValueEncodingContainer {
    let writer: JSONStreamWriter
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { writer.out.append(contentsOf: "null".utf8) }
    mutating func encode<T: Encodable>(_ value: T) throws { try writer.encodeValue(value) }
}

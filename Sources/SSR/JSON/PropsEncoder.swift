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

    /// Appends the JSON of `value` to `out`; on error, `out` is as it was.
    /// Returns how many bytes the script-safe escaping added.
    @discardableResult
    public func encode<T: Encodable>(_ value: T, into out: inout [UInt8]) throws(SerializationError) -> Int {
        let writer = JSONStreamWriter(scriptSafe: scriptSafe)
        do {
            try writer.encodeValue(value)
            out.append(writer.state.pointee.out.bytes)
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

        /// As Next.js prints it: `.key` for an identifier-like key, `["key"]` otherwise, `[i]`.
        public var text: String {
            switch self {
            case .index(let i): return "[\(i)]"
            case .key(let key) where SerializationError.isIdentifier(key): return "." + key
            case .key(let key):
                var quoted: [UInt8] = []
                JSONStringEscaping.append(key, to: &quoted, scriptSafe: false)
                return "[" + String(decoding: quoted, as: UTF8.self) + "]"
            }
        }
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
    public var pathDescription: String { path.map(\.text).joined() }

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
/// `encode(to:)` runs, so nothing is built in between. The state lives behind a pointer: stored
/// properties of a class pay a dynamic exclusivity check on every access, which showed in
/// profiles as a large share of encoding time.
final class JSONStreamWriter {
    struct State {
        var out = WriteBuffer()
        var escapeBytes = 0
        /// Open containers: the closing byte and how many members were written.
        var open: [(closer: UInt8, count: Int)] = []
        /// Which types need more than their own `encode(to:)`, decided once per type.
        var specialTypes: [ObjectIdentifier: Bool] = [:]
    }

    let state: UnsafeMutablePointer<State>
    let scriptSafe: Bool

    init(scriptSafe: Bool) {
        self.scriptSafe = scriptSafe
        state = .allocate(capacity: 1)
        state.initialize(to: State())
    }

    deinit {
        state.pointee.out.free()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    var escapeBytes: Int { state.pointee.escapeBytes }
    var depth: Int { state.pointee.open.count }

    func append(_ byte: UInt8) { state.pointee.out.append(byte) }
    func append(_ text: StaticString) { state.pointee.out.append(text) }

    /// Text that needs no escaping (a number's digits), as it is. Labelled: a literal would
    /// otherwise pick this over the `StaticString` overload.
    func append(unescaped text: String) {
        var text = text
        text.withUTF8 { state.pointee.out.append($0) }
    }

    func closeDeeper(than depth: Int) {
        while state.pointee.open.count > depth { state.pointee.out.append(state.pointee.open.removeLast().closer) }
    }

    func openContainer(_ opener: UInt8, _ closer: UInt8, at depth: Int) {
        closeDeeper(than: depth)
        state.pointee.out.append(opener)
        state.pointee.open.append((closer, 0))
    }

    func isOpen(at depth: Int, closer: UInt8) -> Bool {
        state.pointee.open.count > depth && state.pointee.open[depth].closer == closer
    }

    /// Starts a member of the container at `index`: closes what was nested in the previous one
    /// and writes the separator.
    func beginMember(ofContainerAt index: Int) {
        closeDeeper(than: index + 1)
        if state.pointee.open[index].count > 0 { state.pointee.out.append(UInt8(ascii: ",")) }
        state.pointee.open[index].count += 1
    }

    func string(_ s: String) {
        state.pointee.escapeBytes += JSONStringEscaping.append(s, to: &state.pointee.out, scriptSafe: scriptSafe)
    }

    func double(_ d: Double) throws(SerializationError) {
        guard d.isFinite else { throw SerializationError.nonFinite(d) }
        if d == d.rounded(), abs(d) < 1e15 {
            integer(Int64(d))  // the common case, without building a String
        } else {
            append(unescaped: JSNumber.format(d))
        }
    }

    /// Decimal digits written in place (no String per number).
    func integer<I: BinaryInteger>(_ value: I) {
        if value == 0 {
            state.pointee.out.append(UInt8(ascii: "0"))
            return
        }
        if value < 0 { state.pointee.out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { digits in
            var first = 40
            while magnitude > 0 {
                first -= 1
                digits[first] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            }
            state.pointee.out.append(UnsafeBufferPointer(rebasing: digits[first...]))
        }
    }

    func encodeValue<T: Encodable>(_ value: T) throws {
        // Identity checks on the static type first: far cheaper than dynamic casts.
        if T.self == String.self { return string(unsafeBitCast(value, to: String.self)) }
        if T.self == Int.self { return integer(unsafeBitCast(value, to: Int.self)) }
        if T.self == Bool.self { return append(unsafeBitCast(value, to: Bool.self) ? "true" : "false") }
        if T.self == Double.self { return try double(unsafeBitCast(value, to: Double.self)) }
        let id = ObjectIdentifier(T.self)
        let special: Bool
        if let known = state.pointee.specialTypes[id] {
            special = known
        } else {
            special = T.self is any FixedWidthInteger.Type || T.self == Float.self || T.self == Date.self
                || T.self == URL.self || T.self == Decimal.self || T.self == JSONValue.self || T.self is any JSONObjectLike.Type
            state.pointee.specialTypes[id] = special
        }
        if special {
            switch value {
            case let i as any FixedWidthInteger: integer(i)
            case let f as Float: try double(Double(f))
            case let date as Date: string(ISO8601.string(from: date))
            case let url as URL: string(url.absoluteString)
            case let decimal as Decimal: append(unescaped: decimal.description)
            case let json as JSONValue: try json.write(to: self)
            case let object as any JSONObjectLike: try encodeObject(object.jsonEntries())
            default: break
            }
            return
        }
        let level = depth
        let start = state.pointee.out.count
        try value.encode(to: StreamEncoder(writer: self, depth: level))
        closeDeeper(than: level)
        if state.pointee.out.count == start { append("{}") }  // encoded nothing, as JSONEncoder
    }

    func encodeObject(_ entries: [(key: String, value: any Encodable)]) throws {
        let level = depth
        openContainer(UInt8(ascii: "{"), UInt8(ascii: "}"), at: level)
        for entry in entries {
            beginMember(ofContainerAt: level)
            string(entry.key)
            append(UInt8(ascii: ":"))
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
        writer.append(UInt8(ascii: ":"))
    }

    mutating func encodeNil(forKey key: Key) throws {
        member(key)
        writer.append("null")
    }

    // The common scalar types skip the generic path: no type checks, no error annotation
    // (they cannot fail). Synthesized `encode(to:)` calls these overloads directly.
    mutating func encode(_ value: String, forKey key: Key) throws {
        member(key)
        writer.string(value)
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        member(key)
        writer.integer(value)
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        member(key)
        writer.append(value ? "true" : "false")
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        member(key)
        try writer.annotating(.key(key.stringValue)) { try writer.encodeValue(value) }
        writer.closeDeeper(than: index + 1)
    }

    // An optional that is `nil` is written `null`, never left out: Next.js never omits a prop
    // (`undefined` is an error there), so a page's props keep one shape. Synthesized `Codable`
    // calls `encodeIfPresent`, whose default would drop the key.
    private mutating func present<T: Encodable>(_ value: T?, _ key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try present(value, key) }
    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    mutating func encodeIfPresent(_ value: Int128?, forKey key: Key) throws { try present(value, key) }
    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    mutating func encodeIfPresent(_ value: UInt128?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try present(value, key) }

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
        writer.append("null")
        count += 1
    }

    mutating func encode(_ value: String) throws {
        writer.beginMember(ofContainerAt: index)
        writer.string(value)
        count += 1
    }

    mutating func encode(_ value: Int) throws {
        writer.beginMember(ofContainerAt: index)
        writer.integer(value)
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

    mutating func encodeNil() throws { writer.append("null") }
    mutating func encode<T: Encodable>(_ value: T) throws { try writer.encodeValue(value) }
}

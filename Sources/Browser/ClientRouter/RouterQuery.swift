import SSR

/// A query as Next.js's router holds it (`router.query`, the `query` of a parsed URL): a
/// JavaScript object of strings and string arrays. Its keys keep the order a JavaScript object
/// gives them — integer-like keys first, in numeric order, then the others in the order they
/// were first set — because that order is the order of the data URL's query string.
///
/// ```swift
/// var query = RouterQuery(search: "?b=2&a=1&a=3")   // b: "2", a: ["1", "3"]
/// query.assign(["id": .string("5")])                  // Object.assign(query, params)
/// query.search                                        // "?b=2&a=1&a=3&id=5"
/// ```
struct RouterQuery: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    private var names: [String] = []
    private var values: [String: QueryValue] = [:]

    init() {}

    init(dictionaryLiteral elements: (String, QueryValue)...) {
        for (name, value) in elements { self[name] = value }
    }

    /// `searchParamsToUrlQuery(new URLSearchParams(search))`: a repeated key becomes an array.
    init(search: Substring) {
        let query = search.utf8.first == UInt8(ascii: "?") ? search.dropFirst() : search
        for pair in SearchParams.parse(query) {
            switch values[pair.name] {
            case nil: self[pair.name] = .string(pair.value)
            case .string(let first)?: values[pair.name] = .array([first, pair.value])
            case .array(let list)?: values[pair.name] = .array(list + [pair.value])
            }
        }
    }

    init(search: String) { self.init(search: search[...]) }

    /// From route parameters, in their order.
    init(_ parameters: QueryParameters?) {
        for (name, value) in parameters ?? QueryParameters() { self[name] = value }
    }

    subscript(name: String) -> QueryValue? {
        get { values[name] }
        set {
            if newValue == nil {
                names.removeAll { $0 == name }
            } else if values[name] == nil {
                names.append(name)
            }
            values[name] = newValue
        }
    }

    var isEmpty: Bool { names.isEmpty }

    /// The keys in the order a JavaScript object lists them.
    var keys: [String] {
        names.filter(RouterQuery.isArrayIndex).sorted { UInt32($0)! < UInt32($1)! } + names.filter { !RouterQuery.isArrayIndex($0) }
    }

    /// `Object.assign(this, other)`.
    mutating func assign(_ other: RouterQuery) {
        for name in other.keys { self[name] = other[name] }
    }

    /// `{...this, ...other}`.
    func merging(_ other: RouterQuery) -> RouterQuery {
        var merged = self
        merged.assign(other)
        return merged
    }

    /// `String(urlQueryToSearchParams(query))` after a `?`, or empty when there is nothing to
    /// write; as `URLSearchParams` writes it (`formEncoded`).
    var search: String {
        var out = ""
        for name in keys {
            for value in values[name]!.array {
                out += out.isEmpty ? "?" : "&"
                out += RouterQuery.formEncoded(name) + "=" + RouterQuery.formEncoded(value)
            }
        }
        return out
    }

    /// A canonical array index (`0`, `42`, not `042`), below 2³² − 1.
    private static func isArrayIndex(_ name: String) -> Bool {
        guard let value = UInt32(name), value != .max else { return false }
        return String(value) == name
    }

    /// `application/x-www-form-urlencoded`, as `URLSearchParams` writes it: letters, digits and
    /// `*-._` kept, a space as `+`, every other byte of the UTF-8 as `%XX`.
    static func formEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "*"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "): out += "+"
            default: out += PercentDecoding.escaped(byte)
            }
        }
        return out
    }
}

import SSR

/// The query Next.js's router writes on a data URL (`getDataHref`): the target's query as
/// `URLSearchParams` reads it, gathered into an object (a repeated key becomes an array), the
/// route's parameters assigned over it (`Object.assign`: a parameter replaces the key of its
/// name in place, or comes last), written back by `URLSearchParams`. So `/posts/5` asks for
/// `posts/5.json?id=5` and `/blog/a/b` for `blog/a/b.json?slug=a&slug=b`, as a browser does
/// (`client-behaviour.md`); `/hello?x=a%20b` becomes `hello.json?x=a+b`.
enum RouterQuery {
    /// `?…`, or empty when there is nothing to write.
    static func search(query: Substring, params: QueryParameters?) -> String {
        var names: [String] = []
        var values: [String: [String]] = [:]
        for pair in SearchParams.parse(query) {
            if values[pair.name] == nil { names.append(pair.name) }
            values[pair.name, default: []].append(pair.value)
        }
        for (name, value) in params ?? QueryParameters() {
            if values[name] == nil { names.append(name) }
            values[name] = value.array
        }
        // A JavaScript object lists its integer-like keys first, in numeric order.
        let ordered = names.filter(isArrayIndex).sorted { UInt32($0)! < UInt32($1)! } + names.filter { !isArrayIndex($0) }
        var out = ""
        for name in ordered {
            for value in values[name]! {
                out += out.isEmpty ? "?" : "&"
                out += formEncoded(name) + "=" + formEncoded(value)
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

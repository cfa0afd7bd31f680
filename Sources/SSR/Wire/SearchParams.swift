/// The query string as `URLSearchParams` reads it, and the keys a client may not set.
package enum SearchParams {
    /// Name/value pairs in order, decoded (`+` is a space), with the raw pair kept for
    /// `resolvedUrl`, which repeats the original query.
    package static func parse(_ query: Substring) -> [(name: String, value: String, raw: Substring)] {
        query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = PercentDecoding.decodeFormComponent(parts[0])
            let value = parts.count > 1 ? PercentDecoding.decodeFormComponent(parts[1]) : ""
            return (name, value, pair)
        }
    }

    /// Next.js's internal keys (`__nextLocale`, `__nextDataReq`, …), its param encodings
    /// (`nxtP…`, `nxtI…`) and `_rsc`: never taken from a client (CVE-2024-51479, CVE-2026-44574).
    static func isInternal(_ name: String) -> Bool {
        name.hasPrefix("__next") || name.hasPrefix("nxtP") || name.hasPrefix("nxtI") || name == "_rsc"
    }

    /// `{...searchQuery, ...params}` without internal keys: a repeated key gives an array; a
    /// param replaces a search key of the same name in place.
    /// Linear in the number of pairs (an index by name), so a huge query string costs no more
    /// than reading it.
    static func mergedQuery(_ pairs: [(name: String, value: String, raw: Substring)], params: QueryParameters?) -> QueryParameters {
        var entries: [(name: String, values: [String])] = []
        var index: [String: Int] = [:]
        for pair in pairs where !isInternal(pair.name) {
            if let i = index[pair.name] {
                entries[i].values.append(pair.value)
            } else {
                index[pair.name] = entries.count
                entries.append((pair.name, [pair.value]))
            }
        }
        var merged = entries.map { (name: $0.name, value: $0.values.count == 1 ? QueryValue.string($0.values[0]) : .array($0.values)) }
        for (name, value) in params ?? QueryParameters() {
            if let i = index[name] { merged[i].value = value } else { merged.append((name, value)) }
        }
        return QueryParameters(merged)
    }

    /// The query of Next.js's trailing-slash redirect: read as above, `_rsc` left out, values
    /// grouped under their name in the order names first appear, then written back as Node's
    /// `querystring.stringify` does (`encodeURIComponent`; `x` becomes `x=`).
    static func redirectQuery(_ query: Substring) -> String {
        var names: [String] = []
        var values: [String: [String]] = [:]
        for pair in parse(query) where pair.name != "_rsc" {
            if values[pair.name] == nil { names.append(pair.name) }
            values[pair.name, default: []].append(pair.value)
        }
        return names.flatMap { name in values[name]!.map { encodeComponent(name) + "=" + encodeComponent($0) } }.joined(separator: "&")
    }

    /// `encodeURIComponent`: every byte but `A-Z a-z 0-9 - _ . ! ~ * ' ( )` as `%XX`.
    package static func encodeComponent(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "~"), UInt8(ascii: "*"),
                UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += PercentDecoding.escaped(byte)
            }
        }
        return out
    }
}

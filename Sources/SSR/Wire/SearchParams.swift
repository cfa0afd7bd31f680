/// The query string as `URLSearchParams` reads it, and the keys a client may not set.
enum SearchParams {
    /// Name/value pairs in order, decoded (`+` is a space), with the raw pair kept for
    /// `resolvedUrl`, which repeats the original query.
    static func parse(_ query: Substring) -> [(name: String, value: String, raw: Substring)] {
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
    static func mergedQuery(_ pairs: [(name: String, value: String, raw: Substring)], params: QueryParameters?) -> QueryParameters {
        var query = QueryParameters()
        for pair in pairs where !isInternal(pair.name) {
            switch query[pair.name] {
            case nil: query[pair.name] = .string(pair.value)
            case .string(let first)?: query[pair.name] = .array([first, pair.value])
            case .array(let values)?: query[pair.name] = .array(values + [pair.value])
            }
        }
        for (name, value) in params ?? QueryParameters() { query[name] = value }
        return query
    }
}

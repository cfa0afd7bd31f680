import HTTPTypes

/// Headers that only a framework's own infrastructure may set: a client sending them once
/// bypassed middleware or poisoned caches in Next.js (CVE-2025-29927, CVE-2024-46982).
/// The engine reads none of them; the server also drops them at the edge.
enum EdgeHeaders {
    static func isInternal(_ name: HTTPField.Name) -> Bool {
        let name = name.canonicalName
        return name.hasPrefix("x-middleware-") || name.hasPrefix("x-invoke-") || name == "x-matched-path"
            || name == "x-now-route-matches"
    }

    static func withoutInternal(_ fields: HTTPFields) -> HTTPFields {
        // Almost always none: no copy then.
        guard fields.contains(where: { isInternal($0.name) }) else { return fields }
        return HTTPFields(fields.filter { !isInternal($0.name) })
    }
}

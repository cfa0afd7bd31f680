import SSR

/// Reads `sortedPages` out of a Next.js `_buildManifest.js`: a JavaScript literal, often
/// minified and wrapped in a function, not JSON (spec, "Confirmed on real Next.js build
/// output"). The array itself is JSON-compatible: quoted strings.
enum BuildManifestReader {
    /// The site's page routes, without `/_app`, `/_error` and `/_document`; `nil` when the text
    /// has no readable `sortedPages`.
    static func routes(_ javaScript: [UInt8]) -> [RoutePattern]? {
        let key = Array("sortedPages".utf8)
        guard let found = javaScript.firstRange(of: key) else { return nil }
        var index = found.upperBound
        // `sortedPages:[` or `"sortedPages":[`
        while index < javaScript.count, javaScript[index] == UInt8(ascii: "\"") || javaScript[index] == UInt8(ascii: ":") || javaScript[index] == 0x20 {
            index += 1
        }
        guard index < javaScript.count, javaScript[index] == UInt8(ascii: "["),
              let close = arrayEnd(javaScript, from: index),
              case .array(let pages)? = try? JSONValue(parsing: javaScript[index...close])
        else { return nil }
        return pages.compactMap { page -> RoutePattern? in
            guard case .string(let route) = page, !["/_app", "/_error", "/_document"].contains(route) else { return nil }
            return try? RoutePattern(route: route)
        }
    }

    /// The `]` that closes the array opened at `start`: brackets inside strings (`[id]`) do not count.
    private static func arrayEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var inString = false, escaped = false
        for index in start..<bytes.count {
            let byte = bytes[index]
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "]") {
                return index
            }
        }
        return nil
    }
}

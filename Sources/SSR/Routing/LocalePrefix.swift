/// The locale at the start of a path, read as Next.js's `normalizeLocalePath` reads it: the
/// first segment, compared with the site's locales without regard to case. One reading for the
/// engine's requests and the browser's links.
package enum LocalePrefix {
    /// `/fr/about?x=1` → (`fr`, `/about?x=1`), `/FR` → (`fr`, ``); `nil` when the first segment
    /// is not one of `locales`.
    package static func split(_ path: Substring, locales: [String]) -> (locale: String, rest: Substring)? {
        guard path.utf8.first == UInt8(ascii: "/") else { return nil }
        let start = path.utf8.index(after: path.startIndex)
        let end = path.utf8[start...].firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? path.endIndex
        let segment = path[start..<end].lowercased()
        guard !segment.isEmpty, let locale = locales.first(where: { $0.lowercased() == segment }) else { return nil }
        return (locale, path[end...])
    }
}

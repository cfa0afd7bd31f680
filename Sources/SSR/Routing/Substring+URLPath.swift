/// A URL path read byte by byte, as JavaScript reads it: in Swift a `/` followed by a combining
/// mark is one Character, not a `/`. The engine and the browser split URLs only through these.
extension Substring {
    /// The segments between `/`s, empty ones left out.
    package var pathSegments: [Substring] {
        utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
    }

    /// Without trailing slashes, except a lone `/`.
    package var withoutTrailingSlashes: Substring {
        var path = self
        while path.utf8.count > 1 && path.utf8.last == UInt8(ascii: "/") { path = path[..<path.utf8.index(before: path.endIndex)] }
        return path
    }

    /// Up to the first `#`: the part of a URL a browser sends.
    package var withoutFragment: Substring {
        self[..<(utf8.firstIndex(of: UInt8(ascii: "#")) ?? endIndex)]
    }

    /// A target split at its first `?` or `#`: `/a/b?x#y` → (`/a/b`, `?x#y`).
    package var pathAndRest: (path: Substring, rest: Substring) {
        let end = utf8.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? endIndex
        return (self[..<end], self[end...])
    }
}

/// A URL path read byte by byte, as JavaScript reads it: in Swift a `/` followed by a combining
/// mark is one Character, not a `/`.
extension Substring {
    /// The segments between `/`s, empty ones left out.
    package var pathSegments: [Substring] {
        utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
    }

    /// Without trailing slashes, except a lone `/`.
    var withoutTrailingSlashes: Substring {
        var path = self
        while path.utf8.count > 1 && path.utf8.last == UInt8(ascii: "/") { path = path[..<path.utf8.index(before: path.endIndex)] }
        return path
    }
}

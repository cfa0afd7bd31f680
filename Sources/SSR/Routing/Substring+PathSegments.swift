extension Substring {
    /// The segments between `/`s, empty ones left out, split on the byte as JavaScript splits a
    /// URL: in Swift a `/` followed by a combining mark is one Character, not a `/`.
    package var pathSegments: [Substring] {
        utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
    }
}

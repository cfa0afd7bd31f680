import Foundation

/// Case-insensitive search in the views. An ASCII query is matched byte by byte (a search runs
/// on the UI thread over every node of a 10 MB payload, where Foundation's `range(of:options:)`
/// costs a call into CoreFoundation per string); any other query goes through Foundation.
package struct TextSearch: Sendable {
    package let query: String
    private let folded: [UInt8]?

    package init(_ query: String) {
        self.query = query
        folded = query.utf8.allSatisfy { $0 < 0x80 } ? query.utf8.map(TextSearch.lower) : nil
    }

    package func matches(_ text: String) -> Bool {
        guard let folded, let first = folded.first else {
            return text.range(of: query, options: .caseInsensitive) != nil
        }
        let bytes = text.utf8
        guard bytes.count >= folded.count else { return false }
        var index = bytes.startIndex
        while let start = bytes[index...].firstIndex(where: { TextSearch.lower($0) == first }) {
            var a = start, b = 0
            while b < folded.count, a < bytes.endIndex, TextSearch.lower(bytes[a]) == folded[b] {
                a = bytes.index(after: a)
                b += 1
            }
            if b == folded.count { return true }
            index = bytes.index(after: start)
        }
        return false
    }

    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
}

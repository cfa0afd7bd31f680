/// A search in one view: every match, found a slice of rows per frame so that a view of a
/// million lines never holds the screen, then the one the cursor is on (`3/9`).
package struct SearchState: Sendable {
    package let query: String
    package let view: ViewKind
    /// Rows of a text view, or nodes of the props tree, that contain the query, in order.
    package internal(set) var matches: [Int] = []
    /// Rows (or nodes) looked at so far, of `total`.
    package internal(set) var scanned = 0
    package let total: Int
    /// Which match the cursor is on, once the scan is done.
    package internal(set) var position: Int?
    /// The direction of the key that started it (`N` after `/` goes backwards).
    let backwards: Bool

    /// Rows looked at per frame: at most a few milliseconds each, even in a debug build.
    static let slice = 20_000

    package var isScanning: Bool { scanned < total }

    init(query: String, view: ViewKind, total: Int, backwards: Bool = false) {
        self.query = query
        self.view = view
        self.total = total
        self.backwards = backwards
    }

    /// `3/9`, `no match`, or how far the scan has come.
    package var progress: String {
        if isScanning { return "searching… \(total == 0 ? 0 : scanned * 100 / total)%" }
        guard let position, !matches.isEmpty else { return "no match" }
        return "\(position + 1)/\(matches.count)"
    }

    /// The match after (or before) `item`, wrapping around; `including` counts `item` itself.
    func next(after item: Int, backwards: Bool, including: Bool) -> Int? {
        guard !matches.isEmpty else { return nil }
        if backwards {
            let last = matches.lastIndex { including ? $0 <= item : $0 < item }
            return last ?? matches.count - 1
        }
        let first = matches.firstIndex { including ? $0 >= item : $0 > item }
        return first ?? 0
    }
}

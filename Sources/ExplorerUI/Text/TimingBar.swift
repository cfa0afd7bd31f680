/// A duration as a horizontal bar of block characters, to an eighth of a cell:
/// `TimingBar.bar(3, of: 4, width: 8)` is `██████`.
package enum TimingBar {
    private static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// `milliseconds` against `longest` (the full `width`, in cells). Durations reported by a
    /// server may exceed the longest or be negative: the bar stays within 0…`width` cells.
    package static func bar(_ milliseconds: Double, of longest: Double, width: Int) -> String {
        guard longest > 0, milliseconds.isFinite, width > 0 else { return "" }
        let cells = min(max(milliseconds / longest * Double(width), 0), Double(width))
        let full = Int(cells)
        let partial = full == width ? "" : eighths[Int((cells - Double(full)) * 8)]
        return String(repeating: "█", count: full) + partial
    }
}

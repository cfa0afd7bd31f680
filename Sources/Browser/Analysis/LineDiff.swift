/// Two texts compared line by line, as `diff -u` shows them: the differing lines with a few
/// unchanged ones around them. Lines the two share at the start and the end are set aside
/// first; the middle is matched by longest common subsequence when it is small enough
/// (2,000 lines a side), else shown as replaced whole, so that two unrelated 30,000-line
/// documents cost no more than reading them.
public struct LineDiff: Sendable, Equatable {
    public enum Line: Sendable, Equatable {
        case same(String), removed(String), added(String)
        /// Unchanged lines left out between two hunks.
        case skipped(Int)
    }

    public let lines: [Line]

    /// No line differs (then there are no lines at all).
    public var isEmpty: Bool { lines.isEmpty }

    static let largestMiddle = 2_000

    public init(_ a: [String], _ b: [String], context: Int = 2) {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let oldMiddle = Array(a[prefix..<(a.count - suffix)]), newMiddle = Array(b[prefix..<(b.count - suffix)])
        var all = a[..<prefix].map(Line.same)
        all += LineDiff.middle(oldMiddle, newMiddle)
        all += a[(a.count - suffix)...].map(Line.same)
        lines = LineDiff.folded(all, context: context)
    }

    private static func middle(_ a: [String], _ b: [String]) -> [Line] {
        guard a.count <= largestMiddle, b.count <= largestMiddle, !a.isEmpty, !b.isEmpty else {
            return a.map(Line.removed) + b.map(Line.added)
        }
        // lengths[i][j]: the longest common subsequence of a[i...] and b[j...].
        let width = b.count + 1
        var lengths = [UInt16](repeating: 0, count: (a.count + 1) * width)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i * width + j] = a[i] == b[j] ? lengths[(i + 1) * width + j + 1] + 1 : max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
            }
        }
        var out: [Line] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                out.append(.same(a[i])); i += 1; j += 1
            } else if i < a.count, j == b.count || lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
                out.append(.removed(a[i])); i += 1  // removals first, as diff -u writes them
            } else {
                out.append(.added(b[j])); j += 1
            }
        }
        return out
    }

    /// Unchanged runs longer than twice the context shown as a count.
    private static func folded(_ lines: [Line], context: Int) -> [Line] {
        let changed = lines.indices.filter { if case .same = lines[$0] { false } else { true } }
        guard !changed.isEmpty else { return [] }
        var keep = Set<Int>()
        for index in changed { for k in max(0, index - context)...min(lines.count - 1, index + context) { keep.insert(k) } }
        var out: [Line] = []
        var skipped = 0
        for (index, line) in lines.enumerated() {
            if keep.contains(index) {
                if skipped > 0 { out.append(.skipped(skipped)); skipped = 0 }
                out.append(line)
            } else {
                skipped += 1
            }
        }
        if skipped > 0 { out.append(.skipped(skipped)) }
        return out
    }

    /// `diff -u`'s marks: `-`, `+`, a space; `…` for lines left out.
    public var text: [String] {
        lines.map { line in
            switch line {
            case .same(let text): "  " + text
            case .removed(let text): "- " + text
            case .added(let text): "+ " + text
            case .skipped(let count): "… \(count) unchanged line\(count == 1 ? "" : "s")"
            }
        }
    }
}

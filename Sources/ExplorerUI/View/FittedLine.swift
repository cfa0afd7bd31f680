/// A line of parts laid out in a width, as a browser's address bar or a status line does it:
/// parts that can shrink are cut with `…`, the least important first; when even that is not
/// enough, the least important parts go. Nothing is cut without a mark.
struct FittedLine {
    struct Part {
        var text: StyledText
        /// Whether it may be cut (with `…`) rather than dropped.
        var shrinks: Bool
        /// 0 is kept longest; the highest goes first.
        var priority: Int

        init(_ text: StyledText, shrinks: Bool = false, priority: Int = 0) {
            self.text = text
            self.shrinks = shrinks
            self.priority = priority
        }
    }

    /// A shrinking part is not cut below this many columns: it goes instead.
    static let shortest = 10

    /// The parts that fit `width`, joined by `separator`.
    static func fit(_ parts: [Part], width: Int, separator: String = "  ") -> StyledText {
        var parts = parts.filter { !$0.text.runs.isEmpty }
        let gap = DisplayWidth.of(separator)
        while true {
            let natural = parts.map { DisplayWidth.of($0.text.plainText) }
            let gaps = max(0, parts.count - 1) * gap
            if natural.reduce(0, +) + gaps <= width { return join(parts, separator) }
            let fixed = zip(parts, natural).filter { !$0.0.shrinks }.map(\.1).reduce(0, +)
            let shrinking = parts.indices.filter { parts[$0].shrinks }
            let room = width - fixed - gaps
            let shortestTotal = shrinking.map { min(natural[$0], shortest) }.reduce(0, +)
            if !shrinking.isEmpty, room >= shortestTotal {
                // The most important part first gets what it needs, leaving the others their shortest.
                var left = room, widths = natural
                var waiting = shrinking.sorted { (parts[$0].priority, $0) < (parts[$1].priority, $1) }
                while !waiting.isEmpty {
                    let index = waiting.removeFirst()
                    let others = waiting.map { min(natural[$0], shortest) }.reduce(0, +)
                    widths[index] = min(natural[index], left - others)
                    left -= widths[index]
                }
                // A part less important than one that would be cut goes instead.
                let cut = shrinking.filter { widths[$0] < natural[$0] }.map { parts[$0].priority }.min()
                let leastImportant = parts.indices.max { parts[$0].priority < parts[$1].priority }
                if let cut, let leastImportant, !parts[leastImportant].shrinks, parts[leastImportant].priority > cut {
                    parts.remove(at: leastImportant)
                    continue
                }
                for index in shrinking { parts[index].text = parts[index].text.truncated(to: widths[index]) }
                return join(parts, separator)
            }
            guard let drop = parts.indices.max(by: { parts[$0].priority < parts[$1].priority }), parts.count > 1 else {
                return parts.first.map { $0.text.truncated(to: width) } ?? StyledText()
            }
            parts.remove(at: drop)
        }
    }

    private static func join(_ parts: [Part], _ separator: String) -> StyledText {
        var line = StyledText()
        for (index, part) in parts.enumerated() {
            if index > 0 { line.append(separator) }
            line.append(part.text)
        }
        return line
    }
}

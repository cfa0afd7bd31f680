/// A line of text in runs of one style each: what views produce and the grid lays out.
package struct StyledText: Sendable, Equatable, ExpressibleByStringLiteral {
    package struct Run: Sendable, Equatable {
        package var text: String
        package var style: Style
    }

    package var runs: [Run] = []

    package init() {}
    package init(_ text: String, _ style: Style = .plain) { append(text, style) }
    package init(stringLiteral value: String) { append(value, .plain) }

    package mutating func append(_ text: String, _ style: Style = .plain) {
        guard !text.isEmpty else { return }
        if let last = runs.last, last.style == style {
            runs[runs.count - 1].text += text
        } else {
            runs.append(Run(text: text, style: style))
        }
    }

    package mutating func append(_ other: StyledText) {
        for run in other.runs { append(run.text, run.style) }
    }

    package var plainText: String { runs.map(\.text).joined() }
}

extension StyledText {
    /// Cut to `columns`, with `…` where it was cut; styles kept.
    func truncated(to columns: Int) -> StyledText {
        guard DisplayWidth.of(plainText) > columns else { return self }
        guard columns > 0 else { return StyledText() }
        var out = StyledText(), used = 0
        for run in runs {
            for character in run.text {
                let width = DisplayWidth.of(String(character))
                if used + width > columns - 1 {
                    out.append("…", run.style)
                    return out
                }
                out.append(String(character), run.style)
                used += width
            }
        }
        return out
    }
}

/// A line of text in runs of one style each: what views produce and the grid lays out.
public struct StyledText: Sendable, Equatable, ExpressibleByStringLiteral {
    public struct Run: Sendable, Equatable {
        public var text: String
        public var style: Style
    }

    public var runs: [Run] = []

    public init() {}
    public init(_ text: String, _ style: Style = .plain) { append(text, style) }
    public init(stringLiteral value: String) { append(value, .plain) }

    public mutating func append(_ text: String, _ style: Style = .plain) {
        guard !text.isEmpty else { return }
        if let last = runs.last, last.style == style {
            runs[runs.count - 1].text += text
        } else {
            runs.append(Run(text: text, style: style))
        }
    }

    public mutating func append(_ other: StyledText) {
        for run in other.runs { append(run.text, run.style) }
    }

    public var plainText: String { runs.map(\.text).joined() }
}

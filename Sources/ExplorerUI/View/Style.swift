/// What a piece of text is, not how it looks: the terminal adapter picks colours and
/// attributes (and falls back to attributes alone without colour). Meaning never rests on
/// colour alone: symbols and words carry it too.
package enum Style: UInt8, Sendable, CaseIterable {
    case plain, dim, strong, heading, border, focusedBorder
    /// JSON
    case key, string, number, literal, punctuation
    /// HTML
    case tag, attributeName, attributeValue, comment, nextData
    /// Statuses and verdicts
    case success, redirect, clientError, serverError, warning
    case link, escape, bar, input

    /// The style of an HTTP status code.
    package static func status(_ code: Int) -> Style {
        switch code {
        case 200..<300: .success
        case 300..<400: .redirect
        case 400..<500: .clientError
        default: .serverError
        }
    }
}

/// How a cell stands out from its neighbours, on top of its style.
package enum Highlight: UInt8, Sendable {
    case none
    /// The focused pane's cursor row.
    case cursor
    /// A search match.
    case match
}

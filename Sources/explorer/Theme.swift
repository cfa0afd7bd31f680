import Curses
import ExplorerUI

/// How each style looks in the terminal. Without colour (NO_COLOR, a monochrome terminal) the
/// attributes remain, and symbols and words carry the meaning anyway.
enum Theme {
    static func paint(_ style: Style, _ highlight: Highlight) -> Paint {
        var paint = base(style)
        switch highlight {
        case .none: break
        case .cursor: paint.reverse = true
        case .match:
            paint.underline = true
            paint.bold = true
        }
        return paint
    }

    private static func base(_ style: Style) -> Paint {
        switch style {
        case .plain: Paint()
        case .dim, .punctuation, .comment, .border: Paint(dim: true)
        case .strong, .input: Paint(bold: true)
        case .heading, .focusedBorder: Paint(foreground: .cyan, bold: true)
        case .key, .attributeName: Paint(foreground: .cyan)
        case .string, .attributeValue, .success: Paint(foreground: .green)
        case .number: Paint(foreground: .yellow)
        case .literal, .nextData: Paint(foreground: .magenta)
        case .tag, .bar: Paint(foreground: .blue)
        case .redirect: Paint(foreground: .cyan)
        case .clientError: Paint(foreground: .yellow, bold: true)
        case .serverError, .escape: Paint(foreground: .red, bold: true)
        case .warning: Paint(foreground: .yellow, bold: true)
        case .link: Paint(foreground: .blue, underline: true)
        }
    }
}

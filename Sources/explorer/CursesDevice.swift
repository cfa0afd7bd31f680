import Curses
import ExplorerUI
import Foundation

/// The explorer's screen on a real terminal: paints the rows of a grid that changed, and
/// turns ncurses' keys into the UI's.
final class CursesDevice: TerminalDevice {
    private let terminal: Terminal
    private var painted: Grid?

    init(_ terminal: Terminal) { self.terminal = terminal }

    var size: (width: Int, height: Int) {
        let size = terminal.size
        return (size.columns, size.rows)
    }

    func nextKey(timeoutMilliseconds: Int) -> Key? {
        switch terminal.read(timeoutMilliseconds: Int32(timeoutMilliseconds)) {
        case nil, .resize?, .other?: nil
        case .character(let scalar)?:
            switch scalar.value {
            case 0x09: .tab
            case 0x0A, 0x0D: .enter
            case 0x1B: .escape
            case 0x7F, 0x08: .backspace
            default: .character(Character(scalar))
            }
        case .up?: .up
        case .down?: .down
        case .left?: .left
        case .right?: .right
        case .pageUp?: .pageUp
        case .pageDown?: .pageDown
        case .home?: .home
        case .end?: .end
        case .backspace?: .backspace
        case .delete?: .delete
        case .enter?: .enter
        case .backTab?: .backTab
        case .mouse(let x, let y, let action)?:
            switch action {
            case .press: .mouse(MouseEvent(x: x, y: y, .press))
            case .wheelUp: .mouse(MouseEvent(x: x, y: y, .wheelUp))
            case .wheelDown: .mouse(MouseEvent(x: x, y: y, .wheelDown))
            }
        }
    }

    func paint(_ grid: Grid) {
        let sameSize = painted.map { $0.width == grid.width && $0.height == grid.height } ?? false
        if !sameSize { terminal.erase() }
        for y in 0..<grid.height where !sameSize || !rowsEqual(grid, painted!, y) {
            paintRow(grid, y)
        }
        terminal.present()
        painted = grid
    }

    private func rowsEqual(_ a: Grid, _ b: Grid, _ y: Int) -> Bool {
        for x in 0..<a.width where a[x, y] != b[x, y] { return false }
        return true
    }

    /// Runs of cells in one style, each drawn with one call.
    private func paintRow(_ grid: Grid, _ y: Int) {
        var x = 0
        while x < grid.width {
            let start = x, cell = grid[x, y]
            var text = ""
            // The right half of a wide character always goes with its left half.
            while x < grid.width, x == start || grid[x, y].text.isEmpty || (grid[x, y].style == cell.style && grid[x, y].highlight == cell.highlight) {
                let current = grid[x, y]
                let columns = x + 1 < grid.width && grid[x + 1, y].text.isEmpty ? 2 : 1
                if !current.text.isEmpty { text += safe(current.text, columns: columns) }
                x += 1
            }
            terminal.draw(row: y, column: start, text: text, paint: Theme.paint(cell.style, cell.highlight))
        }
    }

    /// The grid's text when ncurses would give it the same width; otherwise `?`, so that one
    /// character the C library measures differently cannot shift the rest of the row.
    private func safe(_ text: String, columns: Int) -> String {
        if text.utf8.count == 1 { return text }
        let measured = text.unicodeScalars.reduce(0) { $0 + Terminal.columns(of: $1) }
        return measured == columns ? text : "?" + String(repeating: " ", count: columns - 1)
    }

    /// OSC 52: the terminal (or tmux, with set-clipboard on) puts the text on the clipboard.
    func copyToClipboard(_ text: String) {
        terminal.writeRaw("\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}")
    }
}

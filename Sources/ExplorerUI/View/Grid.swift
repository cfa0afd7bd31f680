/// One character cell of the screen. A wide character fills its cell and leaves the next one
/// empty (`text == ""`), as terminals draw it.
package struct Cell: Sendable, Equatable {
    package var text: String
    package var style: Style
    package var highlight: Highlight

    package static let blank = Cell(text: " ", style: .plain, highlight: .none)
}

/// A rectangle of the screen, in cells.
package struct Rect: Sendable, Equatable {
    package var x: Int, y: Int, width: Int, height: Int

    package init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The inside of a box drawn around this rectangle.
    var inner: Rect { Rect(x: x + 1, y: y + 1, width: width - 2, height: height - 2) }

    /// Whether the cell at column `x`, row `y` is inside (for the mouse).
    func contains(x column: Int, y row: Int) -> Bool { (x..<(x + width)).contains(column) && (y..<(y + height)).contains(row) }
}

/// The whole screen as cells: what the view draws and the terminal adapter paints. Tests read
/// it back as text.
package struct Grid: Sendable, Equatable {
    package let width: Int
    package let height: Int
    package private(set) var cells: [Cell]

    package init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    package subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// The rows as text, trailing spaces removed: what a user reads.
    package var lines: [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width { line += self[x, y].text }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    package var text: String { lines.joined(separator: "\n") }

    /// Writes `text` from column `x` of row `y`, never past `x + limit` (or the grid's edge),
    /// skipping its first `skip` columns (horizontal scrolling). Returns the column after it.
    @discardableResult
    package mutating func put(_ text: StyledText, x: Int, y: Int, limit: Int, skip: Int = 0) -> Int {
        guard y >= 0, y < height, x >= 0 else { return x }
        let end = min(width, x + max(0, limit))
        var column = x - skip
        for run in text.runs {
            for character in run.text {
                if column >= end { return end }
                if let glyph = Glyph.display(character) {
                    column = place(glyph.text, columns: glyph.columns, at: column, from: x, end: end, y: y, style: run.style)
                } else {
                    let escape = character == "\t" ? "    " : Glyph.escape(character)
                    let style: Style = character == "\t" ? run.style : .escape
                    for unit in escape {
                        if column >= end { return end }
                        column = place(String(unit), columns: 1, at: column, from: x, end: end, y: y, style: style)
                    }
                }
            }
        }
        return max(x, column)
    }

    @discardableResult
    package mutating func put(_ text: String, x: Int, y: Int, limit: Int, style: Style = .plain) -> Int {
        put(StyledText(text, style), x: x, y: y, limit: limit)
    }

    private mutating func place(_ text: String, columns: Int, at column: Int, from start: Int, end: Int, y: Int, style: Style) -> Int {
        if column >= start {
            if column + columns > end {
                // A wide character that does not fit: blank instead of half a glyph.
                for c in column..<end { write(Cell(text: " ", style: style, highlight: .none), x: c, y: y) }
            } else {
                write(Cell(text: text, style: style, highlight: .none), x: column, y: y)
                if columns == 2 { write(Cell(text: "", style: style, highlight: .none), x: column + 1, y: y) }
            }
        } else if column + columns > start {
            // Scrolled half off the left edge.
            for c in start..<min(end, column + columns) { write(Cell(text: " ", style: style, highlight: .none), x: c, y: y) }
        }
        return column + columns
    }

    /// Sets one cell without leaving half of a wide glyph behind: text written over either
    /// half of one (a `›` at a box's last column) blanks the other half, else the glyph would
    /// still take two columns and push the row past the edge.
    private mutating func write(_ cell: Cell, x: Int, y: Int) {
        if self[x, y].text.isEmpty, x > 0 { self[x - 1, y].text = " " }
        if x + 1 < width, self[x + 1, y].text.isEmpty { self[x + 1, y].text = " " }
        self[x, y] = cell
    }

    package mutating func fill(_ rect: Rect, style: Style = .plain) {
        for y in rect.y..<min(height, rect.y + rect.height) {
            for x in rect.x..<min(width, rect.x + rect.width) { write(Cell(text: " ", style: style, highlight: .none), x: x, y: y) }
        }
    }

    /// Marks a row of a rectangle (the cursor, a match).
    package mutating func highlight(_ highlight: Highlight, y: Int, in rect: Rect) {
        guard y >= 0, y < height else { return }
        for x in rect.x..<min(width, rect.x + rect.width) { self[x, y].highlight = highlight }
    }

    /// Marks columns of one row (a search match inside a line).
    package mutating func highlight(_ highlight: Highlight, y: Int, columns: Range<Int>) {
        guard y >= 0, y < height else { return }
        for x in max(0, columns.lowerBound)..<min(width, columns.upperBound) { self[x, y].highlight = highlight }
    }

    /// A box around `rect` with a title in its top edge.
    package mutating func box(_ rect: Rect, title: StyledText, focused: Bool) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let style: Style = focused ? .focusedBorder : .border
        let right = rect.x + rect.width - 1, bottom = rect.y + rect.height - 1
        for x in rect.x...right {
            write(Cell(text: "─", style: style, highlight: .none), x: x, y: rect.y)
            write(Cell(text: "─", style: style, highlight: .none), x: x, y: bottom)
        }
        for y in rect.y...bottom {
            write(Cell(text: "│", style: style, highlight: .none), x: rect.x, y: y)
            write(Cell(text: "│", style: style, highlight: .none), x: right, y: y)
        }
        write(Cell(text: "┌", style: style, highlight: .none), x: rect.x, y: rect.y)
        write(Cell(text: "┐", style: style, highlight: .none), x: right, y: rect.y)
        write(Cell(text: "└", style: style, highlight: .none), x: rect.x, y: bottom)
        write(Cell(text: "┘", style: style, highlight: .none), x: right, y: bottom)
        // A space on each side of the title, and a corner's width of border after it.
        var heading = StyledText(" ", style)
        heading.append(title.truncated(to: rect.width - 6))
        heading.append(" ", style)
        put(heading, x: rect.x + 2, y: rect.y, limit: rect.width - 4)
    }
}

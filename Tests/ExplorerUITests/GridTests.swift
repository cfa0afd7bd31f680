import Testing
@testable import ExplorerUI

/// Text laid out in cells as a terminal draws it: wide characters take two, marks none, and
/// nothing reaches the screen that could drive the terminal or shift a row.
@Suite struct GridTests {
    func row(_ text: String, width: Int = 20, skip: Int = 0) -> Grid {
        var grid = Grid(width: width, height: 1)
        grid.put(StyledText(text), x: 0, y: 0, limit: width, skip: skip)
        return grid
    }

    @Test func wideCharactersTakeTwoCellsAndKeepTheRowAligned() {
        let grid = row("日本|😀|a")
        #expect(grid.lines == ["日本|😀|a"])
        #expect(grid[0, 0].text == "日" && grid[1, 0].text == "")
        #expect(grid[4, 0].text == "|")
        #expect(grid[5, 0].text == "😀" && grid[6, 0].text == "" && grid[7, 0].text == "|")
    }

    /// Found by the random-keys test: a `›` at a box's last column over the right half of a
    /// wide character, or a border over either half, left a two-column glyph in one column.
    @Test func writingOverHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = row("abc日", width: 5)
        grid.put("›", x: 4, y: 0, limit: 1)
        #expect(grid.lines == ["abc ›"])
        var boxed = Grid(width: 6, height: 3)
        boxed.put("日本語", x: 0, y: 1, limit: 6)
        boxed.box(Rect(x: 1, y: 0, width: 4, height: 3), title: StyledText(""), focused: false)
        #expect(boxed.lines[1] == " │本│")
        #expect(boxed.lines.allSatisfy { DisplayWidth.of($0) <= 6 })
    }

    @Test func combiningMarksStayOnTheirBaseCharacter() {
        let grid = row("e\u{301}te\u{301}|")
        #expect(grid[0, 0].text == "e\u{301}")
        #expect(grid[3, 0].text == "|")
        #expect(DisplayWidth.of("e\u{301}te\u{301}") == 3)
    }

    @Test func controlCharactersAndEscapeSequencesAreShownEscaped() {
        let grid = row("a\u{1B}[31mb\u{07}", width: 40)
        #expect(grid.lines == ["a\\u001b[31mb\\u0007"])
        #expect(!grid.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 } })
        #expect(grid[1, 0].style == .escape)
        #expect(row("x\ny", width: 10).lines == ["x\\ny"])
        #expect(row("\u{202E}evil", width: 20).lines == ["\\u202eevil"])
    }

    @Test func emojiSequencesThatTerminalsMeasureDifferentlyAreEscaped() {
        // ncurses counts 👩‍💻 as 4 columns, terminals draw 2: shown as code points instead.
        #expect(row("👩‍💻", width: 40).lines == ["\\ud83d\\udc69\\u200d\\ud83d\\udcbb"])
        #expect(row("🇫🇷", width: 40).lines == ["\\ud83c\\uddeb\\ud83c\\uddf7"])
    }

    @Test func aWideCharacterThatDoesNotFitLeavesABlankNotHalfAGlyph() {
        var grid = Grid(width: 5, height: 1)
        grid.put(StyledText("abcd日"), x: 0, y: 0, limit: 5)
        #expect(grid.lines == ["abcd"])
        #expect(grid[4, 0].text == " ")
    }

    @Test func horizontalScrollingSkipsColumnsNotCharacters() {
        #expect(row("日本語abc", width: 4, skip: 2).lines == ["本語"])
        // Half of a wide character scrolled off the left edge is a blank.
        #expect(row("日本語abc", width: 4, skip: 1).lines == [" 本"])
    }

    @Test func truncationCountsColumns() {
        #expect(DisplayWidth.truncated("日本語テキスト", to: 7) == "日本語…")
        #expect(DisplayWidth.truncated("short", to: 7) == "short")
    }

    @Test func boxesHaveTheirTitleInTheTopEdge() {
        var grid = Grid(width: 12, height: 3)
        grid.box(Rect(x: 0, y: 0, width: 12, height: 3), title: "Props", focused: true)
        #expect(grid.lines == ["┌─ Props ──┐", "│          │", "└──────────┘"])
    }
}

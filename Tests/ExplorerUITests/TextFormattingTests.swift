import Testing
@testable import ExplorerUI

/// Text made safe and drawn for a terminal: escapes and bars.
@Suite struct TextFormattingTests {
    @Test func controlCharactersNeverReachTheTerminal() {
        #expect(TerminalText.escaped("a\u{1B}[2Jb\u{7}c\u{9B}d") == "a\\u001b[2Jb\\u0007c\\u009bd")
        #expect(TerminalText.escaped("line\n\tkept 你好 👋🏽") == "line\n\tkept 你好 👋🏽")
        #expect(TerminalText.escaped("before\u{2028}after \u{202E}evil") == "before\\u2028after \\u202eevil")
    }

    @Test func timingBarsStayInBounds() {
        #expect(TimingBar.bar(3, of: 4, width: 8) == "██████")
        #expect(TimingBar.bar(1, of: 16, width: 8) == "▌")
        #expect(TimingBar.bar(4, of: 4, width: 8) == String(repeating: "█", count: 8))
        #expect(TimingBar.bar(1e308, of: 4, width: 8) == String(repeating: "█", count: 8))
        #expect(TimingBar.bar(-5, of: 4, width: 8) == "")
        #expect(TimingBar.bar(1, of: 0, width: 8) == "")
        #expect(TimingBar.bar(.nan, of: 4, width: 8) == "")
    }
}

import Foundation
import Testing
@testable import ExplorerUI

/// The keys are written once (KeyMap); the help window, the key bar and the README say them.
@Suite struct KeyMapTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../README.md")

    /// The README's key table is the help window's rows: regenerate it from the failure message.
    @Test func theReadmeListsEveryRowOfTheHelp() throws {
        let readme = try String(contentsOf: Self.readme, encoding: .utf8)
        var table = "| Keys | What they do |\n| --- | --- |\n"
        for section in KeyMap.sections {
            for row in section.rows {
                let keys = row.bindings.map { $0.keys.map { "`\(Binding.name($0))`" }.joined(separator: " ") }.joined(separator: ", ")
                table += "| \(keys) | \(section.title.isEmpty ? "" : "\(section.title): ")\(row.action.replacingOccurrences(of: "|", with: "\\|")) |\n"
            }
        }
        #expect(readme.contains(table), "the README's key table should be:\n\(table)")
        // The mouse, in the help window's words.
        #expect(readme.contains("**The mouse** does what the keys would where it lands"))
        #expect(Screen.help(width: 100).map(\.plainText).joined(separator: " ").contains("--no-mouse leaves the mouse to the terminal"))
    }

    @Test func everyBindingMatchesItsKeysOnly() {
        #expect(KeyMap.quit ~= .character("q"))
        #expect(!(KeyMap.quit ~= .character("Q")))
        #expect(KeyMap.back ~= .backspace && KeyMap.back ~= .character("b"))
        #expect(KeyMap.moveRow.label == "↑ k  ↓ j")
        #expect(KeyMap.moveRow.bar == ("↑/↓", "move"))
    }

    /// Keys the help names do what it says: q quits, ? opens the help, Tab moves the focus.
    @Test func helpedKeysWork() async throws {
        var d = await Driver(width: 120, height: 40, navigator: try UIFixture.navigator())
        await d.press(KeyMap.help.keys[0])
        #expect(d.screen.contains("Keys (↑↓ scroll, Esc close)"))
        let help = Screen.help(width: 100).map(\.plainText)
        for row in KeyMap.sections.flatMap(\.rows) { #expect(help.contains { $0.hasPrefix("  " + row.label + " ") }, "\(row.label)") }
        await d.press(KeyMap.close.keys[0], KeyMap.nextPane.keys[0])
        #expect(d.state.focus == .view(.props))
        await d.press(KeyMap.quit.keys[0])
        #expect(d.state.quitting)
    }
}

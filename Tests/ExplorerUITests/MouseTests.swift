import Browser
import Foundation
import Testing
@testable import ExplorerUI

/// Clicks and the wheel, where a user puts them on the screen: found by the text they aim at.
@Suite struct MouseTests {
    func driver(_ width: Int = 120, _ height: Int = 40) async throws -> Driver {
        await Driver(width: width, height: height, navigator: try UIFixture.navigator(morePages: true))
    }

    /// The cell where `text` starts on the screen (its first occurrence from row `from`).
    func cell(of text: String, in screen: String, from row: Int = 0) throws -> (x: Int, y: Int) {
        for (y, line) in screen.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where y >= row {
            if let range = line.range(of: text) { return (DisplayWidth.of(String(line[..<range.lowerBound])), y) }
        }
        throw Missing(text: text, screen: screen)
    }

    struct Missing: Error, CustomStringConvertible {
        let text: String, screen: String
        var description: String { "\(text) is not on the screen:\n\(screen)" }
    }

    func click(_ text: String, _ d: inout Driver, from row: Int = 0) async throws {
        let at = try cell(of: text, in: d.screen, from: row)
        await d.press(.mouse(MouseEvent(x: at.x, y: at.y, .press)))
    }

    @Test func clickingARouteOpensIt() async throws {
        var d = try await driver()
        try await click(" /list", &d)
        #expect(d.state.current?.exchange.url == "/list")
        #expect(d.state.current?.exchange.kind == .clientTransition)
        // A dynamic route asks for its parameters, as Enter does.
        try await click("/articles/[id]", &d)
        #expect(d.screen.contains("Open /articles/[id]"))
    }

    @Test func clickingAPaneFocusesItAndTheWheelScrollsIt() async throws {
        var d = try await driver()
        await d.press(.character("g"))
        await d.type("/list?n=200")
        await d.press(.enter)
        #expect(d.state.focus == .routes)
        try await click("2 HTML", &d)
        #expect(d.state.focus == .view(.html))
        let html = try #require(d.state.layout.box(of: .html))
        await d.press(.mouse(MouseEvent(x: html.x + 5, y: html.y + 5, .wheelDown)))
        await d.press(.mouse(MouseEvent(x: html.x + 5, y: html.y + 5, .wheelDown)))
        #expect(d.state.pane(.html).top == 2 * AppState.wheelRows)
        await d.press(.mouse(MouseEvent(x: html.x + 5, y: html.y + 5, .wheelUp)))
        #expect(d.state.pane(.html).top == AppState.wheelRows)
        // The wheel over another pane scrolls that one, and focuses it.
        let props = try #require(d.state.layout.box(of: .props))
        await d.press(.mouse(MouseEvent(x: props.x + 5, y: props.y + 5, .wheelDown)))
        #expect(d.state.focus == .view(.props) && d.state.pane(.props).top == AppState.wheelRows)
        #expect(d.state.pane(.html).top == AppState.wheelRows)
        // A press on a row puts the cursor there.
        await d.press(.mouse(MouseEvent(x: html.x + 5, y: html.y + 3, .press)))
        #expect(d.state.focus == .view(.html) && d.state.pane(.html).cursor == AppState.wheelRows + 2)
    }

    @Test func clickingATabShowsItsView() async throws {
        var d = try await driver(80, 24)
        await d.press(.character("g"))
        await d.type("/articles/1")
        await d.press(.enter)
        #expect(d.state.layout.tabbed && d.state.activeView == .props)
        // The other tabs are numbers only at this width: `1 Props │ 2 │ 3 │ 4 · …`.
        let title = try cell(of: "1 Props │ 2 │ 3 │ 4", in: d.screen)
        await d.press(.mouse(MouseEvent(x: title.x + DisplayWidth.of("1 Props │ 2 │ "), y: title.y, .press)))
        #expect(d.state.activeView == .headers && d.state.focus == .view(.headers))
        #expect(d.screen.contains("Cache-Control: private"))
        let four = try cell(of: "│ 4", in: d.screen, from: 1)
        await d.press(.mouse(MouseEvent(x: four.x + 2, y: four.y, .press)))
        #expect(d.state.activeView == .timing)
        await d.press(.mouse(MouseEvent(x: four.x, y: four.y, .press)))
        #expect(d.state.activeView == .timing, "a press on the border between tabs picks none")
    }

    @Test func clickingAnObjectInThePropsFoldsIt() async throws {
        var d = try await driver()
        await d.press(.character("g"))
        await d.type("/articles/1")
        await d.press(.enter)
        #expect(d.screen.contains(#""swift""#))
        try await click("tags", &d, from: 2)
        #expect(d.state.focus == .view(.props))
        #expect(!d.screen.contains(#""swift""#), "the array folded")
        try await click("tags", &d, from: 2)
        #expect(d.screen.contains(#""swift""#), "and opened again")
        // A value is only selected.
        try await click("title", &d, from: 2)
        #expect(d.state.overlay == nil && d.screen.contains(#""swift""#))
    }

    @Test func clickingALinkInTheLinksWindowFollowsIt() async throws {
        var d = try await driver()
        await d.press(.character("g"))
        await d.type("/articles/1")
        await d.press(.enter)
        await d.press(.character("l"))
        #expect(d.screen.contains("Links of /articles/1"))
        let window = try #require(d.state.overlay.flatMap { Screen.window(of: $0, d.state) })
        try await click("/articles/2", &d, from: window.box.y)
        #expect(d.state.overlay == nil)
        #expect(d.state.current?.exchange.url == "/articles/2")
        #expect(d.state.current?.exchange.kind == .clientTransition)
    }

    @Test func aClickOutsideClosesAWindowButNotAPrompt() async throws {
        var d = try await driver()
        await d.press(.character("?"))
        #expect(d.state.overlay != nil)
        await d.press(.mouse(MouseEvent(x: 0, y: 39, .press)))
        #expect(d.state.overlay == nil)
        await d.press(.character("g"))
        await d.type("/art")
        await d.press(.mouse(MouseEvent(x: 0, y: 39, .press)))
        #expect(d.screen.contains("› /art"), "the prompt keeps what was typed")
        // The wheel in the history window moves its cursor.
        await d.press(.escape)
        await d.press(.character("g"))
        await d.type("/list")
        await d.press(.enter)
        await d.press(.character("h"))
        await d.press(.mouse(MouseEvent(x: 60, y: 20, .wheelUp)))
        guard case .history(let cursor)? = d.state.overlay else { Issue.record("no history window"); return }
        #expect(cursor == 0)
    }

    @Test func aTinyTerminalIgnoresTheMouse() async throws {
        var d = try await driver(40, 10)
        await d.press(.mouse(MouseEvent(x: 3, y: 3, .press)), .mouse(MouseEvent(x: 3, y: 3, .wheelDown)))
        #expect(d.state.current == nil && d.screen.contains("too small") || d.screen.contains("small"))
    }
}

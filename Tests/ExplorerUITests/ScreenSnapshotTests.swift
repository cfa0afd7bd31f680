import Foundation
import Testing
@testable import ExplorerUI

/// Whole screens at the sizes people use, compared with the text in Snapshots/ (a hard
/// navigation on the fixture site, timed at a fixed 2.5 ms, so every run draws the same).
/// `UPDATE_SNAPSHOTS=1 swift test --filter ScreenSnapshotTests` rewrites them after a
/// deliberate change; read the diff before committing.
@Suite struct ScreenSnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    func check(_ name: String, _ screen: String) throws {
        let file = Self.folder.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] != nil {
            try (screen + "\n").write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(screen + "\n" == expected, "\(name) differs from Snapshots/\(name).txt")
    }

    func article(_ width: Int, _ height: Int) async throws -> Driver {
        var d = await Driver(width: width, height: height, navigator: try UIFixture.navigator())
        await d.press(.down, .character("H"))
        return d
    }

    @Test func standardTerminal80x24ShowsOneViewAsTabs() async throws {
        var d = try await article(80, 24)
        try check("article-80x24", d.screen)
        await d.press(.character("3"))
        try check("article-80x24-headers", d.screen)
    }

    @Test func wideTerminal120x40ShowsTheFourViews() async throws {
        let d = try await article(120, 40)
        try check("article-120x40", d.screen)
    }

    @Test func veryWideTerminal200x50() async throws {
        var d = try await article(200, 50)
        try check("article-200x50", d.screen)
        await d.press(.character("2"), .character("z"))
        try check("article-200x50-html-zoomed", d.screen)
    }

    @Test func tooSmall() async throws {
        let d = try await article(59, 15)
        try check("too-small-59x15", d.screen)
    }

    @Test func helpAt80x24() async throws {
        var d = try await article(80, 24)
        await d.press(.character("?"))
        try check("help-80x24", d.screen)
    }
}

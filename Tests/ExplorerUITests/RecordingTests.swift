import Browser
import Foundation
import SSR
import Testing
@testable import ExplorerUI

/// The session saved as HAR with `W`, and a recording opened (`explorer --har`) in the history.
@Suite struct RecordingTests {
    func driver() async throws -> Driver {
        await Driver(width: 120, height: 40, navigator: try UIFixture.navigator())
    }

    func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(name)").path
    }

    @Test func wSavesTheSessionAsHAR() async throws {
        var d = try await driver()
        await d.press(.character("W"))
        #expect(d.screen.contains("Nothing to save yet"))
        await d.press(.character("g"))
        await d.type("/articles/1")
        await d.press(.enter)
        await d.press(.character("H"))
        let path = temporaryPath("session.har.gz")
        defer { try? FileManager.default.removeItem(atPath: path) }
        await d.press(.character("W"))
        #expect(d.screen.contains("Save the session as HAR 1.2"))
        #expect(d.screen.contains("› explorer-session.har"))
        await d.press(.character("\u{15}"))
        await d.type(path)
        await d.press(.enter)
        #expect(d.screen.contains("Saved 2 exchanges (2 requests) to"), "\(d.screen)")
        let opened = RecordedSession(try HARLog(contentsOf: path))
        #expect(opened.exchanges.map(\.url) == ["/articles/1", "/articles/1"])
        #expect(opened.exchanges.map(\.kind) == [.clientTransition, .hardNavigation])
        #expect(opened.exchanges[0].props == d.state.exchanges[0].exchange.props)
    }

    @Test func aFileThatCannotBeWrittenIsSaidAndNothingIsLost() async throws {
        var d = try await driver()
        await d.press(.character("g"))
        await d.type("/articles/1")
        await d.press(.enter)
        await d.press(.character("W"), .character("\u{15}"))
        await d.type("/no/such/folder/x.har")
        await d.press(.enter)
        #expect(d.screen.contains("Not saved: cannot write /no/such/folder/x.har"))
        #expect(d.state.exchanges.count == 1 && d.state.current != nil)
        // An empty name is refused in the prompt.
        await d.press(.character("W"), .character("\u{15}"), .enter)
        #expect(d.screen.contains("Type a file name"))
    }

    /// A browser's kind of file (no `_explorer` pages), with a script beside the navigations.
    @Test func anOpenedRecordingFillsTheHistoryAndListsTheRest() async throws {
        var source = try await driver()
        await source.press(.character("g"))
        await source.type("/articles/1")
        await source.press(.enter, .character("H"))
        let written = HARLog(session: source.state.exchanges.map(\.exchange), origin: "http://127.0.0.1:3000")
        var plain = written
        plain.pages = []
        for index in plain.entries.indices { plain.entries[index].pageref = nil }
        guard case .object(var log)? = plain.json["log"], var entries = plain.json["log"]?["entries"]?.arrayValue else { return }
        entries.append([
            "startedDateTime": "2026-12-01T10:00:00.000Z", "time": 3,
            "request": ["method": "GET", "url": "http://127.0.0.1:3000/_next/static/chunks/main.js", "headers": []],
            "response": ["status": 200, "statusText": "OK", "headers": [], "content": ["size": 10, "mimeType": "application/javascript", "text": "var x = 1;"]],
            "timings": ["send": 0, "wait": 2, "receive": 1], "_resourceType": "script",
        ])
        log = log.map { $0.key == "entries" ? .init("entries", .array(entries)) : $0 }
        let recording = RecordedSession(try HARLog(bytes: Array(JSONValue.object([.init("log", .object(log))]).jsonText.utf8)))

        var d = try await driver()
        await d.deliver(d.state.handle(.opened(recording, file: "browser.har")))
        #expect(d.screen.contains("browser.har, recorded by gssp-explorer 1.0: 2 navigations in the history (h), 1 other request listed there."))
        #expect(d.state.current?.exchange.url == "/articles/1")
        #expect(d.screen.contains("recorded: browser.har"), "the address line names the recording, not the site")
        #expect(d.screen.contains(#"title: "日本語のタイトル café""#))
        await d.press(.character("h"))
        #expect(d.screen.contains("Also recorded (1, not a page's document or data):"))
        #expect(d.screen.contains("GET http://127.0.0.1:3000/_next/static/chunks/main.js 200 (script, 10 bytes)"))
        await d.press(.down, .enter)
        #expect(d.state.current?.exchange.kind == .hardNavigation)
        // Saved again, the recorded requests keep their own host.
        let path = temporaryPath("again.har")
        defer { try? FileManager.default.removeItem(atPath: path) }
        await d.press(.character("W"), .character("\u{15}"))
        await d.type(path)
        await d.press(.enter)
        let again = try HARLog(contentsOf: path)
        #expect(again.entries.map(\.url) == ["http://127.0.0.1:3000/_next/data/B/articles/1.json?id=1", "http://127.0.0.1:3000/articles/1"])
    }
}

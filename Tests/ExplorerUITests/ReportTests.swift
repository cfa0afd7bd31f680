import Browser
import Foundation
import HTTPTypes
import SSR
import Testing
@testable import ExplorerUI

/// `explorer inspect` prints what the screen shows: the report is built from the same
/// `Presentation`, so its lines are the screen's lines.
@Suite struct ReportTests {
    func article() async throws -> Driver {
        var d = await Driver(width: 200, height: 50, navigator: try UIFixture.navigator())
        await d.press(.down, .character("H"))
        return d
    }

    @Test func theReportSaysWhatTheScreenShows() async throws {
        var d = try await article()
        let report = Report(d.state.current!, origin: "fixture", width: 200).text
        // Each line the screen shows in a view, the report has (escaped as the screen escapes it).
        for (key, fragment) in [("2", "Hydration: ✓ match"), ("3", "→ GET /articles/1"), ("3", "  • Only the browser may store it"), ("4", "gssp ⓢ")] {
            await d.press(.character(Character(key)), .character("z"))
            let screenLine = try #require(d.screen.split(separator: "\n").first { $0.contains(fragment) }, "\(fragment) on screen")
            let text = screenLine.drop { $0 != fragment.first! }.prefix { $0 != "│" }
            #expect(report.contains(text.trimmingCharacters(in: .whitespaces)), "\(text)")
            await d.press(.character("z"))
        }
        #expect(report.hasPrefix("/articles/1  hard navigation  200 OK  2.50 ms  GET /articles/1  fixture\n"))
        #expect(report.contains("▾ pageProps: { 5 keys"))
        #expect(report.contains(#"note: "bell\u0007 and \u001b[31mred""#))
        #expect(!report.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" })
        #expect(report.contains("Looks sensitive (props are public: anyone who gets the page can read them)\n  ⚠ .pageProps.author.apiToken: "))
        #expect(!report.contains("shown in this colour"))
    }

    @Test func longViewsStopAtMaxLinesAndSayHowManyMore() async throws {
        var d = await Driver(width: 120, height: 40, navigator: try UIFixture.navigator(morePages: true))
        await d.press(.character("g"))
        await d.type("/list?n=500")
        await d.press(.enter)
        let report = Report(d.state.current!, origin: "fixture", maxLines: 50).text
        #expect(report.contains("… 454 more lines of props (--max-lines 0 prints them all; --json gives the whole exchange)"))
        let all = Report(d.state.current!, origin: "fixture", maxLines: nil).text
        #expect(all.contains(#"        [499]: "item 499""#))
    }
}

/// A server that sends no `Server-Timing` (Next.js sends none): its time is read from the time
/// to first byte, and said to be that.
@Suite struct TimingWithoutServerTimingTests {
    @Test func theServersShareIsTheTimeToFirstByte() async throws {
        let transport = UIFixture.FixedTiming(
            inner: InProcessTransport(engine: try UIFixture.engine()), serverTiming: nil,
            timing: Timing(totalMilliseconds: 10, phases: [
                .init(name: "connect", milliseconds: 1, source: .client), .init(name: "ttfb", milliseconds: 8, source: .client),
                .init(name: "download", milliseconds: 1, source: .client),
            ]))
        let navigator = Navigator(transport: transport)
        let exchange = await navigator.navigate(.hardNavigation, to: "/articles/1")
        let lines = Presentation(exchange).timingLines(width: 100).map(\.plainText)
        #expect(lines.contains { $0.hasPrefix("  server ≈") && $0.contains("8.00 ms") })
        #expect(lines.contains("  ≈ no Server-Timing: the server's time is within the time to first byte, network included"))
        #expect(!lines.contains { $0.contains("ⓢ") })
    }
}

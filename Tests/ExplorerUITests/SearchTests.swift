import Browser
import Testing
@testable import ExplorerUI

/// Search in a big view: a slice of rows per frame (the screen is never held), then every
/// match counted and the cursor moved from one to the next.
@Suite struct SearchTests {
    func listPage(_ count: Int) async throws -> Driver {
        var d = await Driver(width: 120, height: 40, navigator: try UIFixture.navigator(morePages: true))
        await d.press(.character("g"))
        await d.type("/list?n=\(count)")
        await d.press(.enter, .character("1"))
        return d
    }

    @Test func aBigSearchRunsInSlicesThenCountsItsMatches() async throws {
        var d = try await listPage(25_000)
        #expect(d.state.current?.tree?.nodes.count == 25_004)  // props, pageProps, its list, the items, __N_SSP
        await d.press(.character("/"))
        await d.type("item 1")
        // Enter looks at one slice only; the next frames do the rest.
        _ = d.pressHolding(.enter)
        #expect(d.state.isBusy)
        #expect(d.screen.contains("/item 1 searching… 79% in Props"))
        d.state.continueWork()
        #expect(!d.state.isBusy)
        // item 1, 10–19, 100–199, 1000–1999, 10000–19999.
        #expect(d.screen.contains("/item 1 1/11111 in Props"))
        #expect(d.state.line(.props, d.state.pane(.props).cursor).plainText.contains(#""item 1""#))
        await d.press(.character("n"))
        #expect(d.screen.contains("/item 1 2/11111 in Props"))
        #expect(d.state.line(.props, d.state.pane(.props).cursor).plainText.contains(#""item 10""#))
        await d.press(.character("N"), .character("N"))
        #expect(d.screen.contains("/item 1 11111/11111 in Props"))
        #expect(d.state.line(.props, d.state.pane(.props).cursor).plainText.contains(#""item 19999""#))
        // Esc clears the search, and the key bar says so no longer.
        await d.press(.escape)
        #expect(d.state.search == nil)
        #expect(!d.screen.contains("/item 1"))
    }

    @Test func escapeStopsASearchStillScanning() async throws {
        var d = try await listPage(25_000)
        await d.press(.character("/"))
        await d.type("nowhere")
        _ = d.pressHolding(.enter)
        #expect(d.state.isBusy)
        _ = d.pressHolding(.escape)
        #expect(!d.state.isBusy)
        #expect(d.state.search == nil)
    }

    @Test func theHTMLOfABigPageIsSearchedToo() async throws {
        var d = try await listPage(30_000)
        await d.press(.character("2"), .character("/"))
        await d.type("<li>item 29999</li>")
        await d.press(.enter)
        #expect(d.screen.contains("1/1 in HTML"))
        #expect(d.state.line(.html, d.state.pane(.html).cursor).plainText.contains("item 29999"))
    }
}

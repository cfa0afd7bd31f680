import Browser
import HTTPTypes
import SSR
import TestSupport
import Testing
@testable import ExplorerUI

/// Key sequences as a user types them, through the update function and the real navigator
/// (in-process, fixture site): what the screen shows after each.
@Suite struct UpdateTests {
    func driver(_ width: Int = 120, _ height: Int = 40) async throws -> Driver {
        await Driver(width: width, height: height, navigator: try UIFixture.navigator())
    }

    @Test func goToAPathMakesAClientTransitionToItsDataURL() async throws {
        var d = try await driver()
        await d.press(.character("g"))
        #expect(d.screen.contains("Go to (client transition)"))
        await d.type("/articles/1")
        #expect(d.screen.contains("› /articles/1"))
        await d.press(.enter)
        let exchange = try #require(d.state.current?.exchange)
        #expect(exchange.kind == .clientTransition)
        #expect(exchange.lastFetch?.request.path == "/_next/data/B/articles/1.json?id=1")
        #expect(d.screen.contains("GET /_next/data/B/articles/1.json"))
        #expect(d.screen.contains(#"title: "日本語のタイトル café""#))
        #expect(d.screen.contains("Cache-Control: private, no-cache"))
        #expect(d.screen.contains("gssp ⓢ") && d.screen.contains("1.25 ms"))
        #expect(d.state.overlay == nil)
    }

    @Test func tabInTheAddressLineMakesItAHardNavigation() async throws {
        var d = try await driver()
        await d.press(.character("g"))
        await d.type("/articles/4")
        await d.press(.tab)
        #expect(d.screen.contains("Go to (hard navigation)"))
        await d.press(.enter)
        #expect(d.state.current?.exchange.kind == .hardNavigation)
        #expect(d.state.current?.exchange.lastFetch?.request.path == "/articles/4")
    }

    @Test func escapeCancelsTheAddressLine() async throws {
        var d = try await driver()
        await d.press(.character("g"))
        await d.type("/articles/9")
        await d.press(.escape)
        #expect(d.state.current == nil)
        #expect(!d.screen.contains("Go to"))
    }

    @Test func enterOnADynamicRouteAsksForItsParametersWithAnExample() async throws {
        var d = try await driver()
        #expect(d.state.routes.map(\.pattern) == ["/", "/articles/[id]"])
        await d.press(.down, .enter)
        #expect(d.screen.contains("Open /articles/[id]"))
        #expect(d.screen.contains("› /articles/1"))
        await d.press(.backspace)
        await d.type("7")
        await d.press(.enter)
        #expect(d.state.current?.exchange.url == "/articles/7")
        #expect(d.screen.contains(#"id: "7""#))
    }

    @Test func hardNavigationThenCompareThenBack() async throws {
        var d = try await driver()
        await d.press(.down, .enter, .enter)
        await d.press(.character("H"))
        #expect(d.state.current?.exchange.kind == .hardNavigation)
        #expect(d.screen.contains("GET /articles/1"))
        #expect(d.screen.contains("__NEXT_DATA__"))
        await d.press(.character("c"))
        #expect(d.screen.contains("Compare /articles/1: hard navigation vs client transition"))
        #expect(d.screen.contains("text/html; charset=utf-8"))
        #expect(d.screen.contains("The client transition fetched"))
        await d.press(.escape)
        // The same URL again does not add to history; comparing does not either.
        #expect(await d.navigator.history.entries == ["/articles/1"])
        await d.press(.character("g"))
        await d.type("/articles/2")
        await d.press(.enter, .character("c"), .escape)
        #expect(await d.navigator.history.entries == ["/articles/1", "/articles/2"])
        await d.press(.character("b"))
        #expect(d.state.current?.exchange.url == "/articles/1")
        #expect(d.state.current?.exchange.kind == .clientTransition)
        await d.press(.character("b"))
        #expect(d.screen.contains("No earlier page"))
    }

    @Test func linksListThePagesLinksAndFollowOne() async throws {
        var d = try await driver()
        await d.press(.down, .enter, .enter, .character("l"))
        #expect(d.screen.contains("page     /articles/2  next"))
        #expect(d.screen.contains("external https://example.com/"))
        await d.press(.enter)
        #expect(d.state.current?.exchange.url == "/articles/2")
        await d.press(.character("l"), .down, .enter)
        #expect(d.screen.contains("on another site"))
        #expect(d.state.current?.exchange.url == "/articles/2")
    }

    @Test func copyGivesACurlCommandOfTheDataRequest() async throws {
        var d = try await driver()
        await d.press(.character("y"))
        #expect(d.screen.contains("Nothing was requested yet"))
        await d.press(.down, .enter, .enter, .character("y"))
        let command = "curl -i 'http://localhost:3000/_next/data/B/articles/1.json?id=1' -H 'Accept: */*' -H 'x-nextjs-data: 1' -H 'User-Agent: gssp-explorer/1.0' -H 'Accept-Language: en-US,en;q=0.9' --compressed"
        #expect(d.outside == [.copy(command)])
        #expect(d.screen.contains("Copied to the clipboard"))
    }

    @Test func headersAndCookiesSetFromTheUIGoWithEveryRequest() async throws {
        var d = try await driver()
        await d.press(.character("o"))
        await d.type("Authorization: Bearer demo")
        await d.press(.enter)
        #expect(d.screen.contains("Every request now sends Authorization: Bearer demo"))
        await d.press(.character("o"))
        await d.type("session=abc")
        await d.press(.enter)
        await d.press(.character("o"))
        #expect(d.screen.contains("Authorization: Bearer demo"))
        #expect(d.screen.contains("cookie session=abc"))
        await d.press(.escape, .down, .enter, .enter)
        let request = try #require(d.state.current?.exchange.lastFetch?.request)
        #expect(request.headerFields[.authorization] == "Bearer demo")
        #expect(request.headerFields[.cookie] == "session=abc")
        await d.press(.character("o"))
        await d.type("Bad Name: x")
        await d.press(.enter)
        // The window stays, with what was typed and why it was not taken.
        #expect(d.screen.contains("is not a header name"))
        #expect(d.screen.contains("› Bad Name: x"))
        await d.press(.home, .delete, .delete, .delete, .delete)
        await d.type("X-")
        #expect(!d.screen.contains("is not a header name"))
        await d.press(.enter)
        #expect(d.state.overlay == nil)
        #expect(d.screen.contains("Every request now sends X-Name: x"))
        // Removing what was never set says so; Name: "" sends the header empty.
        await d.press(.character("o"))
        await d.type("X-Empty:")
        await d.press(.enter)
        #expect(d.screen.contains("X-Empty is not set, so there is nothing to remove."))
        await d.press(.escape, .character("o"))
        await d.type(#"X-Empty: """#)
        await d.press(.enter)
        #expect(d.screen.contains("Every request now sends X-Empty empty."))
        await d.press(.character("r"))
        #expect(d.state.current?.exchange.lastFetch?.request.headerFields[HTTPField.Name("X-Empty")!] == "")
        await d.press(.character("o"))
        await d.type("X-Empty:")
        await d.press(.enter)
        #expect(d.screen.contains("Header X-Empty removed."))
    }

    /// The browser's headers are listed in the request window, each can be left out and sent
    /// again; the server's document after a remote transition is switched the same way.
    @Test func theBrowsersHeadersAreSwitchedInTheRequestWindow() async throws {
        var d = try await driver()
        await d.press(.character("o"))
        #expect(d.screen.contains("Accept-Language: en-US,en;q=0.9"))
        #expect(d.screen.contains("Referer: the page shown"))
        await d.type("-referer")
        await d.press(.enter)
        #expect(d.screen.contains("Referer is no longer sent."))
        await d.press(.character("o"))
        #expect(d.screen.contains("Referer: not sent (+Referer sends it)"))
        await d.type("-Accept-Encoding")
        await d.press(.enter, .down, .enter, .enter)
        await d.press(.character("g"))
        await d.type("/articles/2")
        await d.press(.enter)
        let fields = try #require(d.state.current?.exchange.lastFetch?.request.headerFields)
        #expect(fields[.referer] == nil && fields[.acceptEncoding] == nil && fields[.acceptLanguage] == "en-US,en;q=0.9")
        await d.press(.character("o"))
        await d.type("+Referer")
        await d.press(.enter)
        await d.press(.character("g"))
        await d.type("/articles/3")
        await d.press(.enter)
        #expect(d.state.current?.exchange.lastFetch?.request.headerFields[.referer] == "http://localhost/articles/2")
        await d.press(.character("o"))
        await d.type("-Cookie")
        await d.press(.enter)
        #expect(d.screen.contains("-Cookie: the browser's headers are Accept-Language,"))
        await d.press(.escape, .character("o"))
        await d.type("-document")
        await d.press(.enter)
        #expect(await d.navigator.fetchesServerDocument == false)
        await d.press(.character("o"))
        #expect(d.screen.contains("server's document after a remote transition: not fetched (+document)"))
    }

    /// m marks an exchange (or one of the history), d diffs the current one against it in the
    /// four views; Esc (or d) goes back to the exchange, each view where it was.
    @Test func markThenDiff() async throws {
        var d = try await driver()
        await d.press(.character("d"))
        #expect(d.screen.contains("Mark an exchange first (m)"))
        await d.press(.character("g"))
        await d.type("/articles/1")
        await d.press(.enter, .character("m"))
        #expect(d.screen.contains("Marked /articles/1 (client transition)"))
        await d.press(.character("g"))
        await d.type("/articles/2")
        await d.press(.enter, .character("1"), .down, .down)
        await d.press(.character("d"))
        let screen = d.screen
        #expect(screen.contains("Diff  a: /articles/1 (client transition, marked)  b: /articles/2 (client transition, shown)  The two differ."), "\(screen)")
        #expect(screen.contains("1 Props · diff: 1 change, ±0 B in all"))
        #expect(screen.contains(#"~       id: "1" → "2"  ±0 B"#))
        // What did not change is folded: the author's object, a line.
        #expect(screen.contains("      ▸ author: {…} 2 keys"))
        #expect(screen.contains("2 HTML · diff: the same"))
        #expect(screen.contains("Sent") && screen.contains("  + Referer: http://localhost/articles/1"))
        #expect(screen.contains("url: /articles/1 (a) → /articles/2 (b)"))
        #expect(screen.contains("4 Timing · a ") && screen.contains("b: /articles/2 (client transition, shown)"))
        #expect(d.state.pane(.props).cursor == 0)
        // Search and folding as in the Props view.
        await d.press(.character("/"))
        await d.type("apiToken")
        await d.press(.enter)
        #expect(d.screen.contains(#"apiToken: "tok_123""#))
        await d.press(.escape, .escape)
        #expect(d.state.diffShown == nil)
        #expect(d.state.pane(.props).cursor == 2)
        #expect(d.screen.contains(#"title: "日本語のタイトル café""#))
        // From the history window: the second exchange marked, diffed with itself.
        await d.press(.character("h"), .down, .character("m"), .escape, .character("d"))
        #expect(d.screen.contains("The two agree."))
        await d.press(.character("d"))
        #expect(d.state.diffShown == nil)
    }

    /// D: the page against itself again now, as another identity, on another server; what
    /// cannot be had is said, and the page stays.
    @Test func diffAgainstAnotherIdentityAgainAndAnotherSite() async throws {
        let other = InProcessTransport(engine: try UIFixture.engine(morePages: true, buildId: "C"))
        var d = await Driver(width: 140, height: 44, navigator: try UIFixture.navigator(morePages: true), otherSite: ("the other fixture", other))
        await d.press(.character("D"))
        #expect(d.screen.contains("Open a page first: D diffs it"))
        await d.press(.character("g"))
        await d.type("/me")
        await d.press(.enter, .character("D"))
        #expect(d.screen.contains("Diff this page against"))
        #expect(d.screen.contains("other: on the other fixture"))
        await d.type("user=grace")
        await d.press(.enter)
        var screen = d.screen
        #expect(screen.contains("b: /me (client transition, as user=grace)"), "\(screen)")
        #expect(screen.contains(#"~       user: "guest" → "grace"  +0 B"#) || screen.contains(#"~       user: "guest" → "grace"  ±0 B"#))
        #expect(screen.contains("↕       ▸ [0] (was [2]): {…} 2 keys"))
        #expect(screen.contains("+       ▸ [4]: {…} 2 keys") || screen.contains("+       ▾ [4]: { 2 keys"))
        #expect(screen.contains("~       admin: null → true  ±0 B"))
        #expect(screen.contains("      ▸ shared: {…} 2 keys"))
        #expect(screen.contains("~ Cookie: user=") == false)
        #expect(screen.contains("+ Cookie: user=grace"))
        // The session's own requests are as they were.
        #expect(d.state.requestSettings.cookies.isEmpty)
        await d.press(.character("d"))
        // Again now: the same.
        await d.press(.character("D"), .enter)
        #expect(d.screen.contains("b: /me (client transition, again now)"))
        #expect(d.screen.contains("The two agree."))
        await d.press(.escape)
        // The other site: its build differs; the page the same.
        await d.press(.character("D"))
        await d.type("other")
        await d.press(.enter)
        screen = d.screen
        #expect(screen.contains("b: /me (client transition, on the other fixture)"))
        #expect(screen.contains("1 Props · diff: no difference"))
        await d.press(.escape)
        // A server that does not answer: said, the page stays.
        await d.press(.character("D"))
        await d.type("http://127.0.0.1:9")
        await d.press(.enter)
        #expect(d.screen.contains("No diff: http://127.0.0.1:9 cannot be reached"))
        #expect(d.state.diffShown == nil && d.state.current?.exchange.url == "/me")
        // What is not a setting is refused in the prompt, which keeps the text.
        await d.press(.character("D"))
        await d.type("grace")
        await d.press(.enter)
        #expect(d.screen.contains("Type Name: value for a header or name=value for a cookie."))
    }

    /// Without a second site, `other` says how to have one.
    @Test func diffOnTheOtherSiteWithoutOne() async throws {
        var d = try await driver()
        await d.press(.character("g"))
        await d.type("/articles/1")
        await d.press(.enter, .character("D"))
        #expect(!d.screen.contains("other: on"))
        await d.type("other")
        await d.press(.enter)
        #expect(d.screen.contains("There is no other site: start the explorer with --url twice"))
    }

    /// Esc while side b is fetched stops it; its result, if it comes, is dropped.
    @Test func escapeStopsADiffOnItsWay() async throws {
        var d = try await driver()
        await d.press(.character("g"))
        await d.type("/articles/1")
        await d.press(.enter, .character("D"))
        let held = d.pressHolding(.enter)
        #expect(d.screen.contains("diffing /articles/1 against it again now (Esc stops)"))
        await d.press(.escape)
        #expect(d.outside.last == .stopDiffing && d.state.diffing == nil)
        #expect(d.screen.contains("Stopped the diff"))
        await d.deliver(held)
        #expect(d.state.diffShown == nil)
        // A navigation that arrives first makes a diff on its way unwanted: it is stopped too.
        await d.press(.character("D"))
        let again = d.pressHolding(.enter)
        await d.press(.character("g"))
        await d.type("/articles/2")
        await d.press(.enter)
        #expect(d.outside.last == .stopDiffing && d.state.diffing == nil)
        await d.deliver(again)
        #expect(d.state.diffShown == nil && d.state.current?.exchange.url == "/articles/2")
    }

    /// p on a props node: its path in three forms and its value; Enter copies the highlighted one.
    @Test func copyANodesPath() async throws {
        var d = try await driver()
        await d.press(.character("g"))
        await d.type("/articles/1")
        await d.press(.enter, .character("1"), .down, .down, .down, .character("p"))
        let screen = d.screen
        #expect(screen.contains("Copy .pageProps.title"), "\(screen)")
        #expect(screen.contains("jq path          .pageProps.title"))
        #expect(screen.contains("JavaScript path  props.pageProps.title"))
        #expect(screen.contains("JSONPath         $.pageProps.title"))
        #expect(screen.contains(#"value as JSON    "日本語のタイトル café""#))
        await d.press(.down, .enter)
        #expect(d.outside.last == .copy("props.pageProps.title"))
        #expect(d.screen.contains("Copied the JavaScript path (OSC 52): props.pageProps.title"))
    }

    /// $: a JSONPath query narrows the Props view to the nodes it selects, with their paths; a
    /// bad query keeps the prompt with the reason; Esc shows all the props again.
    @Test func queryTheProps() async throws {
        var d = try await driver()
        await d.press(.character("$"))
        #expect(d.screen.contains("No props to query: open a page first."))
        await d.press(.character("g"))
        await d.type("/articles/1")
        await d.press(.enter, .character("$"))
        #expect(d.screen.contains("Query the props (JSONPath, RFC 9535)") && d.screen.contains("› $"))
        await d.type("..tags[?@ == 'ssr' || @ == 'swift']")
        await d.press(.enter)
        var screen = d.screen
        #expect(screen.contains("1 Props · 2 matches of $..tags[?@ =="), "\(screen)")
        #expect(screen.contains(#"$['pageProps']['tags'][0]  "swift""#) && screen.contains(#"$['pageProps']['tags'][1]  "ssr""#))
        #expect(screen.contains("2 nodes match"))
        // Enter shows a match whole.
        await d.press(.enter)
        #expect(d.screen.contains("$['pageProps']['tags'][0]"))
        await d.press(.escape)
        // A query that is not JSONPath: the reason, where, and the text kept.
        await d.press(.character("$"))
        await d.press(.character("\u{15}"))
        await d.type("$.tags[?@ >]")
        await d.press(.enter)
        screen = d.screen
        #expect(screen.contains("“]” does not start an expression, at character 12"), "\(screen)")
        #expect(screen.contains("› $.tags[?@ >]"))
        await d.press(.escape, .escape)
        #expect(d.state.propsQuery == nil)
        #expect(d.screen.contains(#"title: "日本語のタイトル café""#))
    }

    @Test func anEmptyAddressKeepsThePromptAndSaysWhatToType() async throws {
        var d = try await driver()
        await d.press(.character("g"), .enter)
        #expect(d.screen.contains("Type a path first, such as /posts/1."))
        #expect(d.screen.contains("Go to (client transition)"))
        await d.type("/articles/1")
        await d.press(.enter)
        #expect(d.state.current?.exchange.url == "/articles/1")
    }

    @Test func propsFoldSearchAndShowSizes() async throws {
        var d = try await driver(200, 50)
        await d.press(.down, .enter, .enter, .character("1"))
        #expect(d.state.focus == .view(.props))
        #expect(d.state.line(.props, 10).plainText.hasSuffix(#"apiToken: "tok_123"  ⚠ key named like a secret (token)"#))
        #expect(d.screen.contains("⚠ 1 secret?"))
        let open = d.state.lineCount(.props)
        // Folded: the props' keys, and the page's own inside pageProps.
        await d.press(.character("x"))
        #expect(d.state.lineCount(.props) == 8)
        #expect(d.state.line(.props, 7).plainText == "    __N_SSP: true")
        await d.press(.character("/"))
        await d.type("apitoken")
        await d.press(.enter)
        #expect(d.state.lineCount(.props) > 8)
        #expect(d.state.pane(.props).cursor == 7)  // tags stays folded
        await d.press(.character("x"), .end, .up)
        #expect(d.state.line(.props, d.state.pane(.props).cursor).plainText.contains("note:"))
        await d.press(.character("e"))
        #expect(d.state.lineCount(.props) == open)
        // The cursor stays on its node as the rows above it open.
        #expect(d.state.line(.props, d.state.pane(.props).cursor).plainText.contains("note:"))
        await d.press(.home, .down, .down, .down, .enter)
        #expect(d.screen.contains("props.pageProps.title"))
        #expect(d.screen.contains("日本語のタイトル café"))
        await d.press(.escape, .home, .enter)
        #expect(d.state.lineCount(.props) == 1)
        await d.press(.character("s"))
        #expect(d.screen.contains("Props size by key"))
        #expect(d.screen.contains("of Next.js's 128 kB large-page-data threshold"))
    }

    @Test func searchInATextViewMovesToTheMatchAndNGoesOn() async throws {
        var d = try await driver()
        await d.press(.down, .enter, .enter, .character("3"), .character("/"))
        await d.type("etag")
        await d.press(.enter)
        let first = d.state.pane(.headers).cursor
        #expect(d.state.line(.headers, first).plainText.hasPrefix("  ETag:"))
        await d.press(.character("n"))
        #expect(d.state.pane(.headers).cursor == first)  // the only match: wraps to itself
        await d.press(.character("/"))
        await d.type("nowhere")
        await d.press(.enter)
        #expect(d.screen.contains("“nowhere” is not in Headers."))
    }

    @Test func wWrapsLongLinesAndKeepsTheCursorOnItsLine() async throws {
        var d = try await driver(80, 24)
        await d.press(.down, .character("H"), .character("2"))
        let lines = d.state.lineCount(.html)
        let script = try #require((0..<lines).first { d.state.line(.html, $0).plainText.contains(#"{"props":"#) })
        for _ in 0..<script { await d.press(.down) }
        #expect(d.screen.contains("›"))
        await d.press(.character("w"))
        #expect(d.screen.contains("Long lines wrap (w again: one row each)."))
        #expect(d.state.lineCount(.html) > lines)
        #expect(!d.screen.contains("›"))
        // The cursor is on the first row of the same line; the JSON goes on on the rows below it.
        let cursor = d.state.pane(.html).cursor
        let rows = d.state.rows(.html, cursor..<(cursor + 3))
        #expect(rows[0].line.plainText.contains(#"{"props":"#) && rows[0].skip == 0)
        #expect(rows[1].line == rows[0].line && rows[1].skip == d.state.paneSize(.html).width)
        // Search finds the line (the pieces after the match drawn too: a crash once), and a
        // resize wraps again at the new width.
        await d.press(.character("/"))
        await d.type("pageProps")
        await d.press(.enter)
        #expect(d.screen.contains("1/1 in HTML"))
        await d.press(.end)
        #expect(d.screen.contains("</html>"))
        await d.press(.character("n"))
        await d.resize(100, 30)
        #expect(d.state.rows(.html, 0..<d.state.lineCount(.html)).allSatisfy { $0.skip % d.state.paneSize(.html).width == 0 })
        await d.press(.character("w"))
        #expect(d.state.lineCount(.html) == lines)
        // Wrapped Headers, then zoomed: the box is wider, its lines are laid out again (the random
        // keys found that drawing the old layout's rows ran past the new lines).
        await d.press(.character("3"), .character("w"), .end, .character("z"))
        #expect(d.screen.contains("Cache-Control"))
        #expect(d.state.rows(.headers, 0..<d.state.lineCount(.headers)).allSatisfy { $0.skip % d.state.paneSize(.headers).width == 0 })
        await d.press(.character("z"))
        #expect(d.screen.contains("Cache-Control"))
        #expect(d.state.line(.html, d.state.pane(.html).cursor).plainText.contains("pageProps"))
    }

    /// As a browser's address bar: escapes of letters and of non-ASCII decoded, `%2F` kept.
    @Test func theAddressLineShowsTheURLDecoded() async throws {
        var d = try await driver()
        await d.press(.character("g"))
        await d.type("/articles/caf%C3%A9%2Fx")
        await d.press(.enter)
        #expect(d.state.current?.exchange.url == "/articles/caf%C3%A9%2Fx")
        #expect(d.screen.hasPrefix(" ←→ /articles/café%2Fx  client transition"))
    }

    @Test func historySaysWhenAClientTransitionFellBackToAHardNavigation() async throws {
        var d = try await driver()
        await d.press(.character("g"))
        await d.type("/nowhere")
        await d.press(.enter, .character("h"))
        #expect(d.screen.contains("client→hard /nowhere"))
    }

    /// q quits from a window too, as the help says; in a prompt it is a letter.
    @Test func qQuitsFromAnyWindowButAPrompt() async throws {
        var d = try await driver()
        await d.press(.character("g"), .character("q"))
        #expect(!d.state.quitting)
        #expect(d.screen.contains("› q"))
        await d.press(.escape, .character("?"), .character("q"))
        #expect(d.state.quitting)
    }

    /// At 160 columns the help window and the compare window are as wide as their text.
    @Test func windowsUseTheWidthTheyHave() async throws {
        var d = try await driver(160, 45)
        await d.press(.character("?"))
        #expect(d.screen.contains("fold or unfold the node; Enter on a value shows it whole"))
        await d.press(.escape, .down, .enter, .enter, .character("c"))
        #expect(d.screen.contains("private, no-cache, no-store, max-age=0, must-revalidate  private, no-cache, no-store, max-age=0, must-revalidate"))
    }

    @Test func focusZoomAndTabsFollowTheSize() async throws {
        var d = try await driver(80, 24)
        #expect(d.state.layout.tabbed)
        await d.press(.character("4"))
        #expect(d.screen.contains("1 Props │ 2 HTML │ 3 Headers │ 4 Timing"))
        await d.press(.character("z"))
        #expect(d.state.layout.routes == nil)
        await d.press(.escape)
        #expect(!d.state.zoomed)
        await d.resize(160, 45)
        #expect(!d.state.layout.tabbed)
        #expect(d.state.layout.views.count == 4)
        await d.press(.tab)
        #expect(d.state.focus == .routes)
    }

    @Test func aTerminalTooSmallSaysSoAndOnlyQuits() async throws {
        var d = try await driver(40, 10)
        #expect(d.screen.contains("Terminal too small: 40×10."))
        await d.press(.character("g"))
        #expect(d.state.overlay == nil)
        await d.resize(100, 30)
        #expect(d.screen.contains("Routes"))
        await d.resize(59, 30)
        await d.press(.character("q"))
        #expect(d.state.quitting)
    }

    /// The site is deployed again, with more pages, while the UI runs: the next transition
    /// falls back to a full load and says why, the routes are read again, and the transition
    /// after it is a normal one with the new build ID.
    @Test func aDeployWhileExploringIsFollowed() async throws {
        let site = Redeployed(before: try UIFixture.engine(), after: try UIFixture.engine(morePages: true, buildId: "B2"))
        var d = await Driver(width: 120, height: 40, navigator: Navigator(transport: site))
        #expect(d.state.routes.count == 2)
        site.deploy()
        await d.press(.character("g"))
        await d.type("/articles/1")
        await d.press(.enter)
        #expect(d.state.current?.exchange.kind == .hardNavigation)
        #expect(d.screen.contains("The site was deployed again (build B2)"))
        #expect(d.state.routes.map(\.pattern).contains("/slow"))
        await d.press(.character("g"))
        await d.type("/articles/2")
        await d.press(.enter)
        #expect(d.state.current?.exchange.kind == .clientTransition)
        #expect(d.state.current?.exchange.lastFetch?.request.path == "/_next/data/B2/articles/2.json?id=2")
    }

    @Test func notFoundAndAnUnreachableSiteAreMessages() async throws {
        var d = try await driver()
        await d.press(.character("g"))
        await d.type("/articles/missing")
        await d.press(.enter)
        #expect(d.screen.contains("404 rendered by the client"))
        var down = await Driver(width: 100, height: 30, navigator: Navigator(transport: Unreachable()))
        // In the views, in full, with what to do; the routes pane says why it is empty.
        #expect(down.screen.contains("│The site cannot be reached: connection refused"))
        #expect(down.screen.contains("│Start the server, then press r to try again"))
        #expect(down.screen.contains("│none: the site"))
        #expect(down.screen.contains("the site does not answer: r tries again"))
        await down.press(.character("r"))  // tries again
        #expect(down.screen.contains("The site cannot be reached: connection refused"))
        #expect(down.state.siteUnreachable == "connection refused")
    }

    struct Unreachable: Transport {
        var origin: String { "http://127.0.0.1:9" }
        var pageOrigin: String { "http://localhost" }
        func siteInfo() async throws(TransportError) -> SiteInfo { throw TransportError("connection refused") }
        func send(_ request: HTTPRequest, body: [UInt8]) async throws(TransportError) -> Fetch { throw TransportError("connection refused") }
        func renderClientSide(page: String, pageProps: [UInt8]) -> Result<String, ClientRenderError>? { nil }
    }
}

/// The Site view: the whole site crawled, every page in a row, sorted by a column (the worst
/// first), a page opened with Enter.
@Suite struct SiteViewTests {
    @Test func crawlSortAndOpen() async throws {
        var d = await Driver(width: 160, height: 40, navigator: try UIFixture.navigator(morePages: true))
        await d.press(.character("S"))
        var screen = d.screen
        #expect(screen.contains("Site · 6 pages · sorted by props · ←→ sort · Enter open · r crawl again"), "\(screen)")
        #expect(screen.contains("page ") && screen.contains("props▼"))
        // The heaviest props first.
        let rows = screen.split(separator: "\n").filter { $0.contains("│ │ /") }.map { $0.dropFirst(4).split(separator: " ").first.map(String.init) ?? "" }
        #expect(rows == ["/me", "/articles/1", "/articles/2", "/list", "/slow", "/"], "\(rows)")
        #expect(screen.contains("↑/↓ move  Enter open  ←/→ sort  r crawl again  Esc close"))
        await d.press(.right, .right, .left)
        #expect(d.screen.contains("sorted by gzip"))
        // Sorted by secrets: the articles (an API token each) first; Enter opens the one under the cursor.
        await d.press(.right, .right, .right, .right, .down)
        #expect(d.screen.contains("sorted by secrets") && d.screen.contains("secrets▼"))
        await d.press(.enter)
        #expect(d.state.overlay == nil)
        #expect(d.state.current?.exchange.url == "/articles/2")
        // The crawl is kept: S shows it again without crawling.
        await d.press(.character("S"))
        #expect(d.state.crawling == nil && d.screen.contains("6 pages"))
        // Esc while a crawl runs stops it.
        let held = d.pressHolding(.character("r"))
        #expect(held == [.crawl] && d.screen.contains("crawling…"))
        await d.press(.escape)
        #expect(d.outside.last == .stopCrawling && d.screen.contains("Stopped the crawl."))
        screen = d.screen
        #expect(!screen.contains("Site ·"))
    }
}

@testable import Browser
import HTTPTypes
import SSR
import TestSupport
import Testing

/// The client-side navigation rules of Next.js's router, on the fixture site in-process.
@Suite struct NavigatorTests {
    @Test func clientTransitionFetchesTheDataURLAndRendersFromItsJSON() async throws {
        let navigator = try FixtureSite.navigator()
        let exchange = await navigator.navigate(.clientTransition, to: "/item/3?ref=x")
        #expect(exchange.kind == .clientTransition)
        #expect(exchange.fetches.count == 1)
        let fetch = try #require(exchange.lastFetch)
        #expect(fetch.request.path == "/_next/data/B/item/3.json?ref=x&id=3")
        #expect(fetch.request.headerFields[HTTPField.Name("x-nextjs-data")!] == "1")
        #expect(exchange.page == "/item/[id]")
        #expect(exchange.pageProps == ["id": "3", "cookie": nil, "header": nil])  // nil optionals are null, never left out
        #expect(exchange.props?["__N_SSP"] == true)  // the whole answer, as the client holds it
        #expect(exchange.propsSource == .dataResponse)
        #expect(exchange.html == "<p>item 3</p>")
        #expect(exchange.hydration?.verdict == .match)
        #expect(await navigator.history.entries == ["/item/3?ref=x"])
    }

    @Test func hardNavigationReadsPropsFromNextData() async throws {
        let navigator = try FixtureSite.navigator()
        let exchange = await navigator.navigate(.hardNavigation, to: "/item/3")
        let fetch = try #require(exchange.lastFetch)
        #expect(fetch.request.path == "/item/3")
        #expect(fetch.request.headerFields[.accept]?.hasPrefix("text/html") == true)
        #expect(exchange.pageProps == ["id": "3", "cookie": nil, "header": nil])  // nil optionals are null, never left out
        #expect(exchange.propsSource == .nextData)
        #expect(exchange.html?.hasPrefix("<!DOCTYPE html>") == true)
        #expect(exchange.hydration?.verdict == .match)
    }

    @Test func headersAndCookiesGoWithEveryRequest() async throws {
        let navigator = try FixtureSite.navigator()
        await navigator.setCookie("session", "abc")
        await navigator.setCookie("theme", "dark")
        await navigator.setHeader(.authorization, "Bearer t")
        for kind in [Exchange.Kind.clientTransition, .hardNavigation] {
            let exchange = await navigator.navigate(kind, to: "/item/1")
            #expect(exchange.pageProps?["cookie"] == "abc")
            #expect(exchange.pageProps?["header"] == "Bearer t")
            #expect(exchange.lastFetch?.request.headerFields[.cookie] == "session=abc; theme=dark")
        }
        await navigator.setCookie("session", nil)
        let without = await navigator.navigate(.clientTransition, to: "/item/1")
        #expect(without.pageProps?["cookie"] == .null)
    }

    @Test func internalRedirectTransitionsThereAndKeepsTheSourceOutOfHistory() async throws {
        let navigator = try FixtureSite.navigator()
        _ = await navigator.navigate(.clientTransition, to: "/")
        let exchange = await navigator.navigate(.clientTransition, to: "/go/chain")
        #expect(exchange.fetches.map { $0.request.path } == ["/_next/data/B/go/chain.json?where=chain", "/_next/data/B/go/item.json?where=item", "/_next/data/B/item/7.json?id=7"])
        #expect(exchange.url == "/item/7")
        #expect(exchange.kind == .clientTransition)
        #expect(exchange.pageProps?["id"] == "7")
        #expect(await navigator.history.entries == ["/", "/item/7"])
        // Back goes to the origin page, not to the redirecting URLs.
        let back = try #require(await navigator.back())
        #expect(back.url == "/")
        #expect(back.pageProps == ["greeting": "hi"])
    }

    @Test func redirectToAStaticPageFetchesNothingMore() async throws {
        let navigator = try FixtureSite.navigator()
        let exchange = await navigator.navigate(.clientTransition, to: "/go/static")
        #expect(exchange.fetches.count == 1)
        #expect(exchange.url == "/about")
        #expect(exchange.propsSource == .staticPage)
        #expect(exchange.html == "<p>static</p>")
    }

    @Test func redirectLoopStops() async throws {
        let navigator = try FixtureSite.navigator()
        // getServerSideProps's answers are not kept: Next.js's client would ask again and again.
        let client = await navigator.navigate(.clientTransition, to: "/go/loop")
        #expect(client.outcome == .failed("A redirect loop (/go/loop → /go/loop): Next.js's client would go on asking the server forever; the explorer stops here."))
        #expect(client.fetches.count == 1)
        let hard = await navigator.navigate(.hardNavigation, to: "/go/loop")
        guard case .failed = hard.outcome else { Issue.record("expected a failure, got \(hard.outcome)"); return }
        #expect(hard.fetches.count == 21)
        #expect(await navigator.history.entries.isEmpty)
    }

    @Test func externalRedirectLeavesTheSite() async throws {
        let navigator = try FixtureSite.navigator()
        for kind in [Exchange.Kind.clientTransition, .hardNavigation] {
            let exchange = await navigator.navigate(kind, to: "/go/away")
            #expect(exchange.outcome == .leftSite("https://example.com/elsewhere"))
            #expect(exchange.props == nil)
        }
        #expect(await navigator.history.entries.isEmpty)
    }

    @Test func redirectWithBasePathFalseIsAFullNavigationOutsideTheBasePath() async throws {
        let navigator = try FixtureSite.navigator(basePath: "/docs")
        let exchange = await navigator.navigate(.clientTransition, to: "/go/outside")
        #expect(exchange.fetches.map { $0.request.path } == ["/docs/_next/data/B/go/outside.json?where=outside", "/outside"])
        #expect(exchange.kind == .hardNavigation)
        #expect(exchange.lastFetch?.response.status == .notFound)
    }

    @Test func basePathIsInEveryRequestAndNotInTheAddress() async throws {
        let navigator = try FixtureSite.navigator(basePath: "/docs")
        let client = await navigator.navigate(.clientTransition, to: "/go/item")
        #expect(client.fetches.map { $0.request.path } == ["/docs/_next/data/B/go/item.json?where=item", "/docs/_next/data/B/item/7.json?id=7"])
        let hard = await navigator.navigate(.hardNavigation, to: "/go/item")
        #expect(hard.fetches.map { $0.request.path } == ["/docs/go/item", "/docs/item/7"])
        #expect(hard.url == "/item/7")
        #expect(hard.pageProps?["id"] == "7")
    }

    /// The router writes the data URL's query itself: the target's query read as
    /// `URLSearchParams` reads it, the route's parameters assigned over it (a parameter replaces
    /// a key of its name where it stood), integer-like keys first (a JavaScript object's order),
    /// then written back with `+` for a space.
    @Test func dataURLsCarryTheRouteParametersAsTheRouterWritesThem() async throws {
        let navigator = try FixtureSite.navigator()
        let cases = [
            ("/item/3?b=1&id=9&2=x&b=2", "/_next/data/B/item/3.json?2=x&b=1&b=2&id=3"),
            ("/item/3?q=a%20b+c&flag", "/_next/data/B/item/3.json?q=a+b+c&flag=&id=3"),
            ("/item/caf%C3%A9", "/_next/data/B/item/caf%C3%A9.json?id=caf%C3%A9"),
            ("/?x=1", "/_next/data/B/index.json?x=1"),
        ]
        for (target, dataURL) in cases {
            let exchange = await navigator.navigate(.clientTransition, to: target)
            #expect(exchange.fetches.first?.request.path == dataURL, "\(target)")
        }
    }

    /// A deploy while exploring: the data URL of the old build 404s with an HTML page, the client
    /// falls back to a full load, which brings the new build ID; the next transition uses it.
    @Test func aDeployWhileExploringIsFollowed() async throws {
        let redeployed = Redeployed(before: try FixtureSite.engine(buildId: "A"), after: try FixtureSite.engine(buildId: "B2"))
        let navigator = Navigator(transport: redeployed)
        #expect(try await navigator.siteInfo().buildId == "A")
        redeployed.deploy()
        let stale = await navigator.navigate(.clientTransition, to: "/item/3")
        #expect(stale.fetches.map(\.request.path) == ["/_next/data/A/item/3.json?id=3", "/item/3"])
        #expect(stale.kind == .hardNavigation)
        #expect(stale.notes.contains { $0.hasPrefix("The site was deployed again: its build ID is B2 now (was A)") })
        let next = await navigator.navigate(.clientTransition, to: "/item/4")
        #expect(next.fetches.map(\.request.path) == ["/_next/data/B2/item/4.json?id=4"])
        #expect(next.kind == .clientTransition)
        #expect(next.notes.isEmpty)
    }

    @Test func localesAreInEveryDataURL() async throws {
        let navigator = try FixtureSite.navigator(i18n: Site.I18n(locales: ["en", "fr"], defaultLocale: "en"))
        let french = await navigator.navigate(.clientTransition, to: "/fr/item/3?x=1")
        #expect(french.lastFetch?.request.path == "/_next/data/B/fr/item/3.json?x=1&id=3")
        #expect(french.page == "/item/[id]")
        #expect(french.pageProps?["id"] == "3")
        #expect(french.url == "/fr/item/3?x=1")
        // A path without a locale keeps the page's, as `router.push` does (Chromium: /about from /fr is /fr/about).
        let sameLocale = await navigator.navigate(.clientTransition, to: "/item/3")
        #expect(sameLocale.lastFetch?.request.path == "/_next/data/B/fr/item/3.json?id=3")
        #expect(sameLocale.url == "/fr/item/3")
        let byDefault = await (try FixtureSite.navigator(i18n: Site.I18n(locales: ["en", "fr"], defaultLocale: "en"))).navigate(.clientTransition, to: "/item/3")
        #expect(byDefault.lastFetch?.request.path == "/_next/data/B/en/item/3.json?id=3")
        let home = await navigator.navigate(.clientTransition, to: "/FR")
        #expect(home.lastFetch?.request.path == "/_next/data/B/fr.json")
        #expect(home.pageProps == ["greeting": "hi"])
        let staticPage = await navigator.navigate(.clientTransition, to: "/fr/about")
        #expect(staticPage.fetches.isEmpty)
        #expect(staticPage.html == "<p>static</p>")
    }

    @Test func hardNavigationFollowsHTTPRedirects() async throws {
        let navigator = try FixtureSite.navigator()
        let exchange = await navigator.navigate(.hardNavigation, to: "/go/item/")
        #expect(exchange.fetches.map { $0.response.status.code } == [308, 308, 200])
        #expect(exchange.url == "/item/7")
        #expect(await navigator.history.entries == ["/item/7"])
    }

    @Test func notFoundRendersThe404PageClientSideAtTheTargetURL() async throws {
        let navigator = try FixtureSite.navigator()
        let exchange = await navigator.navigate(.clientTransition, to: "/item/missing")
        #expect(exchange.outcome == .clientNotFound)
        #expect(exchange.kind == .clientTransition)
        #expect(exchange.fetches.count == 1)
        #expect(exchange.url == "/item/missing")
        #expect(exchange.html?.contains("This page could not be found") == true)
        #expect(await navigator.history.entries == ["/item/missing"])
    }

    @Test func failedDataRequestFallsBackToAHardNavigation() async throws {
        let navigator = try FixtureSite.navigator()
        let exchange = await navigator.navigate(.clientTransition, to: "/fails")
        #expect(exchange.requested == .clientTransition)
        #expect(exchange.kind == .hardNavigation)
        #expect(exchange.fetches.map { $0.request.path } == ["/_next/data/B/fails.json", "/fails"])
        #expect(exchange.lastFetch?.response.status == .internalServerError)
        #expect(exchange.notes.contains { $0.contains("falls back to a hard navigation") })
        #expect(await navigator.history.entries == ["/fails"])
    }

    @Test func unknownPathFallsBackToAHardNavigationWithoutADataRequest() async throws {
        let navigator = try FixtureSite.navigator()
        let exchange = await navigator.navigate(.clientTransition, to: "/no/such/page")
        #expect(exchange.kind == .hardNavigation)
        #expect(exchange.fetches.map { $0.request.path } == ["/no/such/page"])
        #expect(exchange.lastFetch?.response.status == .notFound)
        #expect(exchange.page == "/_error")
    }

    /// Next.js's router decodes a dynamic route's params before it fetches anything; one that is
    /// not valid percent-encoding throws `DecodeError`, and the page stays.
    @Test func aParameterThatDoesNotDecodeStopsTheTransitionBeforeAnyRequest() async throws {
        let navigator = try FixtureSite.navigator()
        let exchange = await navigator.navigate(.clientTransition, to: "/item/%E0%A4%A")
        #expect(exchange.fetches.isEmpty)
        guard case .failed(let reason) = exchange.outcome else {
            Issue.record("\(exchange.outcome)")
            return
        }
        #expect(reason.contains("%E0%A4%A is not valid percent-encoding for a parameter of /item/[id]"))
        #expect(reason.contains(#"DecodeError ("failed to decode param")"#))
        #expect(await navigator.history.entries.isEmpty)
        // A path that matches no route because it does not decode says so.
        let unmatched = await navigator.navigate(.clientTransition, to: "/%E0%A4%A")
        #expect(unmatched.notes.first?.hasPrefix("No page matches /%E0%A4%A (its %-escapes are not valid UTF-8)") == true)
    }

    @Test func staticPageTransitionFetchesNoData() async throws {
        let navigator = try FixtureSite.navigator()
        let exchange = await navigator.navigate(.clientTransition, to: "/about")
        #expect(exchange.fetches.isEmpty)
        #expect(exchange.props == ["pageProps": [:]])
        #expect(exchange.html == "<p>static</p>")
    }

    @Test func backAndForwardRevisitWithAClientTransition() async throws {
        let navigator = try FixtureSite.navigator()
        _ = await navigator.navigate(.hardNavigation, to: "/")
        _ = await navigator.navigate(.clientTransition, to: "/item/1")
        _ = await navigator.navigate(.clientTransition, to: "/item/2")
        let back = try #require(await navigator.back())
        #expect(back.url == "/item/1")
        #expect(back.kind == .clientTransition)
        #expect(back.lastFetch?.request.path == "/_next/data/B/item/1.json?id=1")
        _ = try #require(await navigator.back())
        #expect(await navigator.back() == nil)
        let forward = try #require(await navigator.forward())
        #expect(forward.url == "/item/1")
        // A new navigation drops the entries ahead; the current URL again adds nothing.
        _ = await navigator.navigate(.clientTransition, to: "/about")
        _ = await navigator.navigate(.hardNavigation, to: "/about")
        #expect(await navigator.history.entries == ["/", "/item/1", "/about"])
        #expect(await navigator.forward() == nil)
    }

    @Test func hydrationMismatchIsReportedWithWhereItDiffers() async throws {
        let navigator = try FixtureSite.navigator()
        for kind in [Exchange.Kind.clientTransition, .hardNavigation] {
            let exchange = await navigator.navigate(kind, to: "/mismatch")
            let check = try #require(exchange.hydration)
            #expect(check.verdict == .mismatch(offset: 4))
            #expect(check.detail.contains("server \"<p>aserver only</p>\""))
            #expect(check.detail.contains("client \"<p>a</p>\""))
        }
    }

    @Test func propsThatDoNotDecodeFailTheClientRender() async throws {
        let navigator = try FixtureSite.navigator()
        let exchange = await navigator.navigate(.clientTransition, to: "/undecodable")
        #expect(exchange.pageProps == ["count": "3"])
        #expect(exchange.hydration?.verdict == .failed)
        #expect(exchange.hydration?.detail.contains("expected Int at `.count`") == true)
    }

    @Test func devErrorDocumentsAreNotHydrationChecked() async throws {
        let navigator = try FixtureSite.navigator(mode: .development)
        let exchange = await navigator.navigate(.hardNavigation, to: "/fails")
        #expect(exchange.page == "/_error")
        #expect(exchange.hydration == nil)
        #expect(exchange.notes.contains { $0.contains("error overlay") })
        #expect(exchange.serverError?.name == "BrowserTests.FixtureSite.Fails.Oops")
        #expect(exchange.serverError?.message.isEmpty == false)
    }

    /// A remote site's pages cannot render here: after the transition the server's document for
    /// the same URL fills the HTML view, outside the navigation's requests and timing.
    @Test func aRemoteTransitionBringsTheServersDocument() async throws {
        func document(_ props: String) -> CannedTransport.Answer {
            .init(headers: [.contentType: "text/html; charset=utf-8"], body: """
                <!DOCTYPE html><html><body><div id="__next"><a href="/y">y</a></div><script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":\(props)},"page":"/x","query":{},"buildId":"B"}</script></body></html>
                """)
        }
        let data = CannedTransport.Answer(body: #"{"pageProps":{"n":1},"__N_SSP":true}"#)
        let same = Navigator(transport: CannedTransport(byPath: ["/_next/data/B/x.json": data, "/x": document(#"{"n":1}"#)]))
        let exchange = await same.navigate(.clientTransition, to: "/x")
        #expect(exchange.fetches.map(\.request.path) == ["/_next/data/B/x.json"])
        #expect(exchange.serverDocument?.request.path == "/x")
        #expect(exchange.serverDocument?.request.headerFields[.accept]?.hasPrefix("text/html") == true)
        #expect(exchange.html?.contains(#"<a href="/y">"#) == true)
        #expect(Analysis(exchange).links.map(\.href) == ["/y"])
        #expect(exchange.documentPropsAgree == true)
        #expect(exchange.totalMilliseconds == 1)  // the navigation's one request, not the document

        let changing = Navigator(transport: CannedTransport(byPath: ["/_next/data/B/x.json": data, "/x": document(#"{"n":2}"#)]))
        #expect(await changing.navigate(.clientTransition, to: "/x").documentPropsAgree == false)

        await changing.setFetchesServerDocument(false)
        let off = await changing.navigate(.clientTransition, to: "/x")
        #expect(off.serverDocument == nil && off.html == nil)
    }

    /// In-process the client's own rendering is the HTML: nothing more is fetched.
    @Test func inProcessTransitionsFetchNoDocument() async throws {
        let exchange = try await FixtureSite.navigator().navigate(.clientTransition, to: "/item/1")
        #expect(exchange.serverDocument == nil)
        #expect(exchange.html != nil)
    }

    @Test func unparseableDataGivesEmptyProps() async throws {
        let navigator = Navigator(transport: CannedTransport(answer: .init(body: "<html>not json")))
        let exchange = await navigator.navigate(.clientTransition, to: "/x")
        #expect(exchange.props == ["pageProps": [:]])
        #expect(exchange.propsSource == .unreadableResponse)
        #expect(exchange.outcome == .page)
    }

    @Test func unreachableSiteIsAFailureNotACrash() async throws {
        let navigator = Navigator(transport: CannedTransport(fails: TransportError("connection refused")))
        for kind in [Exchange.Kind.clientTransition, .hardNavigation] {
            let exchange = await navigator.navigate(kind, to: "/x")
            #expect(exchange.outcome == .failed("cannot reach the site: connection refused"))
        }
        #expect(await navigator.history.entries.isEmpty)
    }

    @Test func nonHTMLDocumentHasNoProps() async throws {
        let navigator = Navigator(transport: CannedTransport(answer: .init(body: "{}")))
        let exchange = await navigator.navigate(.hardNavigation, to: "/x")
        #expect(exchange.props == nil)
        #expect(exchange.notes.contains { $0.contains("not an HTML document") })
    }

    @Test func locationIsResolvedAsABrowserResolvesIt() async throws {
        let html: HTTPFields = [.contentType: "text/html"]
        let navigator = Navigator(transport: CannedTransport(
            answer: .init(status: .notFound, headers: html, body: "none"),
            byPath: [
                "/a/b": .init(status: .found, headers: [.location: "c?x=1"]),
                "/a/c?x=1": .init(status: .seeOther, headers: [.location: "../d"]),
                "/d": .init(status: .movedPermanently, headers: [.location: "https://elsewhere.example/"]),
            ]))
        let exchange = await navigator.navigate(.hardNavigation, to: "/a/b")
        #expect(exchange.fetches.map { $0.request.path } == ["/a/b", "/a/c?x=1", "/d"])
        #expect(exchange.outcome == .leftSite("https://elsewhere.example/"))
    }

    @Test func typedTargetsAreEncodedAsABrowserEncodesThem() async throws {
        let navigator = try FixtureSite.navigator()
        let exchange = await navigator.navigate(.clientTransition, to: "/item/a b\u{1B}你好/?q=\"x\"")
        #expect(exchange.target == "/item/a%20b%1B%E4%BD%A0%E5%A5%BD?q=%22x%22")
        #expect(exchange.lastFetch?.request.path == "/_next/data/B/item/a%20b%1B%E4%BD%A0%E5%A5%BD.json?q=%22x%22&id=a+b%1B%E4%BD%A0%E5%A5%BD")
        #expect(exchange.pageProps?["id"] == "a b\u{1B}你好")
        #expect(exchange.url == exchange.target)
        let kept = await navigator.navigate(.hardNavigation, to: "/item/%41")
        #expect(kept.lastFetch?.request.path == "/item/%41")
    }

    @Test func absoluteURLsLeaveTheSite() async throws {
        let navigator = try FixtureSite.navigator()
        let exchange = await navigator.navigate(.clientTransition, to: "https://example.com/")
        #expect(exchange.outcome == .leftSite("https://example.com/"))
        #expect(exchange.fetches.isEmpty)
    }

    /// Skew protection (Next.js 16): the page's deployment (`<html data-dpl-id>`) goes with its data
    /// requests, and an answer from another deployment makes the client load the page anew.
    @Test func anAnswerFromAnotherDeploymentIsLoadedAsADocument() async throws {
        func document(_ page: String) -> CannedTransport.Answer {
            .init(headers: [.contentType: "text/html; charset=utf-8"], body: """
                <!DOCTYPE html><html data-dpl-id="dpl_1"><body><div id="__next"></div><script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{}},"page":"\(page)","query":{},"buildId":"B"}</script></body></html>
                """)
        }
        func data(deployment: String) -> CannedTransport.Answer {
            .init(headers: [.contentType: "application/json", .nextjsDeploymentId: deployment], body: #"{"pageProps":{"n":1},"__N_SSP":true}"#)
        }
        for (answered, loadsDocument) in [("dpl_1", false), ("dpl_2", true)] {
            let navigator = Navigator(
                transport: CannedTransport(byPath: ["/a": document("/a"), "/b": document("/b"), "/_next/data/B/b.json": data(deployment: answered)]))
            _ = await navigator.navigate(.hardNavigation, to: "/a")
            let exchange = await navigator.navigate(.clientTransition, to: "/b")
            #expect(exchange.fetches.first?.request.headerFields[.deploymentId] == "dpl_1")
            #expect(exchange.fetches.map(\.request.path) == (loadsDocument ? ["/_next/data/B/b.json", "/b"] : ["/_next/data/B/b.json"]))
            #expect(exchange.kind == (loadsDocument ? .hardNavigation : .clientTransition))
            #expect(exchange.notes.contains { $0.contains("another deployment (x-nextjs-deployment-id: dpl_2)") } == loadsDocument)
        }
    }

    /// A path the build's router filter names (a page of the App Router, beside the Pages
    /// Router's) is loaded as a document, without a data request.
    @Test func anAppRouterPathIsLoadedAsADocument() async throws {
        // Next.js 15.2.4's BloomFilter.from(["/dashboard", "/app-only/settings"], 0.01).
        let filter = RouterFilter(JavaScriptLiteral.value(#"{"numItems":2,"errorRate":0.01,"numBits":20,"numHashes":7,"bitArray":[1,0,0,0,1,1,1,1,0,1,1,0,1,1,1,1,0,0,0,1]}"#))
        let site = SiteInfo(
            buildId: "B", config: RouterConfig(), routes: [SiteInfo.Route(pattern: try RoutePattern(route: "/[slug]"), kind: .serverSide)],
            errorPages: [], pages: nil, rewrites: Rewrites(), middleware: nil, routerFilters: RouterFilters(staticPaths: filter), appGetInitialProps: false,
            nextVersion: "15.2.4")
        let html = CannedTransport.Answer(headers: [.contentType: "text/html; charset=utf-8"], body: "<html><body>app</body></html>")
        let data = CannedTransport.Answer(body: #"{"pageProps":{"slug":"about"},"__N_SSP":true}"#)
        let navigator = Navigator(transport: CannedTransport(byPath: ["/dashboard": html, "/_next/data/B/about.json?slug=about": data], site: site))
        let app = await navigator.navigate(.clientTransition, to: "/dashboard")
        #expect(app.kind == .hardNavigation)
        #expect(app.fetches.map(\.request.path) == ["/dashboard"])
        #expect(app.notes.contains("/dashboard is a path of the App Router (the build's client router filter names it): the Pages Router's client loads it as a new document."))
        // A path the filter does not name is the Pages Router's.
        let pages = await navigator.navigate(.clientTransition, to: "/about")
        #expect(pages.kind == .clientTransition && pages.fetches.map(\.request.path) == ["/_next/data/B/about.json?slug=about"])
    }

    /// `__N_REDIRECT` to a relative URL (`"external"`): `window.location.href` resolves it against
    /// the page shown, so the browser loads `/blog/external` from `/blog/hello`.
    @Test func aRelativeDataRedirectIsLoadedAgainstThePageShown() async throws {
        let html: HTTPFields = [.contentType: "text/html; charset=utf-8"]
        func document(_ page: String) -> CannedTransport.Answer {
            .init(headers: html, body: #"<html><body><script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{}},"page":"\#(page)","query":{},"buildId":"B"}</script></body></html>"#)
        }
        let redirect = CannedTransport.Answer(body: #"{"pageProps":{"__N_REDIRECT":"external","__N_REDIRECT_STATUS":307},"__N_SSP":true}"#)
        let navigator = Navigator(
            transport: CannedTransport(byPath: [
                "/blog/hello": document("/blog/[post]"), "/blog/external": document("/blog/[post]"), "/_next/data/B/blog/redirect.json": redirect,
            ]))
        _ = await navigator.navigate(.hardNavigation, to: "/blog/hello")
        let exchange = await navigator.navigate(.clientTransition, to: "/blog/redirect")
        #expect(exchange.fetches.map(\.request.path) == ["/_next/data/B/blog/redirect.json", "/blog/external"])
        #expect(exchange.kind == .hardNavigation && exchange.url == "/blog/external")
    }
}

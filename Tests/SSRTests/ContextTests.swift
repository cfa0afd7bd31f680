import HTTPTypes
import SSR
import Testing

/// §1: what getServerSideProps receives.
@Suite struct ContextTests {
    let engine: Engine
    init() throws { engine = try TestSite.engine() }

    func props(_ path: String, _ headers: HTTPFields = [:], engine: Engine? = nil) async throws -> JSONValue {
        let response = await (engine ?? self.engine).get(path, headers)
        return try #require(response.json?["pageProps"], "\(path): \(response.status) \(response.bodyText.prefix(200))")
    }

    @Test func paramsOnlyOnDynamicPagesAndTheyOverrideSearchParams() async throws {
        let dynamic = try await props("/_next/data/B/echo/post-1.json?name=x&hello=world")
        #expect(dynamic["params"] == ["name": "post-1"])
        #expect(dynamic["query"] == ["name": "post-1", "hello": "world"])
        let staticRoute = try await props("/_next/data/B/echo.json?a=1")
        #expect(staticRoute["params"] == .null)  // the context's `params` is nil: written null
        #expect(staticRoute["query"] == ["a": "1"])
    }

    @Test func queryFollowsURLSearchParams() async throws {
        let p = try await props("/_next/data/B/echo.json?a=1&a=2&b=x+y%20z&c&d=%zz&e=%C3%A9")
        #expect(p["query"] == ["a": ["1", "2"], "b": "x y z", "c": "", "d": "%zz", "e": "é"])
    }

    @Test func hugeQueryStringsAreReadInOnePass() async throws {
        let query = (0..<50_000).map { "k\($0 % 25_000)=\($0)" }.joined(separator: "&")
        let p = try await props("/_next/data/B/echo.json?" + query)
        #expect(p["query"]?.objectValue?.count == 25_000)
        #expect(p["query"]?["k7"] == ["7", "25007"])
    }

    @Test func queryOrderInNextDataIsSearchThenParams() async throws {
        let data = try #require(await engine.get("/echo/p?z=1&name=q&a=2").nextData)
        #expect(data["query"]?.objectValue?.map(\.key) == ["z", "name", "a"])
        #expect(data["query"]?["name"] == "p")
    }

    @Test func internalKeysFromClientsAreDropped() async throws {
        let p = try await props("/_next/data/B/echo/real.json?__nextLocale=fr&__nextDataReq=1&nxtPname=evil&_rsc=1&ok=1")
        #expect(p["query"] == ["ok": "1", "name": "real"])
        #expect(p["params"] == ["name": "real"])
        #expect(p["resolvedUrl"] == "/echo/real?ok=1")
    }

    @Test func resolvedUrlAndRequestUrl() async throws {
        let data = try await props("/_next/data/B/echo/post-1.json?name=post-1&hello=world")
        #expect(data["resolvedUrl"] == "/echo/post-1?hello=world")
        #expect(data["url"] == "/_next/data/B/echo/post-1.json?name=post-1&hello=world")
        let document = try #require(await engine.get("/echo/a%20b?x=%41").nextData?["props"]?["pageProps"])
        #expect(document["resolvedUrl"] == "/echo/a%20b?x=%41")
        #expect(document["url"] == "/echo/a%20b?x=%41")
        #expect(document["params"] == ["name": "a b"])
    }

    @Test func requestMethodHeadersAndCookies() async throws {
        let p = try await props("/_next/data/B/echo.json", [.cookie: "session=demo-token; theme=%22dark%22; session=second; q=\"quoted\""])
        #expect(p["cookies"] == ["q": "quoted", "session": "demo-token", "theme": "\"dark\""])  // a dictionary: sorted
        #expect(p["method"] == "GET")
        let post = await engine.respond(to: EngineRequest(
            .post, "/_next/data/B/echo.json", headerFields: [.userAgent: "curl/8.5"], body: Array("a=1&b=two".utf8)))
        #expect(post.json?["pageProps"]?["method"] == "POST")
        #expect(post.json?["pageProps"]?["userAgent"] == "curl/8.5")
        #expect(post.json?["pageProps"]?["body"] == "a=1&b=two")
        #expect(p["locales"] == [])
        #expect(p["locale"] == .null)
    }
}

@Suite struct I18nAndBasePathTests {
    let i18n = Site.I18n(locales: ["en-US", "fr", "nl-NL"], defaultLocale: "en-US")

    @Test func localesInDocumentsAndData() async throws {
        let engine = try TestSite.engine(i18n: i18n)
        let french = await engine.get("/fr/echo/x?y=1")
        #expect(french.status == .ok)
        #expect(french.bodyText.hasPrefix("<!DOCTYPE html><html lang=\"fr\">"))
        let data = try #require(french.nextData)
        #expect(data["locale"] == "fr")
        #expect(data["locales"] == ["en-US", "fr", "nl-NL"])
        #expect(data["defaultLocale"] == "en-US")
        #expect(data.objectValue?.map(\.key).suffix(4) == ["locale", "locales", "defaultLocale", "scriptLoader"])
        let props = try #require(data["props"]?["pageProps"])
        #expect(props["locale"] == "fr")
        #expect(props["url"] == "/echo/x?y=1")
        #expect(props["resolvedUrl"] == "/echo/x?y=1")

        let defaultLocale = await engine.get("/echo/x").nextData
        #expect(defaultLocale?["locale"] == "en-US")

        let json = await engine.get("/_next/data/B/nl-NL/echo/x.json").json
        #expect(json?["pageProps"]?["locale"] == "nl-NL")
        #expect(await engine.get("/_next/data/B/fr.json").json?["pageProps"]?["title"] == "Home")
    }

    @Test func dataURLWithoutALocaleIsNotFound() async throws {
        let engine = try TestSite.engine(i18n: i18n)
        #expect(await engine.get("/_next/data/B/echo/x.json").status == .notFound)
        #expect(await engine.get("/_next/data/B/index.json").status == .notFound)
    }

    @Test func basePath() async throws {
        let engine = try TestSite.engine(basePath: "/docs-site")
        #expect(await engine.get("/docs-site").status == .ok)
        #expect(await engine.get("/docs-site/posts/1").status == .ok)
        #expect(await engine.get("/posts/1").status == .notFound)
        #expect(await engine.get("/docs-siteX/posts/1").status == .notFound)
        // The root with a trailing slash is the root, answered as it is (next start 15.2.4 on the
        // basePath twin: `/gazette/` 200, `/gazette/about/` 308).
        let slash = await engine.get("/docs-site/")
        #expect(slash.status == .ok && slash[.location] == nil)
        #expect(await engine.get("/docs-site/?x=1").status == .ok)
        #expect(await engine.get("/docs-site/about/")[.location] == "/docs-site/about")
        #expect(await engine.get("/docs-site/_next/data/B/posts/1.json").json?["pageProps"]?["id"] == 1)
        #expect(await engine.get("/_next/data/B/posts/1.json").status == .notFound)
        let echo = await engine.get("/docs-site/_next/data/B/echo/x.json").json?["pageProps"]
        #expect(echo?["url"] == "/_next/data/B/echo/x.json")
        #expect(echo?["resolvedUrl"] == "/echo/x")
    }

    @Test func invalidSiteOptionsAreRejected() {
        #expect(throws: RouteDefinitionError.self) { try Site(pages: [], basePath: "docs") }
        #expect(throws: RouteDefinitionError.self) { try Site(pages: [], i18n: Site.I18n(locales: ["fr"], defaultLocale: "de")) }
    }
}

/// Next.js's locale detection on `/`.
@Suite struct LocaleDetectionTests {
    let i18n = Site.I18n(locales: ["en-US", "fr", "nl-NL"], defaultLocale: "en-US")

    @Test func rootRedirectsToThePreferredLocale() async throws {
        let engine = try TestSite.engine(i18n: i18n)
        let french = await engine.get("/?x=1", [.acceptLanguage: "fr-CA,fr;q=0.9,en;q=0.8"])
        #expect(french.status == .temporaryRedirect)
        #expect(french[.location] == "/fr?x=1")
        #expect(french[.cacheControl] == Engine.privateNoStore)
        #expect(await engine.get("/", [.acceptLanguage: "de, nl;q=0.5"])[.location] == "/nl-NL")
        #expect(await engine.get("/", [.cookie: "NEXT_LOCALE=nl-nl", .acceptLanguage: "fr"])[.location] == "/nl-NL")
        // The default locale, no match, another path, a locale in the path, or data: no redirect.
        #expect(await engine.get("/", [.acceptLanguage: "en-US,fr;q=0.5"]).status == .ok)
        #expect(await engine.get("/", [.acceptLanguage: "de, ja;q=0.5, fr;q=0"]).status == .ok)
        #expect(await engine.get("/about", [.acceptLanguage: "fr"]).status == .ok)
        #expect(await engine.get("/en-US", [.acceptLanguage: "fr"]).status == .ok)
        #expect(await engine.get("/_next/data/B/en-US.json", [.acceptLanguage: "fr"]).status == .ok)
        let withBasePath = try TestSite.engine(basePath: "/bp", i18n: i18n)
        #expect(await withBasePath.get("/bp", [.acceptLanguage: "fr"])[.location] == "/bp/fr")
    }

    @Test func detectionCanBeTurnedOff() async throws {
        let engine = try TestSite.engine(i18n: Site.I18n(locales: ["en-US", "fr"], defaultLocale: "en-US", localeDetection: false))
        #expect(await engine.get("/", [.acceptLanguage: "fr"]).status == .ok)
    }
}

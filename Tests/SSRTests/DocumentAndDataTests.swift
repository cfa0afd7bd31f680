import Foundation
import HTTPTypes
import SSR
import Testing

/// §4 and §5 of the wire spec: the document and the data endpoint carry the same props.
@Suite struct DocumentAndDataTests {
    let engine: Engine
    init() throws { engine = try TestSite.engine() }

    @Test func documentHasNextDataAfterTheNextDiv() async throws {
        let response = await engine.get("/posts/1?ref=home")
        #expect(response.status == .ok)
        #expect(response[.contentType] == "text/html; charset=utf-8")
        let html = response.bodyText
        // The page's head elements before the shell's, each marked as `next/head` marks them.
        #expect(html.hasPrefix(
            #"<!DOCTYPE html><html><head><meta charSet="utf-8" data-next-head=""/><meta name="viewport" content="width=device-width" data-next-head=""/>"#
                + #"<title data-next-head="">&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title><meta name="description" content="One post" data-next-head=""/>"#
                + #"<style>body{margin:0}</style></head>"#))
        #expect(html.contains("<div id=\"__next\"><main class=\"layout\"><article><h1>&lt;/script&gt;"))
        #expect(html.contains("</div><script id=\"__NEXT_DATA__\" type=\"application/json\">{\"props\":"))
        #expect(html.hasSuffix("</script></body></html>"))
        let data = try #require(response.nextData)
        #expect(data.objectValue?.map(\.key) == ["props", "page", "query", "buildId", "isFallback", "isExperimentalCompile", "gssp", "scriptLoader"])
        #expect(data["isExperimentalCompile"] == false)
        #expect(data["page"] == "/posts/[id]")
        #expect(data["query"] == ["ref": "home", "id": "1"])
        #expect(data["buildId"] == "B")
        #expect(data["props"]?["__N_SSP"] == true)
        #expect(data["gssp"] == true)
    }

    @Test func inlinePropsAreEscapedForTheScriptElement() async throws {
        let text = try #require(await engine.get("/posts/1").nextDataText)
        #expect(text.contains(#""title":"\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e""#))
        #expect(text.contains(#""body":"line\u2028sep\u2029end 日本語 😀""#))
        #expect(!text.contains("</script>"))
        #expect(!text.contains("\u{2028}"))
        let two = try #require(await engine.get("/posts/2").nextDataText)
        #expect(two.contains(#""title":"Tom \u0026 Jerry""#))
    }

    @Test func dataResponseCarriesTheSamePropsUnescaped() async throws {
        let document = await engine.get("/posts/1")
        let data = await engine.get("/_next/data/B/posts/1.json", [.init("x-nextjs-data")!: "1"])
        #expect(data.status == .ok)
        #expect(data[.contentType] == "application/json")
        #expect(data.bodyText.hasPrefix(#"{"pageProps":{"id":1,"title":"</script><script>alert(1)</script>","body":"line"#))
        #expect(data.bodyText.hasSuffix(#""tags":["a/b","c"],"rating":4.5},"__N_SSP":true}"#))
        let fromHTML = try #require(document.nextData?["props"]?["pageProps"])
        #expect(data.json?["pageProps"] == fromHTML)
        #expect(data.json?.objectValue?.map(\.key) == ["pageProps", "__N_SSP"])
        // The page itself is not rendered for data requests.
        #expect(!data.bodyText.contains("<article>"))
    }

    @Test func dataURLsForIndexNestedDynamicAndCatchAll() async {
        #expect(await engine.get("/_next/data/B/index.json").json?["pageProps"]?["title"] == "Home")
        #expect(await engine.get("/_next/data/B/echo.json").json?["pageProps"]?["page"] == "/echo")
        #expect(await engine.get("/_next/data/B/echo/x.json").json?["pageProps"]?["page"] == "/echo/[name]")
        #expect(await engine.get("/_next/data/B/blog/2024/hello.json").json?["pageProps"]?["slug"] == ["2024", "hello"])
        #expect(DataPath.dataURL(for: "/posts/1/?ref=x#top", buildId: "B") == "/_next/data/B/posts/1.json?ref=x")
        #expect(DataPath.dataURL(for: "/", buildId: "B", basePath: "/bp", locale: "fr") == "/bp/_next/data/B/fr.json")
    }

    @Test func wrongBuildIdOrNoJsonIsTheNotFoundPage() async {
        for path in ["/_next/data/OLD/posts/1.json", "/_next/data/B/posts/1", "/_next/data/B/posts/1.html", "/_next/data/B"] {
            let response = await engine.get(path)
            #expect(response.status == .notFound, "\(path)")
            #expect(response[.contentType] == "text/html; charset=utf-8")
            #expect(response[.cacheControl] == Engine.privateNoStore)
            #expect(response.bodyText.contains("This page could not be found."))
        }
        // `.json` alone is the index, as `index.json` (Next.js strips `.json` from `/.json`).
        #expect(await engine.get("/_next/data/B/.json").bodyText == (await engine.get("/_next/data/B/index.json")).bodyText)
    }

    @Test func theDataURLDecidesNotTheHeader() async {
        let document = await engine.get("/posts/1", [.nextjsData: "1"])
        #expect(document[.contentType] == "text/html; charset=utf-8")
        let data = await engine.get("/_next/data/B/posts/1.json")
        #expect(data[.contentType] == "application/json")
        // With the header, either way: the page that answered, as Next.js tells its router.
        #expect(document[.nextjsMatchedPath] == "/posts/[id]")
        #expect(await engine.get("/_next/data/B/posts/1.json", [.nextjsData: "1"])[.nextjsMatchedPath] == "/posts/[id]")
        #expect(await engine.get("/_next/data/B/posts/99.json", [.nextjsData: "1"])[.nextjsMatchedPath] == "/posts/[id]")
        #expect(data[.nextjsMatchedPath] == nil)
        #expect(await engine.get("/nope", [.nextjsData: "1"])[.nextjsMatchedPath] == nil)
    }

    @Test func dataRequestForAStaticPageIsNotFound() async {
        #expect(await engine.get("/_next/data/B/about.json").status == .notFound)
    }

    @Test func staticPagesHaveNoGsspFlagAndEmptyProps() async throws {
        let response = await engine.get("/about")
        let data = try #require(response.nextData)
        #expect(data["props"] == ["pageProps": [:]])
        #expect(data["gssp"] == nil)
        #expect(data["autoExport"] == true)
        #expect(response[.cacheControl] == nil)  // prerendered by next build: no Cache-Control
        #expect(await engine.get("/about?x=1").nextData?["query"] == [:])  // nor a query
        // Only GET and HEAD, as `next start` answers: plain text, two `Allow` fields.
        let post = await engine.get("/about", method: .post)
        #expect(post.status == .methodNotAllowed)
        #expect(post.bodyText == "Method Not Allowed")
        #expect(post[.contentType] == nil)
        #expect(post.headerFields[values: .allow] == ["GET", "HEAD"])
        #expect(await engine.get("/posts/1", method: .post).status == .ok)  // gSSP pages take POST
        #expect(await engine.get("/posts/1", method: .delete).status == .ok)
        // "An OPTIONS request to a page handler is invalid": an empty 400.
        let options = await engine.get("/posts/1", method: .options)
        #expect(options.status == .badRequest)
        #expect(options.body.isEmpty)
        #expect(options[.contentType] == nil)
        #expect(await engine.get("/about", method: .options).status == .methodNotAllowed)
    }

    /// `next dev` renders what `next start` prerendered: a static page takes every method but
    /// OPTIONS, and answers its data URL with itself.
    @Test func devRendersStaticPagesForEveryMethodAndDataURL() async throws {
        let dev = try TestSite.engine(.development)
        #expect(await dev.get("/about", method: .post).status == .ok)
        #expect(await dev.get("/about", method: .options).status == .badRequest)
        let data = await dev.get("/_next/data/B/about.json")
        #expect(data.status == .ok)
        #expect(data.nextData?["page"] == "/about")
    }

    @Test func notFoundResult() async {
        let document = await engine.get("/posts/99")
        #expect(document.status == .notFound)
        #expect(document.bodyText.contains("This page could not be found."))
        #expect(document[.cacheControl] == Engine.privateNoStore)
        let data = await engine.get("/_next/data/B/posts/99.json")
        #expect(data.status == .notFound)
        #expect(data.bodyText == #"{"notFound":true}"#)
        #expect(data[.cacheControl] == Engine.privateNoStore)
        #expect(data[.contentType] == nil)  // as Next.js sends it: no Content-Type, no ETag
        #expect(data[.eTag] == nil)
    }

    /// `/404` and `/500` visited: the pages with their status, static (no Cache-Control).
    @Test func statusPagesVisitedByTheirPaths() async throws {
        let custom = try TestSite.engine(custom: true)
        let notFound = await custom.get("/404")
        #expect(notFound.status == .notFound)
        #expect(notFound[.cacheControl] == nil)
        #expect(notFound.nextData?["page"] == "/404")
        let serverError = await custom.get("/500")
        #expect(serverError.status == .internalServerError)
        #expect(serverError.bodyText.contains("custom pages/500"))
        #expect(await custom.get("/_next/data/B/404.json")[.cacheControl] == Engine.privateNoStore)
    }

    @Test func customErrorPagesAndShell() async throws {
        let custom = try TestSite.engine(custom: true)
        let missing = await custom.get("/nope")
        #expect(missing.bodyText.contains(#"<title data-next-head="">Lost</title>"#))
        #expect(missing.bodyText.contains("custom pages/404"))
        #expect(missing.nextData?["page"] == "/404")
        let broken = await custom.get("/broken")
        #expect(broken.status == .internalServerError)
        #expect(broken.bodyText.contains("custom pages/500"))
        #expect(!broken.bodyText.contains("This page could not be found"))
    }
}

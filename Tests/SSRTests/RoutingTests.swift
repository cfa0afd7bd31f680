import HTTPTypes
let HTTPFieldNameRefresh = HTTPField.Name("Refresh")!
import SSR
import Testing

@Suite struct RoutingTests {
    struct P: Page { func render(_ props: EmptyProps) -> some Markup { "" } }

    func site(_ files: [String]) throws -> Site {
        try Site(pages: files.map { PageRoute(file: $0, page: P.self) })
    }

    @Test func routesComeFromFilePaths() throws {
        let cases = [
            "pages/index.swift": "/", "pages/blog/index.swift": "/blog", "pages/posts/[id].swift": "/posts/[id]",
            "pages/blog/[...slug].swift": "/blog/[...slug]", "pages/docs/[[...slug]].swift": "/docs/[[...slug]]",
            "pages/index/index.swift": "/index", "pages/nested-index/index/index.swift": "/nested-index/index",
        ]
        for (file, route) in cases { #expect(try RoutePattern(file: file).description == route) }
    }

    /// Next.js's getSortedRoutes: own page, static children alphabetically, [x], [...x], [[...x]].
    @Test func routesAreSortedInNextJsPriority() throws {
        let s = try site([
            "pages/[root].swift", "pages/blog/[...slug].swift", "pages/blog/index.swift", "pages/blog/[id].swift",
            "pages/about.swift", "pages/index.swift", "pages/blog/archive.swift", "pages/docs/[[...slug]].swift",
            "pages/Zeta.swift",
        ])
        #expect(s.sortedRoutes.map(\.description) == [
            "/", "/Zeta", "/about", "/blog", "/blog/archive", "/blog/[id]", "/blog/[...slug]",
            "/docs/[[...slug]]", "/[root]",
        ])
    }

    @Test func conflictingRoutesAreRejectedWithNextJsMessages() {
        let cases: [([String], String)] = [
            (["pages/x/index.swift", "pages/x/[[...slug]].swift"],
             #"You cannot define a route with the same specificity as a optional catch-all route ("/x" and "/x[[...slug]]")."#),
            (["pages/x/[...a].swift", "pages/x/[[...b]].swift"],
             #"You cannot use both an required and optional catch-all route at the same level ("[...a]" and "[[...b]]" )."#),
            (["pages/x/[[...b]].swift", "pages/x/[...a].swift"],
             #"You cannot use both an optional and required catch-all route at the same level ("[[...b]]" and "[...a]")."#),
            (["pages/[a]/x.swift", "pages/[b]/y.swift"], "You cannot use different slug names for the same dynamic path ('a' !== 'b')."),
            (["pages/[[id]].swift"], #"Optional route parameters are not yet supported ("[[id]]")."#),
            (["pages/[...a]/b.swift"], "Catch-all must be the last part of the URL."),
            (["pages/[id]/[id].swift"], #"You cannot have the same slug name "id" repeat within a single dynamic path"#),
            (["pages/blog.swift", "pages/blog/index.swift"],
             "Duplicate page detected. pages/blog.swift and pages/blog/index.swift resolve to /blog."),
            (["pages/[…slug].swift"], "Detected a three-dot character ('…') at ('…slug'). Did you mean ('...')?"),
        ]
        for (files, message) in cases {
            #expect(throws: RouteDefinitionError(message), "\(files)") { try site(files) }
        }
    }

    @Test func staticPagesWithPropsAreRejected() {
        struct Odd: Page {
            struct Props: Codable, Sendable { var x: Int }
            func render(_ props: Props) -> some Markup { "" }
        }
        #expect(throws: RouteDefinitionError.self) { try Site(pages: [PageRoute(file: "pages/odd.swift", page: Odd.self)]) }
    }
}

@Suite struct RouteMatchingTests {
    let engine: Engine
    init() throws { engine = try TestSite.engine() }

    @Test func staticBeatsDynamicLevelByLevel() async {
        #expect(await engine.get("/post-1/comments").json == nil)  // HTML, check the props
        let comments = await engine.get("/_next/data/B/post-1/comments.json").json
        #expect(comments?["pageProps"]?["which"]?.stringValue == "comments")
        let comment = await engine.get("/_next/data/B/post-1/c7.json").json
        #expect(comment?["pageProps"]?["which"]?.stringValue == "comment c7")
        #expect(await engine.get("/about").status == .ok)
    }

    @Test func catchAllsSplitBeforeDecoding() async {
        let blog = await engine.get("/_next/data/B/blog/test1/%2Ftest2/te%2Fst3.json").json
        #expect(blog?["pageProps"]?["slug"] == ["test1", "/test2", "te/st3"])
        #expect(await engine.get("/blog").status == .notFound)  // [...slug] needs one segment
    }

    @Test func patternsMatchPathsAsAClientResolvesLinks() throws {
        let post = try RoutePattern(route: "/posts/[id]")
        #expect(post.match(path: "/posts/a%20b")?["id"] == .string("a b"))
        #expect(post.match(path: "/posts") == nil)
        #expect(post.match(path: "/posts/%zz") == nil)
        #expect(post.match(path: "posts/1") == nil)
        let rest = try RoutePattern(route: "/docs/[[...slug]]")
        #expect(rest.match(path: "/docs")?.isEmpty == true)
        #expect(rest.match(path: "/docs/a/b%2Fc")?["slug"] == .array(["a", "b/c"]))
    }

    @Test func optionalCatchAllWithoutSegmentsHasNoKey() async {
        let index = await engine.get("/_next/data/B/docs.json").json
        #expect(index?["pageProps"]?["hasKey"] == false)
        let deep = await engine.get("/_next/data/B/docs/a/b.json").json
        #expect(deep?["pageProps"]?["slug"] == ["a", "b"])
        #expect(await engine.get("/docs").nextData?["query"] == [:])
    }

    /// A 400 where a matched route's param does not decode (`decodeURIComponent` throws in
    /// Next.js), rendered by `_error` for the request: its query and the server's host name.
    @Test func malformedPercentEncodingIsABadRequest() async throws {
        for path in ["/posts/%E0%A4%A", "/blog/a/%zz", "/_next/data/B/posts/%ff.json"] {
            let response = await engine.get(path + "?x=1&x=2")
            #expect(response.status == .badRequest, "\(path)")
            #expect(response.bodyText.contains("Bad Request"))
            #expect(response[.cacheControl] == Engine.privateNoStore)
            #expect(response.nextDataText == #"{"props":{"pageProps":{"statusCode":400,"hostname":"localhost"}},"page":"/_error","query":{"x":["1","2"]},"buildId":"B","isFallback":false,"isExperimentalCompile":false,"gip":true,"scriptLoader":[]}"#)
        }
        // No route matches these, whatever their encoding: 404s.
        for path in ["/%", "/abou%zz", "/posts/%zz/more"] {
            #expect(await engine.get(path).status == .notFound, "\(path)")
        }
    }

    /// Static segments are compared as sent, as Next.js's route regex does.
    @Test func staticSegmentsAreNotDecoded() async {
        let encoded = await engine.get("/abou%74")
        #expect(encoded.status == .notFound)
        #expect(encoded[.cacheControl] == nil)  // Next.js's file check found /about, its route did not
        #expect(await engine.get("/about").status == .ok)
        #expect(await engine.get("/about%20")[.cacheControl] == Engine.privateNoStore)
    }

    /// Next.js's trailing-slash redirect writes the query anew (`querystring.stringify`, `_rsc`
    /// left out); the repeated-slash one keeps it as it came. Node's `url.parse` escapes a few
    /// characters when the path holds an `@`.
    @Test func normalizingRedirectsWriteTheQueryAsNextJs() async {
        #expect(await engine.get("/about/?a=1&b&a=2&_rsc=x&c=%zz+d")[.location] == "/about?a=1&a=2&b=&c=%25zz%20d")
        #expect(await engine.get("/about/?")[.location] == "/about")
        #expect(await engine.get("//about?a=1&&b")[.location] == "/about?a=1&&b")
        #expect(await engine.get("/a}@/?q=}")[.location] == "/a%7D@?q=%7D")
        #expect(await engine.get("//a}@?q=}")[.location] == "/a%7D@?q=%7D")
        #expect(await engine.get("//a}?q=@")[.location] == "/a}?q=@")
        let redirect = await engine.get("/about/")
        #expect(redirect[.cacheControl] == nil)
        #expect(redirect[.contentType] == nil)
        #expect(redirect.bodyText == "/about")
    }

    /// As Next.js's `route-indexes` test app.
    @Test func indexRules() async throws {
        let site = try Site(pages: [
            PageRoute(file: "pages/index.swift", page: HomePage.self),
            PageRoute(file: "pages/nested-index/index/index.swift", page: NestedIndexPage.self),
            PageRoute(file: "pages/sub/[id].swift", page: SubPage.self),
        ], buildId: "B")
        let engine = Engine(site: site)
        #expect(await engine.get("/").status == .ok)
        #expect(await engine.get("/index").status == .notFound)
        #expect(await engine.get("/index/index").status == .notFound)
        #expect(await engine.get("/nested-index/index").status == .ok)
        #expect(await engine.get("/nested-index").status == .notFound)
        let sub = await engine.get("/_next/data/B/sub/index.json").json
        #expect(sub?["pageProps"]?["params"]?["id"]?.stringValue == "index")
        #expect(DataPath.assetPath(fromRoute: "/") == "/index")
        #expect(DataPath.assetPath(fromRoute: "/index") == "/index/index")
        #expect(DataPath.route(fromAssetPath: "/index/foo") == "/foo")
        #expect(DataPath.route(fromAssetPath: "/index/index") == "/index")
    }

    @Test func trailingAndRepeatedSlashesRedirectPermanently() async {
        let trailing = await engine.get("/about/?x=1")
        #expect(trailing.status == .permanentRedirect)
        #expect(trailing[.location] == "/about?x=1")
        #expect(trailing[HTTPFieldNameRefresh] == "0;url=/about?x=1")
        #expect(trailing.bodyText == "/about?x=1")
        let repeated = await engine.get("//posts\\\\1?q=a//b")
        #expect(repeated.status == .permanentRedirect)
        #expect(repeated[.location] == "/posts/1?q=a//b")
        #expect(await engine.get("/").status == .ok)
    }

    @Test func unknownPathsGetTheNotFoundPage() async {
        let response = await engine.get("/no/such/page/here")
        #expect(response.status == .notFound)
        #expect(response.bodyText.contains("This page could not be found."))
        #expect(response.nextData?["page"]?.stringValue == "/_error")
        #expect(response.nextData?["props"]?["pageProps"]?["statusCode"] == 404)
        // As real `next start` output: the prerendered _error page.
        #expect(response.nextDataText == #"{"props":{"pageProps":{"statusCode":404}},"page":"/_error","query":{},"buildId":"B","nextExport":true,"isFallback":false,"gip":true,"scriptLoader":[]}"#)
    }
}

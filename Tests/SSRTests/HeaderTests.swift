import HTTPTypes
import SSR
import Testing

@Suite struct HeaderTests {
    let engine: Engine
    init() throws { engine = try TestSite.engine() }

    @Test func defaultCacheControlUnlessThePageSetsOne() async {
        #expect(await engine.get("/posts/1")[.cacheControl] == "private, no-cache, no-store, max-age=0, must-revalidate")
        let custom = "public, s-maxage=10, stale-while-revalidate=59"
        #expect(await engine.get("/posts/1?cache=1")[.cacheControl] == custom)
        #expect(await engine.get("/_next/data/B/posts/1.json?cache=1")[.cacheControl] == custom)
    }

    @Test func statusSetByThePageIsKept() async {
        #expect(await engine.get("/posts/1?status=201").status == .created)
        #expect(await engine.get("/_next/data/B/posts/1.json?status=201").status == .created)
    }

    /// What `next start` sends: the private default on what a page answers (notFound and
    /// redirects included) and on 404s and 400s; nothing on a static page, the 500 page and the
    /// 308s that normalize a path (permanent, and the same for everyone).
    @Test func cacheControlAsNextStartSendsIt() async {
        for path in ["/posts/99", "/_next/data/B/posts/99.json", "/_next/data/B/go/permanent.json", "/go/permanent", "/nope", "/%", "/posts/%zz", "/_next/data/X/a.json"] {
            #expect(await engine.get(path)[.cacheControl] == Engine.privateNoStore, "\(path)")
        }
        for path in ["/about", "/about/", "//about", "/broken"] {
            #expect(await engine.get(path)[.cacheControl] == nil, "\(path)")
        }
    }

    /// `next dev` overwrites every Cache-Control it renders with its own, the page's too; a
    /// redirect keeps the page's, `{"notFound":true}` has none.
    @Test func devCacheControlAsNextDevSendsIt() async throws {
        let dev = try TestSite.engine(.development)
        for path in ["/posts/1", "/posts/1?cache=1", "/_next/data/B/posts/1.json?cache=1", "/about", "/nope", "/posts/99", "/broken", "/_next/data/B/go/permanent.json"] {
            #expect(await dev.get(path)[.cacheControl] == Engine.devNoStore, "\(path)")
        }
        #expect(await dev.get("/go/permanent")[.cacheControl] == Engine.privateNoStore)
        #expect(await dev.get("/_next/data/B/posts/99.json")[.cacheControl] == nil)
    }

    @Test func contentLengthETagAndServerTiming() async throws {
        let response = await engine.get("/posts/2")
        #expect(response[.contentLength] == String(response.body.count))
        let etag = try #require(response[.eTag])
        #expect(etag.hasPrefix("\"") && etag.hasSuffix("\""))
        let timing = try #require(response[HTTPField.Name("Server-Timing")!])
        #expect(timing.wholeMatch(of: /gssp;dur=[0-9.]+, render;dur=[0-9.]+/) != nil)
        #expect(response[HTTPField.Name("X-Powered-By")!] == nil)
        // Rendering is deterministic: the same props give the same bytes and ETag.
        #expect(await engine.get("/posts/2")[.eTag] == etag)
    }

    @Test func ifNoneMatchGives304WithHeadersAndNoBody() async throws {
        for path in ["/posts/2", "/_next/data/B/posts/2.json"] {
            let first = await engine.get(path)
            let etag = try #require(first[.eTag])
            let second = await engine.get(path, [.ifNoneMatch: etag])
            #expect(second.status == .notModified)
            #expect(second.body.isEmpty)
            #expect(second[.eTag] == etag)
            #expect(second[.cacheControl] == first[.cacheControl])
            #expect(await engine.get(path, [.ifNoneMatch: "\"stale\""]).status == .ok)
            #expect(await engine.get(path, [.ifNoneMatch: etag, .cacheControl: "no-cache"]).status == .ok)
        }
        // As in Next.js, any answer with an ETag, whatever its status or method.
        #expect(await engine.get("/nope", [.ifNoneMatch: "*"]).status == .notModified)
        #expect(await engine.get("/posts/2", [.ifNoneMatch: "*"], method: .post).status == .notModified)
        #expect(await engine.get("/_next/data/B/posts/99.json", [.ifNoneMatch: "*"]).status == .notFound)  // no ETag
    }

    @Test func headHasTheHeadersOfGetAndNoBody() async {
        let get = await engine.get("/posts/1")
        let head = await engine.get("/posts/1", method: .head)
        #expect(head.status == .ok)
        #expect(head.body.isEmpty)
        #expect(head[.contentLength] == get[.contentLength])
        #expect(head[.eTag] == get[.eTag])
        #expect(head[.contentType] == get[.contentType])
    }
}

@Suite struct ModeTests {
    @Test func productionServesThe500PageAndLeaksNothing() async throws {
        let logs = LogCapture()
        let engine = try TestSite.engine(.production, logger: logs.logger)
        for path in ["/broken", "/_next/data/B/broken.json"] {
            let response = await engine.get(path)
            #expect(response.status == .internalServerError)
            #expect(response[.contentType] == "text/html; charset=utf-8")  // HTML, not JSON, for data requests too
            #expect(response.bodyText.contains("Internal Server Error."))
            #expect(!response.bodyText.contains("secret-db"))
            #expect(!response.bodyText.contains("DatabaseDown"))
            #expect(response[.cacheControl] == nil)  // as `next start` serves its 500 page
        }
        #expect(logs.messages.contains { $0.level == .error && $0.text.contains("secret-db.internal") && $0.text.contains("/broken") })
    }

    @Test func devRendersTheMessageTypeAndPage() async throws {
        let engine = try TestSite.engine(.development)
        let response = await engine.get("/broken")
        #expect(response.status == .internalServerError)
        #expect(response.bodyText.contains("connection refused: secret-db.internal:5432"))
        #expect(response.bodyText.contains("SSRTests.DatabaseDown"))
        #expect(response.bodyText.contains("<code>/broken</code>"))
        let err = try #require(response.nextData?["err"])
        #expect(err["name"] == "SSRTests.DatabaseDown")
        #expect(err["message"] == "connection refused: secret-db.internal:5432")
        #expect(err.objectValue?.map(\.key) == ["name", "source", "message", "stack"])
        #expect(response.nextData?["nextExport"] == nil)
        #expect(response.nextData?["props"] == ["pageProps": ["statusCode": 500, "hostname": "localhost"]])
        #expect(response.nextData?["isExperimentalCompile"] == nil)  // `next dev` writes none
        #expect(await engine.get("/_next/data/B/broken.json").bodyText.contains("secret-db"))
    }

    @Test func nanIsASerializationErrorWithItsPath() async throws {
        let dev = try TestSite.engine(.development)
        let message = "Error serializing `.k.a[1].n` returned from `getServerSideProps` in \"/nan\".\nReason: `NaN` cannot be serialized as JSON. Please only return JSON serializable data types."
        for path in ["/nan", "/_next/data/B/nan.json"] {
            let response = await dev.get(path)
            #expect(response.status == .internalServerError)
            #expect(response.nextData?["err"]?["message"] == .string(message))
        }
        let production = try TestSite.engine(.production)
        #expect(await production.get("/nan").status == .internalServerError)
        #expect(!(await production.get("/nan").bodyText.contains("NaN")))
    }

    @Test func propsThatAreNotAnObjectFailInDevOnly() async throws {
        let dev = try TestSite.engine(.development)
        let response = await dev.get("/array-props")
        #expect(response.status == .internalServerError)
        #expect(response.nextData?["err"]?["message"] == .string(
            "Error serializing props returned from `getServerSideProps` in \"/array-props\".\nReason: Props must be returned as a plain object from getServerSideProps: `{ props: { ... } }` (received: `[object Array]`)."))
        let production = try TestSite.engine(.production)
        #expect(await production.get("/_next/data/B/array-props.json").bodyText == #"{"pageProps":[1,2],"__N_SSP":true}"#)
    }

    @Test func largePageDataWarningOncePerPageInProduction() async throws {
        let logs = LogCapture()
        let engine = try TestSite.engine(.production, logger: logs.logger)
        let response = await engine.get("/large")
        let length = try #require(response.nextDataText?.utf8.count)
        #expect(length > 128_000)
        _ = await engine.get("/large")
        _ = await engine.get("/_next/data/B/large.json")  // data routes are not checked
        let warnings = logs.messages.filter { $0.level == .warning }.map(\.text)
        #expect(warnings.count == 1)
        #expect(warnings.first?.wholeMatch(of: /Warning: data for page "\/large" is [0-9.]+ kB which exceeds the threshold of 128 kB, this amount of data can reduce performance.\nSee more info here: https:\/\/nextjs.org\/docs\/messages\/large-page-data/) != nil)

        let devLogs = LogCapture()
        let dev = try TestSite.engine(.development, logger: devLogs.logger)
        _ = await dev.get("/large?x=1")
        _ = await dev.get("/large")
        let devWarnings = devLogs.messages.filter { $0.level == .warning }.map(\.text)
        #expect(devWarnings.count == 2)
        #expect(devWarnings.first?.contains(#"data for page "/large" (path "/large?x=1") is"#) == true)
    }
}

@Suite struct ETagOptionTests {
    @Test func generateEtagsFalseSendsNoETagAndNever304() async throws {
        let site = try Site(pages: PageRoutes.all, buildId: "B", generateEtags: false)
        let engine = Engine(site: site)
        let response = await engine.get("/posts/1")
        #expect(response.status == .ok)
        #expect(response[.eTag] == nil)
        #expect(await engine.get("/posts/1", [.ifNoneMatch: "*"]).status == .ok)
    }
}

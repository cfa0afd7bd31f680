import HTTPTypes
import SSR
import Testing

/// Malformed or hostile requests get a 4xx (or a normalizing 308) and never a crash or a 500.
@Suite struct BadInputTests {
    let engine: Engine
    init() throws { engine = try TestSite.engine() }

    @Test(arguments: [
        // As `next start` answers them: malformed encoding is a 400 only in a param of the route
        // that matched (`/%` matches none); `/.json` is the index; a trailing slash redirects first.
        ("*", 400), ("", 400), ("/%", 404), ("/posts/%zz", 400), ("/posts/%C3%28", 400),
        ("/posts/1%00", 404), ("/%2e%2e/%2e%2e/etc/passwd", 404), ("/posts/..", 404),
        ("/_next/data/B/.json", 200), ("/_next/data/B/posts/1.json/", 308), ("/_next/data/B/posts/.json", 404),
        ("/_next/data/B/index/.json", 404), ("/_next/static/x.js", 404),
        ("/_next/data/B/index.json?__nextDataReq=1&__nextLocale=fr", 200), ("/?", 200), ("/#frag", 200),
        ("/posts/1?%zz=%", 200), ("//", 308), ("/\\\\evil.example", 308),
    ])
    func answers(path: String, status: Int) async {
        let response = await engine.get(path)
        #expect(response.status.code == status, "\(path) → \(response.status)")
    }

    @Test func backslashesNeverRedirectOffSite() async {
        let response = await engine.get("/\\\\evil.example/x")
        #expect(response[.location] == "/evil.example/x")
    }

    /// Found by fuzzing: Swift's Characters join a `\`, `/` or `?` with a combining mark after
    /// it, where JavaScript (and our byte checks) see the ASCII character. A redirect loop, a
    /// data URL that lost its query, a path split in the wrong places.
    @Test func combiningMarksAfterDelimitersAreReadAsJavaScriptReadsThem() async throws {
        let loop = await engine.get("/a\\\u{324}b")
        #expect(loop.status.code == 308)
        let location = loop[.location] ?? ""
        #expect(location == "/a/\u{324}b")
        #expect(await engine.get(location).status.code != 308)
        #expect(DataPath.dataURL(for: "/posts/1?\u{659}x", buildId: "B") == "/_next/data/B/posts/1.json?\u{659}x")
        let data = await engine.get("/_next/data/B/posts/1.json?\u{659}x")
        #expect(data.status == .ok)
        #expect(try RoutePattern(route: "/blog/[...slug]").match(path: "/blog/a/\u{301}b")?["slug"] == .array(["a", "\u{301}b"]))
    }

    @Test func randomPathsNeverCrashOrFail() async {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["/", "//", "\\", "%", "%2F", "%zz", "%E0%A4", "..", ".", "?", "&", "=", "#", "[", "]", "index",
                      "posts", "1", "_next", "data", "B", ".json", "blog", "docs", "日本", "😀", "\u{0}", " ", "+", "__nextLocale"]
        for _ in 0..<3000 {
            let path = "/" + (0..<Int.random(in: 0...8, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let response = await engine.get(path)
            #expect([200, 308, 400, 404].contains(response.status.code), "\(path) → \(response.status)")
            #expect(response.headerFields[.contentLength] == String(response.body.count))
        }
    }
}

import Browser
import HTTPTypes
import SSR
import Testing

@Suite struct PropsSizeTests {
    static let props: JSONValue = [
        "title": "Ünïcode \"quoted\"\n\u{1}",
        "list": [1, 2.5, -0.0, 1e21, -123.456, 1e-7, true, nil, [], [:]],
        "nested": ["odd key": ["deep": "x"]],
        "emoji": "👋🏽",
    ]

    @Test func sizesAreTheLengthsOfTheCompactJSON() throws {
        let size = PropsSize(Self.props)
        #expect(try size.total == PropsEncoder().encode(Self.props).count)
        for node in size.root.children {
            let member = try #require(Self.props[node.key])
            #expect(try node.bytes == PropsEncoder().encode(member).count, "\(node.path)")
        }
    }

    @Test func nodesHavePathsAndSharesOfTheTotal() throws {
        let size = PropsSize(Self.props)
        let nested = try #require(size.root.children.first { $0.key == "nested" })
        #expect(nested.children.first?.path == #".nested["odd key"]"#)
        #expect(nested.children.first?.children.first?.path == #".nested["odd key"].deep"#)
        let list = try #require(size.root.children.first { $0.key == "list" })
        #expect(list.children.map(\.path).prefix(2) == [".list[0]", ".list[1]"])
        #expect(abs(size.share(list) - Double(list.bytes) / Double(size.total)) < 1e-12)
        #expect(size.largest(1).first?.path == ".list")
    }

    /// What a view keeps after reading the sizes holds no tree: 10 MB of props made one as large.
    @Test func largestPartsAndTheSummaryHoldNoChildren() {
        let size = PropsSize(Self.props)
        #expect(size.largest(3).count == 3)
        #expect(size.largest(3).allSatisfy { $0.children.isEmpty })
        #expect(size.summary.root.children.isEmpty)
        #expect(size.summary.total == size.total)
        #expect(size.summary.isOverThreshold == size.isOverThreshold)
    }

    @Test func thresholdIsNextJsDefault() {
        let big = JSONValue.object([.init("posts", .string(String(repeating: "a", count: 130_000)))])
        #expect(PropsSize(big).isOverThreshold)
        #expect(!PropsSize(["a": 1]).isOverThreshold)
        #expect(PropsSize(["a": 1]).threshold == 128_000)
    }
}

@Suite struct CacheControlReadingTests {
    @Test func nextDefaultIsReadAsNeverCached() {
        let reading = CacheControlReading(response: [.cacheControl: Engine.privateNoStore])
        #expect(reading.sentences.first == "This is Next.js's default for a getServerSideProps page: never stored, by any cache.")
        #expect(reading.sentences.contains("No cache may store it (no-store)."))
        #expect(reading.warnings.isEmpty)
    }

    @Test func documentationExampleInWords() {
        let reading = CacheControlReading(response: [.cacheControl: "public, s-maxage=10, stale-while-revalidate=59"])
        #expect(reading.directives.map(\.name) == ["public", "s-maxage", "stale-while-revalidate"])
        #expect(reading.sentences == [
            "Any cache may store it, shared caches (CDNs, proxies) included (public).",
            "Shared caches keep it fresh for 10 seconds, whatever max-age says (s-maxage=10).",
            "Once stale, a cache may still serve it for up to 59 seconds while it fetches a fresh copy in the background (stale-while-revalidate=59).",
        ])
    }

    @Test func durationsReadNaturally() {
        let reading = CacheControlReading(response: [.cacheControl: "max-age=3600, stale-if-error=86400, immutable"])
        #expect(reading.sentences.contains("It stays fresh for 60 minutes (max-age=3600)."))
        #expect(reading.sentences.contains("If the server fails, a cache may serve it stale for up to 1 day (stale-if-error=86400)."))
    }

    @Test func publicWithSetCookieWarns() {
        let reading = CacheControlReading(response: [.cacheControl: "public, max-age=60", .setCookie: "a=b"])
        #expect(reading.warnings.first?.hasPrefix("Set-Cookie on a response that shared caches may store") == true)
    }

    @Test func personalizedRequestWithSharedCachingWarnsUnlessVaried() {
        let request: HTTPFields = [.cookie: "session=x", .authorization: "Bearer y"]
        let bare = CacheControlReading(response: [.cacheControl: "s-maxage=10"], request: request)
        #expect(bare.warnings.count == 1)
        #expect(bare.warnings.first?.contains("The request carried Cookie and Authorization") == true)
        let varied = CacheControlReading(response: [.cacheControl: "s-maxage=10", .vary: "Cookie, Authorization"], request: request)
        #expect(varied.warnings.isEmpty)
        let privately = CacheControlReading(response: [.cacheControl: "private, max-age=60"], request: request)
        #expect(privately.warnings.isEmpty)
    }

    @Test func sensitivePropsInASharedCacheWarn() {
        let findings = SensitiveProps.scan(["password": "x"])
        let reading = CacheControlReading(response: [.cacheControl: "public, s-maxage=60"], sensitiveProps: findings)
        #expect(reading.warnings == ["The props look sensitive (1 finding) and shared caches may store them."])
    }

    @Test func privateWithSMaxageIsContradictory() {
        let reading = CacheControlReading(response: [.cacheControl: "private, s-maxage=60"])
        #expect(reading.warnings == ["s-maxage has no effect with private: shared caches may not store the response at all."])
    }

    @Test func missingHeaderMeansHeuristicCaching() {
        let reading = CacheControlReading(response: [:])
        #expect(reading.header == nil)
        #expect(reading.sentences.first?.hasPrefix("No Cache-Control") == true)
    }
}

@Suite struct SensitivePropsTests {
    @Test func keysNamedLikeSecrets() {
        let findings = SensitiveProps.scan([
            "user": ["name": "Ada", "passwordHash": "x", "api_key": "k", "sessionToken": "t", "secret": ""],
            "items": [["accessKey": nil]],
        ])
        #expect(findings.map(\.path) == [".user.passwordHash", ".user.api_key", ".user.sessionToken"])
        #expect(findings.first?.reason == "key named like a secret (password)")
    }

    @Test func valuesShapedLikeCredentials() {
        let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
        let findings = SensitiveProps.scan([
            "a": .string(jwt),
            "list": ["AKIAIOSFODNN7EXAMPLE", "plain text that is long enough"],
            "pem": "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----",
            "stripe": "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
            "eyJnot": "eyJ but not a token at all",
        ])
        #expect(findings == [
            SensitiveFinding(path: ".a", reason: "a JSON Web Token (anyone holding it can use it)"),
            SensitiveFinding(path: ".list[0]", reason: "an AWS access key ID"),
            SensitiveFinding(path: ".pem", reason: "a PEM private key"),
            SensitiveFinding(path: ".stripe", reason: "a Stripe secret key"),
        ])
    }

    @Test func ordinaryPropsAreClean() {
        #expect(SensitiveProps.scan(["title": "Tokens of appreciation", "count": 3, "tags": ["swift"]]).isEmpty)
    }
}

@Suite struct PageLinksTests {
    @Test func linksWithTextEntitiesAndKinds() {
        let html = """
            <nav><a href="/">Home</a> <A HREF='/posts/2?x=1&amp;y=2'>Next &amp; <b>last</b></A>
            <a class=x href=rel/path>Relative</a><a href="../up">Up</a><a href="#top">Top</a>
            <a href="https://example.com/">Out</a><a href="mailto:a@b.c">Mail</a><a name="anchor">No href</a>
            <abbr>not a link</abbr></nav>
            <script>var s = '<a href="/in-script">x</a>'</script><style>a[href="/in-style"]{}</style>
            """
        let links = PageLinks.find(in: html, base: "/docs/guide/page?q=1")
        #expect(links == [
            PageLink(href: "/", text: "Home", destination: .page("/")),
            PageLink(href: "/posts/2?x=1&y=2", text: "Next & last", destination: .page("/posts/2?x=1&y=2")),
            PageLink(href: "rel/path", text: "Relative", destination: .page("/docs/guide/rel/path")),
            PageLink(href: "../up", text: "Up", destination: .page("/docs/up")),
            PageLink(href: "#top", text: "Top", destination: .fragment("top")),
            PageLink(href: "https://example.com/", text: "Out", destination: .external("https://example.com/")),
            PageLink(href: "mailto:a@b.c", text: "Mail", destination: .external("mailto:a@b.c")),
        ])
    }

    @Test func numericEntitiesAndUnterminatedMarkup() {
        let links = PageLinks.find(in: "<a href=\"/caf&#xe9;\">caf&#233; &unknown; &amp</a><a href=\"/x", base: "/")
        #expect(links == [PageLink(href: "/café", text: "café &unknown; &amp", destination: .page("/café"))])
    }

    /// A link's text as a reader sees it: runs of whitespace (line breaks, tabs, `&nbsp;`, other
    /// Unicode spaces) are one space, none at either end.
    @Test func linkTextCollapsesWhitespace() {
        let html = "<a href=\"/a\">\n\t  Read <em>the</em>\r\n  post\t</a><a href=\"/b\">&nbsp;caf\u{E9}&nbsp; \u{2003} menu </a><a href=\"/c\"> \n </a>"
        #expect(PageLinks.find(in: html, base: "/").map(\.text) == ["Read the post", "caf\u{E9} menu", ""])
    }

    /// A delimiter followed by a combining mark is one Character in Swift but still a `/`, `?`
    /// or `#` to a browser: links are split by bytes.
    @Test func delimitersBeforeCombiningMarksStillSplit() {
        let acute = "\u{301}"
        let html = "<a href=\"#\(acute)x\">F</a><a href=\"rel/\(acute)?q=1#\(acute)\">R</a><a href=\"?\(acute)=2\">Q</a>"
        let links = PageLinks.find(in: html, base: "/docs/page/\(acute)")
        #expect(links.map(\.destination) == [.fragment("\(acute)x"), .page("/docs/page/rel/\(acute)?q=1"), .page("/docs/page/\(acute)?\(acute)=2")])
    }
}

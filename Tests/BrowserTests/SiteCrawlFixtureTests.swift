import Browser
import Logging
import SSR
import Testing

/// A crawl of a small site made for it: links that lead nowhere, a page whose props repeat
/// one object, a link to another site, a page that fails.
@Suite struct SiteCrawlFixtureTests {
    struct Home: ServerSidePage {
        struct Props: Codable, Sendable { var title: String }
        func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<Props> { .props(Props(title: "home")) }
        func render(_ props: Props) -> some Markup {
            a(.href("/list")) { "list" }; a(.href("/item/missing")) { "gone" }; a(.href("/nowhere")) { "nowhere" }
            a(.href("#top")) { "top" }; a(.href("https://example.com/")) { "away" }; a(.href("/list?page=2")) { "page 2" }
        }
    }

    /// Each post carries the same author object: the repeated value.
    struct List: ServerSidePage {
        struct Author: Codable, Sendable { var name: String; var bio: String }
        struct Post: Codable, Sendable { var id: Int; var author: Author }
        struct Props: Codable, Sendable { var posts: [Post] }
        func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<Props> {
            let author = Author(name: "Ada Lovelace", bio: "Wrote the first program for a machine that did not exist yet.")
            return .props(Props(posts: (1...5).map { Post(id: $0, author: author) }))
        }
        func render(_ props: Props) -> some Markup { a(.href("/")) { "home" }; a(.href("/item/1")) { "one" } }
    }

    struct Item: ServerSidePage {
        struct Props: Codable, Sendable { var id: String }
        func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<Props> {
            let id = context.params?["id"]?.string ?? ""
            return id == "missing" ? .notFound : .props(Props(id: id))
        }
        func render(_ props: Props) -> some Markup { p { props.id } }
    }

    /// A site under a basePath writes it in its links, as next/link does.
    struct BasePathHome: ServerSidePage {
        struct Props: Codable, Sendable { var title: String }
        func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<Props> { .props(Props(title: "home")) }
        func render(_ props: Props) -> some Markup {
            a(.href("/base/item/1")) { "one" }; a(.href("/base/item/missing")) { "gone" }; a(.href("/other-app/page")) { "another app" }
        }
    }

    func navigator() throws -> Navigator {
        let site = try Site(pages: [
            PageRoute(file: "pages/index.swift", page: Home.self),
            PageRoute(file: "pages/list.swift", page: List.self),
            PageRoute(file: "pages/item/[id].swift", page: Item.self),
        ], buildId: "B")
        return Navigator(transport: InProcessTransport(engine: Engine(site: site, logger: Logger(label: "t") { _ in SwiftLogNoOpLogHandler() })))
    }

    @Test func brokenLinksAndRepeatedValues() async throws {
        let crawl = try await SiteCrawl.run(try navigator())
        #expect(crawl.pages.map(\.url) == ["/", "/list", "/item/missing", "/nowhere", "/list?page=2", "/item/1"])
        #expect(crawl.leftOut.isEmpty)
        let report = SiteReport(crawl)
        #expect(report.pages[0].brokenLinks == ["/item/missing", "/nowhere"])
        #expect(report.pages[2].status == 404 && report.pages[3].status == 404)
        let list = report.pages[1]
        #expect(list.repeated.count == 1)
        let author = try #require(list.repeated.first)
        #expect(author.count == 5)
        #expect(author.paths == [".pageProps.posts[0].author", ".pageProps.posts[1].author", ".pageProps.posts[2].author"])
        #expect(author.bytes == 93 && author.wasted == 4 * 93 && list.repeatedBytes == 372)
    }

    /// Links carry the basePath; the crawl takes the paths without it, and leaves out what is
    /// outside it (another app on the host).
    @Test func aBasePathSite() async throws {
        let site = try Site(pages: [
            PageRoute(file: "pages/index.swift", page: BasePathHome.self),
            PageRoute(file: "pages/item/[id].swift", page: Item.self),
        ], basePath: "/base", buildId: "B")
        let navigator = Navigator(transport: InProcessTransport(engine: Engine(site: site, logger: Logger(label: "t") { _ in SwiftLogNoOpLogHandler() })))
        let report = SiteReport(try await SiteCrawl.run(navigator))
        #expect(report.pages.map(\.url) == ["/", "/item/1", "/item/missing"])
        #expect(report.pages.map(\.status) == [200, 200, 404])
        #expect(report.pages[0].brokenLinks == ["/item/missing"])
    }

    @Test func theLimitLeavesTheRestOut() async throws {
        let crawl = try await SiteCrawl.run(try navigator(), maxPages: 2, concurrency: 1)
        #expect(crawl.pages.map(\.url) == ["/", "/list"])
        #expect(crawl.leftOut == ["/item/missing", "/nowhere", "/list?page=2", "/item/1"])
    }
}

/// The same value in several places, named where it is outermost.
@Suite struct RepeatedValuesTests {
    @Test func outermostCopiesMostWastefulFirst() throws {
        let props = try JSONValue(parsing: """
            {"a": {"big": "\(String(repeating: "x", count: 100))", "inner": {"k": "\(String(repeating: "y", count: 70))"}},
             "b": {"big": "\(String(repeating: "x", count: 100))", "inner": {"k": "\(String(repeating: "y", count: 70))"}},
             "c": {"k": "\(String(repeating: "y", count: 70))"},
             "small": [1, 1, 1], "tiny": ["ab", "ab"]}
            """)
        let repeats = RepeatedValues(props).repeats
        // a and b, whole: the inner object's copies inside them are theirs; c alone is one
        // outermost copy, not named; the small values are not worth it.
        #expect(repeats.map(\.paths) == [[".a", ".b"]])
        #expect(repeats.first?.count == 2 && repeats.first?.bytes == PropsSizeBytes.of(props["a"]!))
        #expect(RepeatedValues(try JSONValue(parsing: #"{"x": [1, 2], "y": [1, 2]}"#)).repeats.isEmpty)
        #expect(RepeatedValues(try JSONValue(parsing: #"{"x": [1, 2], "y": [1, 2]}"#), smallest: 5).repeats.map(\.paths) == [[".x", ".y"]])
    }
}

/// Bytes of JSON as the props encoder writes a value.
enum PropsSizeBytes {
    static func of(_ value: JSONValue) -> Int { (try? PropsEncoder().encode(value).count) ?? 0 }
}

/// Budget files as users write them, and their mistakes.
@Suite struct BudgetsTests {
    @Test func theMostSpecificEntryWins() throws {
        let budgets = try Budgets(json: """
            {"budgets": [{"route": "/**", "maxPropsBytes": 1}, {"route": "/posts/*", "maxPropsBytes": 2},
                         {"route": "/posts/**", "maxPropsBytes": 3}, {"route": "/posts/1", "maxPropsBytes": 4},
                         {"route": "/docs/**/edit", "maxPropsBytes": 5}]}
            """)
        #expect(budgets.budget(for: "/")?.maxPropsBytes == 1)
        #expect(budgets.budget(for: "/about?x=1")?.maxPropsBytes == 1)
        #expect(budgets.budget(for: "/posts/7")?.maxPropsBytes == 2)
        #expect(budgets.budget(for: "/posts/7/comments")?.maxPropsBytes == 3)
        #expect(budgets.budget(for: "/posts")?.maxPropsBytes == 3)
        #expect(budgets.budget(for: "/posts/1")?.maxPropsBytes == 4)
        #expect(budgets.budget(for: "/docs/a/b/edit")?.maxPropsBytes == 5)
        #expect(budgets.budget(for: "/docs/edit")?.maxPropsBytes == 5)
        #expect(try Budgets(json: #"{"budgets": [{"route": "/posts/*"}]}"#).budget(for: "/about") == nil)
    }

    @Test func mistakesAreSaidWithWhere() {
        func problem(_ json: String) -> String? {
            do { _ = try Budgets(json: json); return nil } catch { return error.message }
        }
        #expect(problem(#"{"budgets": [{"route": "/**", "maxProps": 1}]}"#)
            == "budgets[0]: unknown key \"maxProps\" (known: route, maxPropsBytes, maxKeyBytes, noSecrets, cache, maxServerMs, noBrokenLinks)")
        #expect(problem(#"{"budget": []}"#) == "unknown key \"budget\" at the top (only \"budgets\")")
        #expect(problem(#"{"budgets": [{"route": "/**", "cache": "shared"}]}"#) == "budgets[0]: \"cache\" must be one of \"private\", \"no-store\", \"public\"")
        #expect(problem(#"{"budgets": [{"route": "posts"}]}"#)?.hasPrefix("budgets[0]: \"route\" must be a path pattern") == true)
        #expect(problem(#"{"budgets": [{"route": "/", "maxPropsBytes": -1}]}"#) == "budgets[0]: \"maxPropsBytes\" must be a number ≥ 0")
        #expect(problem(#"{"budgets": [{"route": "/", "noSecrets": "yes"}]}"#) == "budgets[0]: \"noSecrets\" must be true or false")
        #expect(problem("{") != nil)
    }
}

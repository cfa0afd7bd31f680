import Browser
import Logging
import SSR
import SampleSite
import Testing

/// The sample site crawled in-process as `explorer check` crawls it.
@Suite struct SiteCrawlTests {
    func navigator(cookie: String? = nil) throws -> Navigator {
        let engine = Engine(site: try SampleSite.site(buildId: "crawl"), mode: .production, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        return Navigator(transport: InProcessTransport(engine: engine), cookies: cookie.map { [("session", $0)] } ?? [])
    }

    /// Every page linked from a crawled page is crawled or left out at the limit, none twice;
    /// the routes without parameters are all there; dynamic ones come from links.
    @Test func everyLinkedPageOnce() async throws {
        let crawl = try await SiteCrawl.run(try navigator(), maxPages: 60)
        let urls = crawl.pages.map(\.url)
        #expect(urls.count == 60)
        #expect(Set(urls).count == urls.count)
        #expect(Set(crawl.leftOut).isDisjoint(with: urls))
        for start in ["/", "/about", "/archive", "/cached", "/dashboard", "/guestbook", "/hello", "/login", "/secure", "/welcome"] {
            #expect(urls.contains(start), "\(start)")
        }
        #expect(urls.contains("/posts/1") && urls.contains("/old/1") && urls.contains("/blog/2026/hello-world"))
        #expect(!urls.contains("/404") && !urls.contains("/500") && !urls.contains { $0.contains("[") })
        let known = Set(urls).union(crawl.leftOut)
        for page in crawl.pages {
            for link in page.document.html.map({ PageLinks.find(in: $0, base: page.document.url) }) ?? [] {
                if case .page(let path) = link.destination { #expect(known.contains(path), "\(path) linked from \(page.url)") }
            }
        }
        // Found where it was linked from, in the crawl's order.
        #expect(crawl.pages.first { $0.url == "/posts/1" }?.foundOn != nil)
        #expect(crawl.pages.first?.foundOn == nil)
    }

    /// A page's figures are what `inspect` reports of it: the props' size and heaviest key of a
    /// client transition, its secrets, its Cache-Control; the document's share of __NEXT_DATA__.
    @Test func figuresAreInspectsFigures() async throws {
        let navigator = try navigator(cookie: "demo-token")
        let crawl = try await SiteCrawl.run(navigator, maxPages: 20)
        let report = SiteReport(crawl)
        for path in ["/", "/dashboard", "/archive", "/cached"] {
            let figures = try #require(report.pages.first { $0.url == path })
            let exchange = await navigator.navigate(.clientTransition, to: path)
            let analysis = Analysis(exchange)
            #expect(figures.propsBytes == analysis.propsSize?.total, "\(path)")
            #expect(figures.heaviest.first?.path == analysis.propsSize?.largest(1).first?.path, "\(path)")
            #expect(figures.secrets == analysis.sensitive, "\(path)")
            #expect(figures.cache?.header == analysis.cacheControl?.header, "\(path)")
            #expect(figures.status == 200 && figures.hydration == .match, "\(path)")
            let document = await navigator.navigate(.hardNavigation, to: path)
            let body = try #require(document.lastFetch?.body)
            #expect(figures.documentBytes == body.count)
            #expect(figures.nextDataShare.map { $0 > 0 && $0 < 1 } == true)
        }
        let dashboard = try #require(report.pages.first { $0.url == "/dashboard" })
        #expect(dashboard.secrets.map(\.path) == [".pageProps.user.sessionToken"])
        let archive = try #require(report.pages.first { $0.url == "/archive" })
        #expect(archive.propsGzipBytes.map { $0 < archive.propsBytes! / 5 } == true)
    }

    /// Signed out, /dashboard redirects to the login page: the figures say so.
    @Test func aRedirectIsFollowedAndSaid() async throws {
        let report = SiteReport(try await SiteCrawl.run(try navigator(), maxPages: 30))
        #expect(report.pages.first { $0.url == "/old/1" }?.redirects == ["308 /posts/1"])
        let dashboard = try #require(report.pages.first { $0.url == "/dashboard" })
        #expect(dashboard.redirects == ["307 /login?next=%2Fdashboard"] && dashboard.finalURL == "/login?next=%2Fdashboard")
        let external = try #require(report.pages.first { $0.url == "/external" })
        #expect(external.leftFor != nil)
    }

    /// A page linking to one that answers 404 has a broken link; the budgets say it.
    @Test func budgetsJudgeTheFigures() async throws {
        let report = SiteReport(try await SiteCrawl.run(try navigator(cookie: "demo-token"), maxPages: 20))
        let budgets = try Budgets(json: """
            {"budgets": [{"route": "/**", "maxPropsBytes": 128000, "noSecrets": true, "cache": "private"},
                         {"route": "/archive", "maxPropsBytes": 800000},
                         {"route": "/cached", "cache": "public"}]}
            """)
        let failed = report.pages.flatMap { budgets.judge($0) }.filter { !$0.passed }
        #expect(failed.map { "\($0.page) \($0.rule): \($0.message)" } == [
            "/dashboard noSecrets: .pageProps.user.sessionToken: key named like a secret (token)",
        ])
        let strict = try Budgets(json: #"{"budgets": [{"route": "/**", "maxPropsBytes": 1000, "maxKeyBytes": 500}]}"#)
        let archive = try #require(report.pages.first { $0.url == "/archive" })
        #expect(strict.judge(archive).map(\.message) == [
            "props \(PrettyBytesText.of(archive.propsBytes!)), limit 1 kB (1000 B)",
            "heaviest key .pageProps.posts: \(PrettyBytesText.of(archive.heaviest[0].bytes)), limit 500 B",
        ])
    }
}

/// As budget messages write a size: `782 kB (781722 B)`.
enum PrettyBytesText {
    static func of(_ bytes: Int) -> String { "\(PrettyBytes.format(bytes)) (\(bytes) B)" }
}

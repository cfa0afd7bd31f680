import Foundation
import SSR
import TestSupport
import Testing

extension BinaryTests {
    /// `explorer serve` beside the real Next.js serving the sample site's twin: every request of
    /// `cases.txt` and thousands of made-up ones, sent to both, compared on what the framework
    /// owns. A difference fails unless the README lists it (`ListedDifference`).
    @Suite(.serialized, .enabled(if: NextjsTwin.unavailable == nil, Comment(rawValue: NextjsTwin.unavailable ?? "")))
    struct FidelityTests {
        /// How many made-up requests a run sends (`FIDELITY_FUZZ_COUNT` changes it).
        static let fuzzCount = Int(ProcessInfo.processInfo.environment["FIDELITY_FUZZ_COUNT"] ?? "") ?? 2000
        /// The fuzzer's seed: `FIDELITY_SEED` replays a run; else a new one, printed.
        static let seed = UInt64(ProcessInfo.processInfo.environment["FIDELITY_SEED"] ?? "") ?? UInt64.random(in: 1...UInt64(UInt32.max))

        @Test func nextStart() async throws {
            try await compare(dev: false, fuzzCount: Self.fuzzCount)
        }

        /// `next dev` against `explorer serve --dev`: what dev mode changes (Cache-Control, the
        /// error page and its `err`, `notFoundSrcPage`, data URLs of static pages).
        @Test func nextDev() async throws {
            try await compare(dev: true, fuzzCount: Self.fuzzCount / 4)
        }

        private func compare(dev: Bool, fuzzCount: Int) async throws {
            let title = dev ? "next dev" : "next start"
            let twin = try await NextjsTwin.Server(dev: dev)
            do {
                // Before the comparison compiles every page.
                if dev { try explorerOnAFreshDevTwin(port: twin.port) }
                let ours = try ServeProcess(dev ? ["--dev"] : ["--build-id", NextjsTwin.buildId])
                let run = FidelityRun(ourPort: ours.port, theirPort: twin.port, buildId: dev ? "development" : NextjsTwin.buildId)
                let table = try FidelityCase.table()
                #expect(table.count >= 150)
                let tableOutcome = await run.compare(table)
                print("fidelity, \(tableOutcome.summary("\(title), the table"))")
                #expect(tableOutcome.failures.isEmpty, Comment(rawValue: tableOutcome.failures.joined(separator: "\n\n")))

                var fuzzer = RequestFuzzer(seed: Self.seed)
                let fuzzOutcome = await run.compare((0..<fuzzCount).map { _ in fuzzer.next() })
                print("fidelity, \(fuzzOutcome.summary("\(title), made up with seed \(Self.seed)"))")
                #expect(
                    fuzzOutcome.failures.isEmpty,
                    Comment(rawValue: "seed \(Self.seed) (FIDELITY_SEED=\(Self.seed) replays it; add a failing request to cases.txt):\n\n"
                        + fuzzOutcome.failures.prefix(20).joined(separator: "\n\n")))
                if dev {
                    try explorerOnTheDevTwin(port: twin.port)
                } else {
                    try noncePage(ourPort: ours.port, theirPort: twin.port)
                    try explorerOnTheTwin(port: twin.port)
                }
            } catch {
                await twin.stop()
                throw error
            }
            await twin.stop()
        }
    
        /// A Next.js site with a basePath and locales, as a user points the explorer at it: at
        /// the server's root (a 404 page outside the basePath) or at the basePath. The basePath
        /// is read from the document's script URLs, the locales from `__NEXT_DATA__`.
        @Test func aSiteWithBasePathAndLocales() async throws {
            let twin = try await NextjsTwin.Server(
                dev: false, variant: "basepath",
                nextConfig: "module.exports = { basePath: '/gazette', i18n: { locales: ['en', 'fr'], defaultLocale: 'en' } }\n")
            do {
                try explorerOnABasePath(root: "http://127.0.0.1:\(twin.port)")
            } catch {
                await twin.stop()
                throw error
            }
            await twin.stop()
        }

        private func explorerOnABasePath(root: String) throws {
            let routes = try CommandTests().explorer("routes", "--url", root)
            #expect(routes.stdout == (try CommandTests().explorer("routes").stdout), "\(routes.stdout)\(routes.stderr)")

            let local = try JSONValue(parsing: try CommandTests().explorer("inspect", "/posts/5", "--json").stdout)
            let french = try JSONValue(parsing: try CommandTests().explorer("inspect", "/fr/posts/5", "--json", "--url", root + "/gazette").stdout)
            #expect(french["fetches"]?[0]?["request"]?["path"] == .string("/gazette/_next/data/\(NextjsTwin.buildId)/fr/posts/5.json?id=5"))
            #expect(french["kind"] == "client transition")
            #expect(french["props"] == local["props"])
            #expect(french["serverDocument"]?["request"]?["path"] == "/gazette/fr/posts/5")
            #expect(french["documentPropsAgree"] == true)
            let login = try JSONValue(parsing: try CommandTests().explorer("inspect", "/fr/login", "--json", "--url", root).stdout)
            #expect(login["fetches"] == [] && login["kind"] == "client transition")
            let hard = try JSONValue(parsing: try CommandTests().explorer("inspect", "/about", "--hard", "--json", "--url", root + "/gazette/").stdout)
            #expect(hard["fetches"]?[0]?["request"]?["path"] == "/gazette/about")
            #expect(hard["page"] == "/about")

            // The site crawled under its basePath: the links carry it, the pages are found without it.
            let crawl = try JSONValue(parsing: try CommandTests().explorer("check", "--url", root + "/gazette", "--max-pages", "16", "--json").stdout)
            let pages = crawl["pages"]?.arrayValue ?? []
            #expect(pages.count == 16 && pages.first?["url"] == "/" && pages.first?["status"] == 200)
            #expect(pages.allSatisfy { $0["brokenLinks"] == [] }, "\(crawl.jsonText)")
            #expect(pages.contains { $0["url"] == "/posts/10000" })
        }

        /// `/secure`'s Content-Security-Policy names a nonce new on every request, which the
        /// `__NEXT_DATA__` script carries: both servers compared with the nonce masked, and the
        /// explorer reads the twin's document as any other.
        private func noncePage(ourPort: Int, theirPort: Int) throws {
            func answer(_ port: Int) throws -> (view: FrameworkView, policy: String, nonce: String?) {
                let answer = try RawHTTP.exchangeBlocking(
                    Array("GET /secure HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n".utf8), port: port, timeout: 60)
                let policy = answer["content-security-policy"] ?? ""
                let nonce = policy.firstMatch(of: /'nonce-([^']+)'/).map { String($0.1) }
                let html = String(decoding: answer.body, as: UTF8.self)
                #expect(nonce.map { html.contains(#"<script id="__NEXT_DATA__" type="application/json" nonce="\#($0)">"#) } == true, "port \(port): \(policy)")
                // The view compares where the nonce is written, not its value.
                return (FrameworkView(answer), policy.replacing(/'nonce-[^']+'/, with: "'nonce-…'"), nonce)
            }
            let ours = try answer(ourPort), theirs = try answer(theirPort)
            #expect(ours.view == theirs.view, "\(FidelityRun.sideBySide(FidelityCase(method: "GET", target: "/secure"), ours: ours.view, theirs: theirs.view))")
            #expect(ours.policy == theirs.policy)
            #expect(try answer(ourPort).nonce != ours.nonce)  // new on every request

            let url = "http://127.0.0.1:\(theirPort)"
            for arguments in [["inspect", "/secure", "--json", "--url", url], ["inspect", "/secure", "--hard", "--json", "--url", url]] {
                let exchange = try JSONValue(parsing: try CommandTests().explorer(arguments).stdout)
                #expect(exchange["page"] == "/secure")
                #expect(exchange["props"]?["pageProps"]?["directives"]?.arrayValue?.count == 3)
                #expect(exchange["notes"]?.arrayValue?.isEmpty == true, "\(arguments): \(exchange["notes"] ?? .null)")
            }
        }

        /// A fresh `next dev` compiles a page on its first request: the explorer says so; the
        /// error document's `__NEXT_DATA__.err` is read into the exchange.
        private func explorerOnAFreshDevTwin(port: Int) throws {
            let url = "http://127.0.0.1:\(port)"
            let first = try JSONValue(parsing: try CommandTests().explorer("inspect", "/hello", "--json", "--url", url).stdout)
            #expect(first["compiledPage"] == "/hello")
            let again = try JSONValue(parsing: try CommandTests().explorer("inspect", "/hello", "--json", "--url", url).stdout)
            #expect(again["compiledPage"] == .null)
            let broken = try JSONValue(parsing: try CommandTests().explorer("inspect", "/broken", "--json", "--url", url).stdout)
            #expect(broken["compiledPage"] == "/broken")
            #expect(broken["serverError"]?["message"] == "the page /broken fails on purpose, to show how errors are reported")
            #expect(broken["serverError"]?["stack"]?.stringValue?.contains("at getServerSideProps") == true)
            let report = try CommandTests().explorer("inspect", "/broken", "--url", url).stdout
            #expect(report.contains("Server error: Error: the page /broken fails on purpose"), "\(report)")
            guard TerminalUITests.tmuxPath != nil else { return }
            let window = try TerminalUITests.Window(width: 120, height: 40, arguments: "--url \(url)")
            _ = try window.waitFor("/welcome")
            try window.goTo("/broken")
            let screen = try window.waitFor("Server error: Error: the page /broken fails on")
            #expect(screen.contains("client transition → hard navigation"))
            try window.keys("q")
            #expect(window.exitStatus() == "0")
        }

        /// `next dev` lists in its build manifest only the pages compiled so far; every page is in
        /// its `_devPagesManifest.json`, which the explorer reads as Next's client does.
        private func explorerOnTheDevTwin(port: Int) throws {
            let url = "http://127.0.0.1:\(port)"
            let remote = try CommandTests().explorer("routes", "--url", url).stdout
            let local = try CommandTests().explorer("routes").stdout
            func names(_ table: String) -> [String] { table.split(separator: "\n").compactMap { $0.split(separator: " ").last.map(String.init) }.filter { $0.hasPrefix("/") } }
            #expect(names(remote) == names(local), "\(remote)")
            let broken = try JSONValue(parsing: try CommandTests().explorer("inspect", "/broken", "--json", "--url", url).stdout)
            #expect(broken["fetches"]?.arrayValue?.map { $0["request"]?["path"] } == ["/_next/data/development/broken.json", "/broken"])
        }

        /// The explorer pointed at the real Next.js, as a user points it at their app: the route
        /// kinds `next build` prints, read as Next's client reads them (each page's module), and
        /// navigations that request what the browser requested (`client-behaviour.md`).
        private func explorerOnTheTwin(port: Int) throws {
            let url = "http://127.0.0.1:\(port)"
            let routes = try CommandTests().explorer("routes", "--url", url)
            #expect(routes.status == 0, "\(routes.stderr)")
            let local = try CommandTests().explorer("routes").stdout
            #expect(routes.stdout == local, "routes --url differs from the in-process table:\n\(routes.stdout)")
            for line in ["├ ○ /about", "├ ƒ /posts/[id]", "├ ○ /404", "├ ○ /500"] { #expect(routes.stdout.contains(line), "\(line)") }

            let login = try JSONValue(parsing: try CommandTests().explorer("inspect", "/login", "--json", "--url", url).stdout)
            #expect(login["kind"] == "client transition")
            #expect(login["fetches"] == [])
            let post = try JSONValue(parsing: try CommandTests().explorer("inspect", "/posts/5", "--json", "--url", url).stdout)
            #expect(post["fetches"]?[0]?["request"]?["path"] == .string("/_next/data/\(NextjsTwin.buildId)/posts/5.json?id=5"))
            let redirected = try JSONValue(parsing: try CommandTests().explorer("inspect", "/dashboard", "--json", "--url", url).stdout)
            #expect(redirected["kind"] == "client transition")
            #expect(redirected["url"] == "/login?next=%2Fdashboard")
            #expect(redirected["fetches"]?.arrayValue?.count == 1)

            // In-process against the twin: the same props, the same page.
            let diff = try CommandTests().explorer("diff", "/posts/5", "--url-b", url, "--json")
            let compared = try JSONValue(parsing: diff.stdout)
            #expect(compared["props"]?["changes"] == [] && compared["page"] == [], "\(diff.stdout)")

            // Every route, both ways: what the explorer shows of the twin is what it shows in-process.
            let paths = [
                "/", "/about", "/archive", "/blog/a/b", "/broken", "/cached", "/dashboard", "/docs", "/docs/routing", "/external",
                "/guestbook", "/hello", "/login", "/old/5", "/posts/5", "/posts/999999", "/secure", "/slow?ms=1", "/welcome", "/nonexistent",
            ]
            for path in paths {
                for kind in [[], ["--hard"]] {
                    func seen(_ arguments: [String]) throws -> [JSONValue?] {
                        let exchange = try JSONValue(parsing: try CommandTests().explorer(["inspect", path, "--json"] + kind + arguments).stdout)
                        var props = exchange["props"]?["pageProps"]
                        if case .object(let members)? = props { props = .object(members.filter { $0.key != "renderedAt" }) }  // /cached's time
                        return [props, exchange["url"], exchange["kind"], exchange["page"], exchange["outcome"]]
                    }
                    #expect(try seen(["--url", url]) == seen([]), "\(path) \(kind)")
                }
            }

            // The site crawled both ways: the same pages in the same order with the same figures,
            // but the server's time, the document's markup (React's, with its script tags) and
            // the hydration check (in-process only).
            func crawled(_ arguments: [String]) throws -> [JSONValue] {
                let run = try CommandTests().explorer(["check", "--max-pages", "40", "--json"] + arguments)
                let pages = try JSONValue(parsing: run.stdout)["pages"]?.arrayValue ?? []
                let aside: Set = ["serverMs", "documentBytes", "nextDataShare", "hydration"]
                return pages.map { page in
                    // /cached's render time changes its gzipped size.
                    let left = page["url"] == "/cached" ? aside.union(["propsGzipBytes"]) : aside
                    return .object((page.objectValue ?? []).filter { !left.contains($0.key) })
                }
            }
            let theirs = try crawled(["--url", url]), ours = try crawled([])
            #expect(theirs.count == 40)
            for (a, b) in zip(theirs, ours) { #expect(a == b, "\(a.jsonText)\n\(b.jsonText)") }
        }
}
}

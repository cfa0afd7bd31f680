import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SSR
import TestSupport
import Testing

extension BinaryTests {
    /// The `explorer` command run as a user runs it: its output and exit status.
    @Suite struct CommandTests {
        /// The binary is built beside the test bundle (this target depends on it).
        static var binary: URL? { BuiltTool.url("explorer") }

        func explorer(_ arguments: String...) throws -> BuiltTool.Run { try explorer(arguments) }

        func explorer(_ arguments: [String], environment: [String: String]? = nil) throws -> BuiltTool.Run {
            try BuiltTool.run(try #require(Self.binary, "explorer not found beside the test bundle"), arguments, environment: environment)
        }

        /// The same, awaited without holding a thread of the concurrency pool (output through
        /// files, the exit through the termination handler): a benchmark lasts, and a blocked
        /// pool thread of two starved the async server tests running beside it into time-outs.
        func explorer(awaiting arguments: String...) async throws -> BuiltTool.Run { try await explorer(awaiting: arguments) }

        func explorer(awaiting arguments: [String]) async throws -> BuiltTool.Run {
            try await BuiltTool.run(awaiting: try #require(Self.binary, "explorer not found beside the test bundle"), arguments)
        }

        /// The text between `── Title ──…` and the next section.
        func section(_ title: String, of output: String) -> String {
            let parts = output.components(separatedBy: "\n── ")
            return parts.first { $0.hasPrefix(title + " ") }.map { $0.components(separatedBy: "\n").dropFirst().joined(separator: "\n") } ?? ""
        }

        /// `explorer --help` tells what a user needs without knowing `help browse`: the UI's own
        /// options, where the database goes, the exit statuses.
        @Test func helpListsTheUIsOptionsAndTheExitStatuses() throws {
            let help = try explorer("--help").stdout
            for text in ["--url URL", "--dev", "--frame-log FILE", "$XDG_CACHE_HOME/gssp-explorer", "69 when the site or the port", "64 for a bad argument"] {
                #expect(help.contains(text), "\(text)")
            }
        }

        @Test func inspectPrintsTheFourViewsAndFindings() throws {
            let run = try explorer("inspect", "/posts/1")
            #expect(run.status == 0)
            // The address line, the views and the windows as the UI writes them.
            #expect(run.stdout.hasPrefix("/posts/1  client transition  200 OK  "))
            #expect(run.stdout.split(separator: "\n")[0].hasSuffix("/posts/1.json?id=1  in-process (production)"))
            let props = section("Props", of: run.stdout)
            // The props as the client holds them: the page's own in pageProps, Next.js's marker beside them.
            #expect(props.hasPrefix("▾ props: { 2 keys · 319 B · from the data response\n  ▾ pageProps: { 6 keys · 290 B\n"))
            #expect(props.contains(#"      title: "Thinking about routing, part 1""#))
            #expect(props.hasSuffix("    __N_SSP: true\n"))
            let html = section("HTML", of: run.stdout)
            #expect(html.contains("<h1>Thinking about routing, part 1</h1>"))
            #expect(html.contains("Hydration: ✓ match — the client's HTML equals the server's"))
            let headers = section("Headers", of: run.stdout)
            #expect(headers.contains("x-nextjs-data: 1"))
            #expect(headers.contains("Cache-Control: private, no-cache, no-store, max-age=0, must-revalidate"))
            let timing = section("Timing", of: run.stdout)
            #expect(timing.contains("gssp ⓢ"))
            #expect(timing.contains(" ms "))
            let findings = section("Findings", of: run.stdout)
            #expect(findings.contains("Largest parts\n  150 B      47.0% █████████▍           .pageProps.body\n"))
            #expect(findings.contains("Links (7)\n  page     /  Home\n"))
        }

        @Test func hardShowsTheSamePropsFromNextData() throws {
            let client = try explorer("inspect", "/posts/1")
            let hard = try explorer("inspect", "/posts/1", "--hard")
            #expect(hard.status == 0)
            #expect(hard.stdout.hasPrefix("/posts/1  hard navigation  200 OK"))
            let clientProps = section("Props", of: client.stdout).components(separatedBy: "\n")
            let hardProps = section("Props", of: hard.stdout).components(separatedBy: "\n")
            #expect(hardProps.first == "▾ props: { 2 keys · 319 B · from __NEXT_DATA__")
            #expect(Array(hardProps.dropFirst()) == Array(clientProps.dropFirst()))
            #expect(section("HTML", of: hard.stdout).contains(#"<script id="__NEXT_DATA__" type="application/json">"#))
        }

        @Test func jsonIsOneMachineReadableObject() throws {
            let run = try explorer("inspect", "/dashboard", "--cookie", "session=demo-token", "--json")
            #expect(run.status == 0)
            let object = try JSONValue(parsing: run.stdout)
            #expect(object["kind"] == "client transition")
            #expect(object["outcome"] == "page")
            #expect(object["props"]?["pageProps"]?["user"]?["name"] == "Demo User")
            #expect(object["fetches"]?[0]?["request"]?["headers"]?.arrayValue?.contains(["Cookie", "session=demo-token"]) == true)
            #expect(object["fetches"]?[0]?["response"]?["status"] == 200)
            #expect(object["hydration"]?["verdict"] == "match")
            #expect(object["analysis"]?["sensitive"] == [["path": ".pageProps.user.sessionToken", "reason": "key named like a secret (token)"]])
        }

        @Test func headersAndCookiesReachThePage() throws {
            let bearer = try explorer("inspect", "/dashboard", "--header", "Authorization: Bearer demo-token")
            #expect(bearer.stdout.contains(#"name: "Demo User""#))
            #expect(bearer.stdout.contains("⚠ .pageProps.user.sessionToken: key named like a secret (token)"))
            let anonymous = try explorer("inspect", "/dashboard")
            #expect(anonymous.stdout.hasPrefix("/dashboard → /login?next=%2Fdashboard  client transition  200 OK"))
        }

        @Test func untrustedTextIsEscapedForTheTerminal() throws {
            let run = try explorer("inspect", "/guestbook", "--hard")
            #expect(!run.stdout.unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{1B}" })
            #expect(section("Props", of: run.stdout).contains(#"message: "before\u2028after"#))
            #expect(section("Props", of: run.stdout).contains("你好，世界！こんにちは 👋🏽"))
            #expect(section("HTML", of: run.stdout).contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
        }

        @Test func anyHTTPAnswerExitsZero() throws {
            let missing = try explorer("inspect", "/posts/abc")
            #expect(missing.status == 0)
            #expect(missing.stdout.hasPrefix("/posts/abc  client transition  404 Not Found  404 rendered by the client"))
            let broken = try explorer("inspect", "/broken", "--dev")
            #expect(broken.status == 0)
            #expect(broken.stdout.hasPrefix("/broken  client transition → hard navigation  500 Internal Server Error"))
            #expect(section("HTML", of: broken.stdout).contains("the page /broken fails on purpose"))
            #expect(section("Findings", of: broken.stdout).contains("Server log\n  [error] Error in getServerSideProps for /broken"))
        }

        /// A big payload is summed up: 200 lines of props, then how many more and how to see them.
        @Test func bigPayloadsArePrintedUpToMaxLines() throws {
            let run = try explorer("inspect", "/archive")
            let props = section("Props", of: run.stdout).split(separator: "\n")
            #expect(props.count == 201, "\(props.count) lines")
            #expect(props.last?.hasPrefix("… ") == true && props.last?.hasSuffix(" more lines of props (--max-lines 0 prints them all; --json gives the whole exchange)") == true)
            let all = try explorer("inspect", "/archive", "--max-lines", "0")
            #expect(section("Props", of: all.stdout).split(separator: "\n").count == 40_004)  // props, pageProps, posts, 10,000 × 4, __N_SSP
            let bad = try explorer("inspect", "/archive", "--max-lines=-1")
            #expect(bad.status == 64)
            #expect(bad.stderr.contains("--max-lines must be 0 (all) or more, not -1"))
        }

        @Test func largePagesShowTheServersWarning() throws {
            let run = try explorer("inspect", "/archive", "--hard")
            #expect(run.stdout.contains("⚠ over it: Next.js warns, and every visit sends this much"))
            #expect(run.stdout.contains(#"Warning: data for page "/archive" is 782 kB which exceeds the threshold of 128 kB"#))
        }

        @Test(arguments: [
            (["inspect", "posts/1"], "the path must start with a single /"),
            (["inspect", "//evil.example/x"], "the path must start with a single /"),
            (["inspect", "/", "--header", "no colon"], "--header needs 'Name: value'"),
            (["inspect", "/", "--header", "bad name: x"], "--header needs 'Name: value'"),
            (["inspect", "/", "--cookie", "=x"], "--cookie needs 'name=value'"),
            (["inspect", "/", "--cookie", "a=b;c"], "--cookie needs 'name=value'"),
            (["inspect"], "give a path to visit (for example /posts/1), or --har FILE to print a recording"),
            (["nonsense"], "Unexpected argument 'nonsense'"),
        ])
        func badArgumentsAreClearErrors(arguments: [String], message: String) throws {
            let run = try explorer(arguments)
            #expect(run.status == 64)
            #expect(run.stderr.contains(message), "\(run.stderr)")
        }

        @Test func withoutATerminalTheUIPointsToInspect() throws {
            let run = try explorer()
            #expect(run.status == 2)
            #expect(run.stdout.isEmpty)  // not a byte of escape codes
            #expect(run.stderr.contains("standard input or output is not a terminal"))
            #expect(run.stderr.contains("explorer inspect PATH"))
        }

        /// `explorer diff`: the two demo users' dashboards differ in their own fields only; a
        /// page agrees with itself; trouble is status 2, as diff's.
        @Test func diffComparesTwoSides() throws {
            let users = try explorer("diff", "/dashboard", "--cookie-a", "session=demo-token", "--cookie-b", "session=second-token")
            #expect(users.status == 1)
            #expect(users.stdout.contains(#"  ~ .pageProps.user.name: "Demo User" → "Second User"  +2 B"#), "\(users.stdout)")
            #expect(!users.stdout.contains("Date"))
            #expect(!users.stdout.contains("status:") && !users.stdout.contains("url:"))
            #expect(users.stdout.hasSuffix("The two differ.\n"))
            #expect(users.stdout.contains("  -   <h1>Hello, Demo User</h1>\n  -   <p class=\"muted\">Signed in as demo@example.com</p>\n  +   <h1>Hello, Second User</h1>"), "\(users.stdout)")
            let same = try explorer("diff", "/hello", "--json")
            #expect(same.status == 0)
            let json = try JSONValue(parsing: same.stdout)
            #expect(json["agree"] == true && json["props"]?["changes"] == [])
            let kinds = try JSONValue(parsing: try explorer("diff", "/posts/1", "--hard-b", "--json").stdout)
            #expect(kinds["page"] == [["name": "kind", "a": "client transition", "b": "hard navigation"]])
            #expect(kinds["props"]?["changes"] == [])
            // Signed out, side b is redirected to the login page: said, with what told the sides apart.
            let signedOut = try explorer("diff", "/dashboard", "--cookie-a", "session=demo-token", "--hard-a", "--hard-b")
            #expect(signedOut.stdout.hasPrefix(
                "Sent\n  - Cookie: session=demo-token\nurl: /dashboard (a) → /login?next=%2Fdashboard (b)\n"
                    + "redirects: none (a) → 307 /login?next=%2Fdashboard (b)\n"), "\(signedOut.stdout)")
            let bad = try explorer("diff", "/hello", "--url-b", "http://127.0.0.1:9")
            #expect(bad.status == 2)
            #expect(bad.stderr.contains("side b cannot reach the site"))
        }

        /// The same page again later: `/cached` past its `s-maxage` (10 s) says its render time
        /// changed, in the props and in the HTML, and nothing else.
        @Test func aPageAgainElevenSecondsLater() throws {
            let run = try explorer("diff", "/cached", "--wait-b", "11", "--hard-a", "--hard-b")
            #expect(run.status == 1)
            let props = run.stdout.split(separator: "\n").filter { $0.hasPrefix("  ~ .pageProps") }
            #expect(props.count == 1, "\(run.stdout)")
            #expect(props.first?.contains(/~ \.pageProps\.renderedAt: "[0-9T:.Z-]+" → "[0-9T:.Z-]+"  ±0 B/) == true, "\(run.stdout)")
            #expect(run.stdout.contains(/\n  - +<p>Rendered at <time datetime="[^"]+">/), "\(run.stdout)")
            // The document's ETag hashes it; nothing else in the answer changed.
            #expect(run.stdout.hasPrefix("Headers\n  ~ ETag: "), "\(run.stdout)")
            #expect(!run.stdout.contains("status:") && !run.stdout.contains("Content-Length"))
        }

        /// A second --url is the terminal UI's (the server D diffs on): other commands refuse it.
        @Test func aSecondURLIsTheUIsAlone() throws {
            let run = try explorer("inspect", "/hello", "--url", "http://127.0.0.1:1", "--url", "http://127.0.0.1:2")
            #expect(run.status != 0)
            #expect(run.stderr.contains("--url is given twice: only the terminal UI (explorer) diffs on a second server"), "\(run.stderr)")
            let three = try explorer("--url", "http://127.0.0.1:1", "--url", "http://127.0.0.1:2", "--url", "http://127.0.0.1:3")
            #expect(three.stderr.contains("--url is given 3 times"), "\(three.stderr)")
        }

        /// `explorer check`: the sample site crawled and judged by its budget file; signed in, its
        /// dashboard's session token fails `noSecrets`, in the text, the JSON and the JUnit file.
        @Test func checkJudgesTheSampleSiteByItsBudgets() throws {
            let budgets = NextjsTwin.package.appendingPathComponent("sample-site/explorer.json").path
            let pass = try explorer("check", "--budget", budgets, "--max-pages", "25")
            #expect(pass.status == 0, "\(pass.stdout)\(pass.stderr)")
            #expect(pass.stdout.hasPrefix("Crawled 25 pages of in-process (production) in "))
            #expect(pass.stdout.contains("\npage ") && pass.stdout.contains("  status  kind "))
            #expect(pass.stdout.contains(try Regex(#"\n/dashboard +307→200  ○ "#)), "\(pass.stdout)")
            #expect(pass.stdout.hasSuffix("Every budget of \(budgets) holds: 150 checks on 25 pages.\n"))

            let junit = FileManager.default.temporaryDirectory.appendingPathComponent("check-\(UUID().uuidString).xml")
            defer { try? FileManager.default.removeItem(at: junit) }
            let leak = try explorer("check", "--budget", budgets, "--max-pages", "25", "--cookie", "session=demo-token", "--junit", junit.path)
            #expect(leak.status == 1)
            #expect(leak.stdout.contains("✗ /dashboard  noSecrets: .pageProps.user.sessionToken: key named like a secret (token) (budget for /**)\n"))
            #expect(leak.stdout.hasSuffix("1 of 150 checks fail on 1 of 25 pages (\(budgets)).\n"))
            let xml = try XMLDocument(contentsOf: junit)
            let root = try #require(xml.rootElement())
            #expect(root.name == "testsuites" && root.attribute(forName: "tests")?.stringValue == "150" && root.attribute(forName: "failures")?.stringValue == "1")
            let suites = root.elements(forName: "testsuite")
            #expect(suites.count == 25 && suites.allSatisfy { $0.elements(forName: "testcase").count == 6 })
            let dashboard = try #require(suites.first { $0.attribute(forName: "name")?.stringValue == "/dashboard" })
            let failing = dashboard.elements(forName: "testcase").filter { !$0.elements(forName: "failure").isEmpty }
            #expect(failing.map { $0.attribute(forName: "name")?.stringValue } == ["noSecrets"])

            let json = try JSONValue(parsing: try explorer("check", "--budget", budgets, "--max-pages", "25", "--cookie", "session=demo-token", "--json").stdout)
            #expect(json["pages"]?.arrayValue?.count == 25 && json["verdicts"]?.arrayValue?.count == 150)
            #expect(json["verdicts"]?.arrayValue?.filter { $0["passed"] == false }.map { $0["page"] } == ["/dashboard"])
            #expect(json["pages"]?.arrayValue?.first { $0["url"] == "/archive" }?["propsBytes"].flatMap { if case .number(let n) = $0 { n } else { nil } }.map { $0 > 700_000 } == true)

            let bad = FileManager.default.temporaryDirectory.appendingPathComponent("budgets-\(UUID().uuidString).json")
            defer { try? FileManager.default.removeItem(at: bad) }
            try Data(#"{"budgets": [{"route": "/**", "maxProps": 1}]}"#.utf8).write(to: bad)
            let typo = try explorer("check", "--budget", bad.path)
            #expect(typo.status == 2 && typo.stderr.contains("explorer check: \(bad.path): budgets[0]: unknown key \"maxProps\""), "\(typo.stderr)")
            let down = try explorer("check", "--url", "http://127.0.0.1:9")
            #expect(down.status == 2 && down.stderr.contains("explorer check: cannot reach the site"))
        }

        /// `inspect --query`: the props a JSONPath query selects, each with its path; a query
        /// that is not JSONPath is refused with the reason and a caret under where.
        @Test func inspectQueriesTheProps() throws {
            let run = try explorer("inspect", "/dashboard", "--cookie", "session=demo-token", "--query", "$..items[?@.done == false].title")
            #expect(run.status == 0)
            #expect(run.stdout == """
                $['pageProps']['items'][1]['title']\t"Compare a hard navigation with a client transition"
                $['pageProps']['items'][2]['title']\t"Check that /dashboard is never cached"

                """)
            let json = try JSONValue(parsing: try explorer("inspect", "/", "--query", "$.pageProps.latest[0].id", "--json").stdout)
            #expect(json == [["path": "$['pageProps']['latest'][0]['id']", "value": 10000]])
            #expect(try explorer("inspect", "/", "--query", "$.nothing").stdout == "(nothing matches $.nothing)\n")
            let bad = try explorer("inspect", "/", "--query", "$.pageProps.latest[?@.id > ]")
            #expect(bad.status == 64)
            #expect(bad.stderr.contains("--query: “]” does not start an expression\n  $.pageProps.latest[?@.id > ]\n                             ^"), "\(bad.stderr)")
        }

        /// `--save-har` writes the navigation; `--har` prints it again, as text and JSON; a
        /// browser's recording prints its navigations and lists the rest; a bad file is refused.
        @Test func harFilesAreSavedAndOpened() throws {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-old.har").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            let saved = try explorer("inspect", "/old/3", "--save-har", path, "--json")
            #expect(saved.status == 0)
            let live = try JSONValue(parsing: saved.stdout)
            let opened = try explorer("inspect", "--har", path, "--json")
            #expect(opened.status == 0)
            let recorded = try JSONValue(parsing: opened.stdout)
            #expect(recorded["recordedBy"] == "gssp-explorer 1.0")
            let exchange = try #require(recorded["exchanges"]?[0])
            for key in ["kind", "url", "outcome", "page", "props", "fetches", "html", "hydration", "analysis"] {
                #expect(exchange[key] == live[key], "\(key)")
            }
            let text = try explorer("inspect", "--har", path).stdout
            #expect(text.contains("── 1 of 1 ──"))
            #expect(text.contains("/old/3 → /posts/3"))
            #expect(text.contains("redirected to /posts/3 (308)"))

            let journeys = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("SampleSiteTests/Journeys/j05-dashboard-cookie.har.gz").path
            let browser = try explorer("inspect", "--har", journeys)
            #expect(browser.status == 0)
            #expect(browser.stdout.contains("── 4 of 4 ──"))
            #expect(browser.stdout.contains("recorded by Playwright 1.65.1 (chromium 156.0.8078.114) on http://127.0.0.1:3700"))
            #expect(browser.stdout.contains("sessionToken"))
            #expect(browser.stdout.contains("Also recorded ("))
            #expect(browser.stdout.contains("GET http://127.0.0.1:3700/_next/static/chunks/framework-"))
            let onlyDashboard = try explorer("inspect", "--har", journeys, "/dashboard", "--query", "$.pageProps.user.name")
            #expect(onlyDashboard.stdout.contains("$['pageProps']['user']['name']\t\"Demo User\""), "\(onlyDashboard.stdout)")

            let notHAR = try explorer("inspect", "--har", #filePath)
            #expect(notHAR.status == 65)
            #expect(notHAR.stderr.contains("is not JSON"))
            let unwritable = try explorer("inspect", "/hello", "--save-har", "/no/such/folder/x.har")
            #expect(unwritable.status == 73)
            #expect(unwritable.stderr.contains("cannot write /no/such/folder/x.har"))
        }

        @Test func routesAsNextBuildPrintsThem() throws {
            let run = try explorer("routes")
            #expect(run.status == 0)
            #expect(run.stdout == """
                Route (pages)
                ┌ ƒ /
                ├ ○ /404
                ├ ○ /500
                ├ ○ /about
                ├ ƒ /archive
                ├ ƒ /blog/[...slug]
                ├ ƒ /broken
                ├ ƒ /cached
                ├ ƒ /dashboard
                ├ ƒ /docs/[[...slug]]
                ├ ƒ /external
                ├ ƒ /guestbook
                ├ ƒ /hello
                ├ ○ /login
                ├ ƒ /old/[id]
                ├ ƒ /posts/[id]
                ├ ƒ /secure
                ├ ƒ /slow
                └ ƒ /welcome

                ○  (Static)   prerendered as static content
                ƒ  (Dynamic)  server-rendered on demand

                """)
        }
    }
}

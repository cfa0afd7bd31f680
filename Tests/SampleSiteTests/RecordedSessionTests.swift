import Browser
import Foundation
import SSR
import Testing

/// Sessions saved as HAR 1.2 and opened again: the explorer's own files come back as the same
/// exchanges; a browser's recordings of the Next.js twin (`Journeys/*.har.gz`) come back as
/// the navigations the browser made.
@Suite struct RecordedSessionTests {
    /// The session of a recorded journey, made by the navigator on the sample site, then what a
    /// journey does not do: a static page, another site, a bad parameter, an odd query.
    static func session(_ journey: String) async throws -> [Exchange] {
        try await RecordedJourneyTests.walk(
            journey, thenClick: ["/about", "https://example.com/x", "/posts/%E0%A4%A", "/guestbook?q=ü \"x\""]
        ).exchanges
    }

    static func json(_ exchanges: [Exchange]) -> [String] {
        exchanges.map { $0.json(analysis: Analysis($0), serverLog: []).jsonText }
    }

    /// Written, then read: every exchange is the same (requests, headers, bodies, timing,
    /// props, HTML, outcome, redirects, notes, the hydration check, every finding).
    @Test(arguments: RecordedJourneyTests.journeys.map(\.file)) func aSavedSessionOpensAsTheSameExchanges(_ journey: String) async throws {
        let exchanges = try await Self.session(journey)
        let written = HARLog(session: exchanges, origin: "http://localhost")
        let read = RecordedSession(try HARLog(bytes: Array(written.json.jsonText.utf8)))
        #expect(read.exchanges.count == exchanges.count)
        for (original, back) in zip(Self.json(exchanges), Self.json(read.exchanges)) {
            #expect(original == back)
        }
        #expect(read.exchanges.map(\.newBuildId) == exchanges.map(\.newBuildId))
        #expect(read.exchanges.map(\.requested) == exchanges.map(\.requested))
        #expect(read.others.isEmpty)
        try Self.checkHAR12(written.json)
    }

    /// Gzipped on disk when the name says so, and read back whatever the name.
    @Test func gzippedFilesRoundTrip() async throws {
        let exchanges = try await Self.session("j05-dashboard-cookie")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("session-\(UUID().uuidString).har.gz").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try HARLog(session: exchanges, origin: "http://localhost").write(to: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.starts(with: [0x1F, 0x8B]))
        #expect(Self.json(RecordedSession(try HARLog(contentsOf: path)).exchanges) == Self.json(exchanges))
    }

    /// The explorer's file with its own fields taken out reads as a browser's would: from the
    /// traffic alone, every navigation that made a request has the same kind, address, outcome,
    /// props and redirects as the navigator's.
    @Test(arguments: RecordedJourneyTests.journeys.map(\.file)) func theTrafficAloneGivesTheSameNavigations(_ journey: String) async throws {
        let exchanges = try await Self.session(journey).filter { !$0.fetches.isEmpty }
        let written = HARLog(session: exchanges, origin: "http://localhost")
        var plain = written
        plain.pages = []
        for index in plain.entries.indices { plain.entries[index].pageref = nil }
        plain.entries.removeAll { $0.explorer?["serverDocument"] == .bool(true) }
        let read = RecordedSession(try HARLog(bytes: Array(plain.json.jsonText.utf8)))
        // The router writes a data URL's query as URLSearchParams does (a space is `+`): the
        // address is read back in that form.
        func summary(_ exchange: Exchange) -> String {
            "\(exchange.kind.rawValue) \(exchange.url.replacingOccurrences(of: "%20", with: "+")) \(exchange.outcome) \(exchange.props?.jsonText ?? "-") \(exchange.redirects)"
        }
        #expect(read.exchanges.map(summary) == exchanges.map(summary))
    }

    static func recorded(_ file: String) throws -> RecordedSession {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Journeys/\(file).har.gz")
        return RecordedSession(try HARLog(contentsOf: url.path))
    }

    /// Chromium's recordings of the twin: its documents and data requests as navigations, with
    /// their redirects, notFound, fallbacks and a deploy; scripts and the other site listed.
    @Test func aBrowsersRecordingOpensAsItsNavigations() throws {
        func rows(_ file: String) throws -> [String] {
            try Self.recorded(file).exchanges.map { exchange in
                let status = exchange.lastFetch.map { " \($0.response.status.code)" } ?? ""
                let redirects = exchange.redirects.isEmpty ? "" : " via \(exchange.redirects.joined(separator: ", "))"
                return "\(exchange.requested == exchange.kind ? exchange.kind.rawValue : "client → hard") \(exchange.target) → \(exchange.url)\(status) \(exchange.outcome)\(redirects)"
            }
        }
        #expect(try rows("j02-old-redirect") == [
            "hard navigation / → / 200 page",
            "client transition /old/5 → /posts/5 200 page via 308 /posts/5",
            "client transition / → / 200 page",
        ])
        #expect(try rows("j03-notfound") == [
            "hard navigation / → / 200 page",
            "client transition /posts/999999 → /posts/999999 404 clientNotFound",
            "client transition /posts/01 → /posts/01 404 clientNotFound",
            "client transition /posts/999999 → /posts/999999 404 clientNotFound",
        ])
        #expect(try rows("j04-broken") == ["hard navigation / → / 200 page", "client → hard /broken → /broken 500 page"])
        #expect(try rows("j05-dashboard-cookie") == [
            "hard navigation / → / 200 page",
            "client transition /dashboard → /login?next=%2Fdashboard 200 page via 307 /login?next=%2Fdashboard",
            "client transition /dashboard → /dashboard 200 page",
            "client transition /dashboard → /dashboard 200 page",
        ])
        #expect(try rows("j07-docs-blog-noroute") == [
            "hard navigation / → / 200 page",
            "client transition /docs → /docs 200 page",
            "client transition /docs/data-fetching → /docs/data-fetching 200 page",
            "client transition /blog/a/b → /blog/a/b 200 page",
            "hard navigation /nonexistent → /nonexistent 404 page",
        ])
        #expect(try rows("j09-query") == [
            "hard navigation / → / 200 page",
            "client transition /hello?x=1 → /hello?x=1 200 page",
            "client transition /hello?x=2 → /hello?x=2 200 page",
            "client transition /hello?x=1 → /hello?x=1 200 page",
        ])
        #expect(try rows("j12-hard-loads") == [
            "hard navigation /old/5 → /posts/5 200 page via 308 /posts/5",
            "hard navigation /dashboard → /login?next=%2Fdashboard 200 page via 307 /login?next=%2Fdashboard",
            "hard navigation /broken → /broken 500 page",
            "hard navigation /nonexistent → /nonexistent 404 page",
        ])
    }

    /// What the views show of a recorded navigation: props from the data response or
    /// `__NEXT_DATA__`, the page, every analyzer's findings; the deploy said; nothing dropped.
    @Test func recordedNavigationsHaveEveryFinding() throws {
        let dashboard = try #require(try Self.recorded("j05-dashboard-cookie").exchanges.last)
        #expect(dashboard.pageProps?["user"]?["name"] == "Demo User")
        #expect(dashboard.propsSource == .dataResponse)
        #expect(dashboard.page == "/dashboard")  // Next.js's x-nextjs-matched-path
        let analysis = Analysis(dashboard)
        #expect(analysis.sensitive.contains { $0.path.contains("sessionToken") })
        #expect(analysis.cacheControl?.header?.hasPrefix("private") == true)
        #expect(analysis.propsSize?.total ?? 0 > 0)

        let home = try #require(try Self.recorded("j02-old-redirect").exchanges.first)
        #expect(home.page == "/" && home.propsSource == .nextData)
        #expect(home.pageProps?["siteName"] == "The Swift Gazette")
        #expect(Analysis(home).links.contains { $0.href == "/posts/10000" })

        let deploy = try Self.recorded("j10-deploy")
        #expect(deploy.exchanges.map(\.url) == ["/", "/posts/10000", "/hello"])
        #expect(deploy.exchanges[1].newBuildId == "browsertwin2")
        #expect(deploy.exchanges[1].kind == .hardNavigation && deploy.exchanges[1].requested == .clientTransition)

        // The external redirect's body was not recorded: said, not guessed.
        let external = try Self.recorded("j06-external")
        #expect(external.exchanges[1].notes.contains { $0.contains("does not hold this response's body") })
        #expect(external.others.contains { $0.url.hasPrefix("https://nextjs.org/") && $0.failure == "net::ERR_NAME_NOT_RESOLVED" })
        // Every entry is a navigation's request or listed.
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Journeys/j06-external.har.gz")
        let entries = try HARLog(contentsOf: url.path).entries.count
        #expect(external.exchanges.map(\.fetches.count).reduce(0, +) + external.others.count == entries)
        #expect(external.recordedBy.hasPrefix("Playwright") && external.origin == "http://127.0.0.1:3700")
    }

    @Test func filesThatAreNotHARAreRefusedWithTheReason() {
        #expect { _ = try HARLog(bytes: Array("nope".utf8), name: "x.har") } throws: { error in
            (error as? HARError)?.message.hasPrefix("x.har is not JSON") == true
        }
        #expect { _ = try HARLog(bytes: Array(#"{"log":{}}"#.utf8), name: "x.har") } throws: { error in
            (error as? HARError)?.message == "x.har is not a HAR file: log.entries is not an array"
        }
        #expect { _ = try HARLog(bytes: Array(#"{"log":{"entries":[{"request":{"method":"GET","url":"/x"},"response":{}}]}}"#.utf8), name: "x.har") } throws: { error in
            (error as? HARError)?.message == "x.har: log.entries[0].request.url is not an absolute URL: /x"
        }
        #expect { _ = try HARLog(bytes: [0x1F, 0x8B, 1, 2, 3], name: "x.har.gz") } throws: { error in
            (error as? HARError)?.message.hasPrefix("x.har.gz is gzipped but does not decompress") == true
        }
    }

    /// The fields HAR 1.2 requires, with their types, and its rules on timings.
    static func checkHAR12(_ json: JSONValue) throws {
        let log = try #require(json["log"])
        #expect(log["version"] == "1.2")
        #expect(log["creator"]?["name"]?.stringValue != nil && log["creator"]?["version"]?.stringValue != nil)
        let date = ISO8601DateFormatter()
        date.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let pages = try #require(log["pages"]?.arrayValue)
        for page in pages {
            #expect(date.date(from: page["startedDateTime"]?.stringValue ?? "") != nil)
            #expect(page["id"]?.stringValue != nil && page["title"]?.stringValue != nil && page["pageTimings"]?.objectValue != nil)
        }
        let ids = Set(pages.compactMap { $0["id"]?.stringValue })
        for entry in try #require(log["entries"]?.arrayValue) {
            if let ref = entry["pageref"] { #expect(ids.contains(ref.stringValue ?? ""), "pageref \(ref)") }
            #expect(date.date(from: entry["startedDateTime"]?.stringValue ?? "") != nil)
            let request = try #require(entry["request"]), response = try #require(entry["response"])
            for key in ["method", "url", "httpVersion"] { #expect(request[key]?.stringValue != nil, "request.\(key)") }
            for key in ["cookies", "headers", "queryString"] { #expect(request[key]?.arrayValue != nil, "request.\(key)") }
            for key in ["headersSize", "bodySize"] { #expect(request[key]?.doubleValue != nil, "request.\(key)") }
            #expect(response["status"]?.doubleValue != nil && response["statusText"]?.stringValue != nil && response["httpVersion"]?.stringValue != nil)
            #expect(response["cookies"]?.arrayValue != nil && response["headers"]?.arrayValue != nil && response["redirectURL"]?.stringValue != nil)
            #expect(response["headersSize"]?.doubleValue != nil && response["bodySize"]?.doubleValue != nil)
            #expect(response["content"]?["size"]?.doubleValue != nil && response["content"]?["mimeType"]?.stringValue != nil)
            for header in (request["headers"]?.arrayValue ?? []) + (response["headers"]?.arrayValue ?? []) {
                #expect(header["name"]?.stringValue != nil && header["value"]?.stringValue != nil)
            }
            #expect(entry["cache"]?.objectValue != nil)
            let timings = try #require(entry["timings"])
            var sum = 0.0
            for key in ["send", "wait", "receive"] {
                let value = try #require(timings[key]?.doubleValue, "timings.\(key)")
                #expect(value >= -1)
                if value > 0 { sum += value }
            }
            for key in ["blocked", "dns", "connect"] { if let value = timings[key]?.doubleValue, value > 0 { sum += value } }
            // `time` is the sum of the phases (ssl is inside connect).
            #expect(abs((entry["time"]?.doubleValue ?? -1) - sum) < 0.001)
        }
    }
}

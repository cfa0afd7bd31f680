import Foundation
import HTTPTypes
import SSR
import Testing

@testable import Browser

/// The journeys Chromium made through the sample shop (`sample-site/nextjs-shop`: a proxy,
/// rewrites and redirects, a custom App, getStaticProps with each fallback, i18n, a basePath,
/// trailing slashes) under the real Next.js 15.2.4 and 16.2.1 (`Journeys/`, recorded by
/// `.journeys/record-shop.sh`), walked again by the navigator against the answers the server
/// gave: the same requests to the site, step by step, and the same page, URL and props at the
/// end of each step.
///
/// Two things of the browser's are not the client's and are read as such: a response
/// Chromium's HTTP cache gave, with the request it sent at once to revalidate it, is one request;
/// and the order of a page's prefetches against its own background requests is the network's,
/// so each list is compared in order on its own.
///
/// The same walk checks journeys recorded on any app: `JOURNEYS=/path/to/journeys.json swift test
/// --filter ShopJourneyTests`, with `record.py`'s files in `next-<version>/` beside it.
@Suite struct ShopJourneyTests {
    static let ours = ProcessInfo.processInfo.environment["JOURNEYS"] == nil
    static let specFile = ProcessInfo.processInfo.environment["JOURNEYS"].map { URL(fileURLWithPath: $0) }
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Journeys/shop.json")
    static let folder = specFile.deletingLastPathComponent()
    /// The versions recorded: `next-15.2.4`, `next-16.2.1`.
    static let versions: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix("next-") }.sorted()
    static let spec: JSONValue = {
        let data = (try? Data(contentsOf: specFile)) ?? Data()
        return (try? JSONValue(parsing: Array(data))) ?? .null
    }()
    static let journeys: [String] = spec["journeys"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
    static let cases: [String] = versions.flatMap { version in journeys.map { "\(version)/\($0)" } }

    /// One request as the comparison sees it.
    struct Request: Equatable, CustomStringConvertible {
        var line: String
        var status: Int
        var purpose: String?
        var middlewarePrefetch: String?
        var nextjsData: String?
        var referer: String?
        /// `nil` when the recording does not say (Chromium's cache answered).
        var cookie: String??

        var description: String {
            "\(line) → \(status)\(purpose.map { " purpose:\($0)" } ?? "")\(middlewarePrefetch.map { " mw-prefetch:\($0)" } ?? "") data:\(nextjsData ?? "-") referer:\(referer ?? "-")"
                + (cookie.map { " cookie:\($0 ?? "-")" } ?? "")
        }

        static func == (a: Request, b: Request) -> Bool {
            a.line == b.line && a.status == b.status && a.purpose == b.purpose && a.middlewarePrefetch == b.middlewarePrefetch
                && a.nextjsData == b.nextjsData && a.referer == b.referer && (a.cookie == nil || b.cookie == nil || a.cookie! == b.cookie!)
        }
    }

    static func request(_ fetch: Fetch, origin: String) -> Request {
        let fields = fetch.request.headerFields
        return Request(
            line: "\(fetch.request.method.rawValue) \(fetch.request.path ?? "/")", status: fetch.response.status.code, purpose: fields[.purpose],
            middlewarePrefetch: fields[.middlewarePrefetch], nextjsData: fields[.nextjsData],
            referer: fields[.referer].map { $0.hasPrefix(origin) ? String($0.dropFirst(origin.count)) : $0 }, cookie: .some(fields[.cookie]))
    }

    /// Every journey of ours recorded under both versions: the walks below cannot pass on none.
    @Test(.enabled(if: ours)) func theRecordingsAreHere() throws {
        #expect(Self.versions == ["next-15.2.4", "next-16.2.1"])
        #expect(Self.journeys.count == 16)
        for name in Self.cases {
            #expect(FileManager.default.fileExists(atPath: Self.folder.appendingPathComponent(name + ".har.gz").path), "\(name)")
        }
    }

    @Test(arguments: cases) func navigatorAsksWhatChromiumAsked(_ name: String) async throws {
        let (version, journeyName) = (String(name.split(separator: "/")[0]), String(name.split(separator: "/")[1]))
        let journey = try #require(Self.spec["journeys"]?.arrayValue?.first { $0["name"]?.stringValue == journeyName })
        let variant = try #require(journey["variant"]?.stringValue)
        let base = Self.spec["variants"]?[variant]?["base"]?.stringValue ?? ""
        let site = try RecordedSite(
            journey: Self.folder.appendingPathComponent("\(version)/\(journeyName).har.gz"),
            site: Self.folder.appendingPathComponent("\(version)/site-\(variant).har.gz"), base: base)
        let navigator = Navigator(transport: site, browserHeaders: BrowserHeaders(acceptLanguage: "en-US"))
        let recordedSteps = try HARLog.json(
            bytes: Array(try Data(contentsOf: Self.folder.appendingPathComponent("\(version)/\(journeyName).har.gz"))))["log"]?["_journey"]?["steps"]?
            .arrayValue ?? []
        for (index, step) in (journey["steps"]?.arrayValue ?? []).enumerated() {
            site.step = index
            // A step the browser could not take (no Next.js page to push from) is no journey's.
            if recordedSteps.indices.contains(index), recordedSteps[index]["outcome"]?.stringValue?.hasPrefix("error:") == true { continue }
            guard case .object(let members) = step, let (kind, value) = members.first.map({ ($0.key, $0.value) }) else { continue }
            var exchange: Exchange?
            switch kind {
            case "load": exchange = await navigator.navigate(.hardNavigation, to: value.stringValue ?? "/")
            case "push": exchange = await navigator.navigate(.clientTransition, to: value.stringValue ?? "/")
            case "back": exchange = await navigator.back()
            case "forward": exchange = await navigator.forward()
            case "cookie":
                let pair = value.arrayValue?.compactMap(\.stringValue) ?? []
                await navigator.setCookie(pair[0], pair[1])
            default: Issue.record("unknown step \(kind)")
            }
            let recorded = site.steps.indices.contains(index) ? site.steps[index] : []
            var browserNavigation = recorded.filter { $0.purpose == nil }.map { Self.request($0.fetch, origin: site.origin, complete: $0.headersComplete) }
            // A prefetch's cookies depend on timing: one set by another prefetch's answer goes
            // with those the browser sent after it arrived. They are not compared.
            let browserPrefetches = recorded.filter { $0.purpose != nil }.map { Self.request($0.fetch, origin: site.origin, complete: false) }
            let ourNavigation = exchange?.fetches.map { Self.request($0, origin: site.origin) } ?? []
            let ourPrefetches = exchange?.prefetches.map { Self.request($0, origin: site.origin) } ?? []
            if case .failed(let why)? = exchange?.outcome, why.contains("ERR_TOO_MANY_REDIRECTS") {
                // Chromium tries such a load a second time: its first try is the one compared.
                browserNavigation = Array(browserNavigation.prefix(ourNavigation.count))
            }
            let where_ = "\(name) step \(index) \(kind) \(value.jsonText)"
            #expect(ourNavigation == browserNavigation, "\(where_):\nours:\n\(ourNavigation.map(\.description).joined(separator: "\n"))\nbrowser:\n\(browserNavigation.map(\.description).joined(separator: "\n"))\nnotes: \(exchange?.notes ?? [])")
            #expect(ourPrefetches == browserPrefetches, "\(where_) prefetches:\nours:\n\(ourPrefetches.map(\.description).joined(separator: "\n"))\nbrowser:\n\(browserPrefetches.map(\.description).joined(separator: "\n"))")
            guard let exchange, recordedSteps.indices.contains(index), let after = recordedSteps[index]["after"] else { continue }
            Self.compareOutcome(exchange, after: after, origin: site.origin, base: base, where: where_)
        }
        #expect(site.unexpected.isEmpty, "\(name): asked what the browser did not: \(site.unexpected)")
    }

    /// The shop as its client learns it from the build: every page's kind as `next build`
    /// printed it (a custom App with getInitialProps makes the pages without getStaticProps ƒ),
    /// the proxy matching every path, the version, basePath, locales and trailing slash.
    @Test(.enabled(if: ours), arguments: versions) func theShopAsTheClientLearnsIt(_ version: String) async throws {
        for (variant, base, trailingSlash) in [("root", "", false), ("base-path", "/shop", false), ("trailing-slash", "", true)] {
            let journey = try #require(
                (Self.spec["journeys"]?.arrayValue ?? []).first { $0["variant"]?.stringValue == variant }?["name"]?.stringValue)
            let site = try await RecordedSite(
                journey: Self.folder.appendingPathComponent("\(version)/\(journey).har.gz"),
                site: Self.folder.appendingPathComponent("\(version)/site-\(variant).har.gz"), base: base
            ).siteInfo()
            let kinds = Dictionary(uniqueKeysWithValues: (site.routes ?? []).map { ($0.pattern.description, $0.kind?.symbol ?? "?") })
            #expect(kinds == [
                "/": "●", "/about": "ƒ", "/account": "ƒ", "/archive/[year]": "●", "/broken": "ƒ", "/catalog/[category]": "●", "/deals/[id]": "●",
                "/login": "ƒ", "/products/[slug]": "ƒ",
            ], "\(version) \(variant)")
            #expect(site.errorPages == ["/404", "/500"] && site.errorPageKind == .initialProps)
            #expect(site.config == RouterConfig(basePath: base, locales: ["en", "fr"], defaultLocale: "en", trailingSlash: trailingSlash))
            #expect(site.nextVersion == String(version.dropFirst("next-".count)))
            #expect(site.proxyLine == (version == "next-15.2.4" ? "ƒ Middleware  (matches every path)" : "ƒ Proxy (Middleware)  (matches every path)"))
            #expect(site.rewrites.beforeFiles.count == 1 && site.rewrites.afterFiles.count == 3 && site.rewrites.fallback.count == 2)
            #expect(site.routerFilters.isEmpty)
        }
    }

    /// The browser's recording read back as the explorer reads any HAR (`inspect --har`, the UI):
    /// one navigation per step that reached the server, at the address the browser showed.
    @Test(arguments: cases) func aRecordingReadsAsItsNavigations(_ name: String) async throws {
        let (version, journeyName) = (String(name.split(separator: "/")[0]), String(name.split(separator: "/")[1]))
        let journey = try #require(Self.spec["journeys"]?.arrayValue?.first { $0["name"]?.stringValue == journeyName })
        let variant = try #require(journey["variant"]?.stringValue)
        let base = Self.spec["variants"]?[variant]?["base"]?.stringValue ?? ""
        let file = Self.folder.appendingPathComponent("\(version)/\(journeyName).har.gz")
        let site = try RecordedSite(journey: file, site: Self.folder.appendingPathComponent("\(version)/site-\(variant).har.gz"), base: base)
        let log = try HARLog.json(bytes: Array(try Data(contentsOf: file)))
        let steps = log["log"]?["_journey"]?["steps"]?.arrayValue ?? []
        var expected: [String] = []
        for (index, step) in steps.enumerated() where site.steps.indices.contains(index) {
            let requests = site.steps[index].filter { $0.purpose == nil }
            let href = step["after"]?["href"]?.stringValue ?? ""
            // Before the first Next.js page, a page that is none (a proxy's plain-text 500): nothing
            // in the recording says it is the site's.
            if expected.isEmpty, href.hasPrefix(site.origin + "/"), step["after"]?["route"] == .null, step["after"]?["hung"] != .bool(true) { continue }
            let address: String
            if href.hasPrefix(site.origin + "/"), step["after"]?["hung"] != .bool(true) {
                let path = String(href.dropFirst(site.origin.count))
                address = base.isEmpty ? path : (path == base ? "/" : String(path.dropFirst(base.count)))
            } else {
                address = "(gone)"  // another site, the browser's error page, a tab that hung
            }
            // A step the server saw nothing of, or only a check of the page already shown, is not in the file.
            guard !requests.isEmpty, !(requests.allSatisfy { $0.method == "HEAD" } && expected.last == address) else { continue }
            expected.append(address)
        }
        let session = RecordedSession(try HARLog(bytes: Array(try Data(contentsOf: file))))
        let read = session.exchanges.map { exchange -> String in
            switch exchange.outcome {
            case .leftSite, .failed: "(gone)"
            default: exchange.url
            }
        }
        // A query a rewrite added to the data URL (`/p/coffee` → `?via=short`) is told from the
        // address's own only by a later request's Referer; without one, the read address keeps it.
        func agree(_ read: String, _ shown: String) -> Bool {
            func split(_ address: String) -> (String, Set<Substring>) {
                let (path, query, _) = RouterConfig.parsePath(address)
                return (path, Set(query.dropFirst().split(separator: "&")))
            }
            let (readPath, readQuery) = split(read), (shownPath, shownQuery) = split(shown)
            return readPath == shownPath && shownQuery.isSubset(of: readQuery)
        }
        #expect(read.count == expected.count && zip(read, expected).allSatisfy(agree), "\(name): read \(read), the browser's \(expected)")
    }

    static func request(_ fetch: Fetch, origin: String, complete: Bool) -> Request {
        var request = request(fetch, origin: origin)
        if !complete { request.cookie = nil }
        return request
    }

    /// Where the step ended: the URL, the page and its props, or the tab hung or left.
    static func compareOutcome(_ exchange: Exchange, after: JSONValue, origin: String, base: String, where place: String) {
        let href = after["href"]?.stringValue ?? ""
        if after["hung"] == .bool(true) {
            #expect(exchange.outcome.isFailure && exchange.notes.contains { $0.contains("hangs") }, "\(place): the browser's tab hung; ours: \(exchange.outcome)")
            return
        }
        guard href.hasPrefix(origin + "/") else {
            // Another site, or the browser's error page (a redirect loop, an unreachable host).
            #expect(exchange.outcome != .page && exchange.outcome != .clientNotFound, "\(place): the browser left for \(href); ours: \(exchange.outcome) \(exchange.url)")
            return
        }
        let path = String(href.dropFirst(origin.count))
        let shown = base.isEmpty ? path : (path == base ? "/" : String(path.dropFirst(base.count)))
        #expect(exchange.url == shown, "\(place): the browser shows \(shown), ours \(exchange.url) (\(exchange.outcome); \(exchange.notes))")
        if exchange.page == "/_error", exchange.notes.contains(where: { $0.contains("Application error") }) {
            // The router keeps the route it had; the screen shows the error page.
            #expect(after["text"]?.stringValue?.contains("Application error") == true, "\(place): ours shows the error page, the browser: \(after["text"]?.stringValue ?? "-")")
        } else if let route = after["route"]?.stringValue, exchange.outcome != .clientNotFound {
            // (After a notFound, the router keeps the route asked for while it renders the 404
            // page: the props and the URL are compared.)
            let ours = exchange.page
            #expect(ours == route, "\(place): the browser's route \(route), ours \(ours ?? "-") (\(exchange.outcome); \(exchange.notes))")
        }
        if let props = after["props"], props != .null {
            #expect(exchange.props == props, "\(place): props differ:\nours:    \(exchange.props?.jsonText ?? "-")\nbrowser: \(props.jsonText)\nnotes: \(exchange.notes)")
        }
        let clientSide = after["marker"] != .null && after["marker"] != nil
        #expect((exchange.kind == .clientTransition) == clientSide, "\(place): the browser's \(clientSide ? "client transition" : "document load"), ours a \(exchange.kind.rawValue)")
    }
}

extension Exchange.Outcome {
    var isFailure: Bool { if case .failed = self { true } else { false } }
}

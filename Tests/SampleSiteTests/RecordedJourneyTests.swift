import Browser
import CompressNIO
import Foundation
import HTTPTypes
import Logging
import NIOCore
import SSR
import SampleSite
import TestSupport
import Testing

/// The journeys a real browser made on the Next.js twin (Chromium 156, Next.js 15.2.4's client;
/// `Journeys/*.har.gz`), made again by the navigator on the sample site in-process: the same
/// requests to the site, in the same order, with the same status, `Referer`, `Cookie`,
/// `Accept-Language` and `x-nextjs-data`. The JavaScript chunks the browser loads are not
/// requests the explorer models, nor are the requests to another site (it stops at the edge).
@Suite struct RecordedJourneyTests {
    enum Step {
        /// Typed in the address bar: a hard navigation.
        case load(String)
        /// `next/link` or `router.push`: a client transition.
        case click(String)
        case back, forward
        case cookie(String, String)
        /// The server is rebuilt with build ID `browsertwin2`.
        case deploy
    }

    /// The steps of each journey, as `client-behaviour.md` tells them.
    static let journeys: [(file: String, steps: [Step])] = [
        ("j01-post-next-back-forward", [.load("/"), .click("/posts/1"), .click("/posts/2"), .back, .forward]),
        ("j02-old-redirect", [.load("/"), .click("/old/5"), .back]),
        ("j03-notfound", [.load("/"), .click("/posts/999999"), .click("/posts/01"), .back]),
        ("j04-broken", [.load("/"), .click("/broken")]),
        ("j05-dashboard-cookie", [
            .load("/"), .click("/dashboard"), .cookie("session", "demo-token"), .click("/dashboard"), .click("/login"), .click("/dashboard"),
        ]),
        ("j06-external", [.load("/"), .click("/external")]),
        ("j07-docs-blog-noroute", [.load("/"), .click("/docs"), .click("/docs/data-fetching"), .click("/blog/a/b"), .click("/nonexistent")]),
        ("j08-static-static", [.load("/about"), .click("/login"), .click("/hello")]),
        ("j09-query", [.load("/"), .click("/hello?x=1"), .click("/hello?x=2"), .back]),
        ("j10-deploy", [.load("/"), .deploy, .click("/posts/10000"), .click("/hello")]),
        ("j11-prefetch", [.load("/")]),
        ("j12-hard-loads", [.load("/old/5"), .load("/dashboard"), .load("/broken"), .load("/nonexistent")]),
    ]

    /// One request as both sides are compared: what the server sees that matters.
    struct Request: Equatable, CustomStringConvertible {
        var line: String
        var status: Int
        var referer: String?
        var cookie: String?
        var acceptLanguage: String?
        var nextjsData: String?
        var offersEncodings: Bool

        var description: String {
            "\(line) → \(status) referer \(referer ?? "-") cookie \(cookie ?? "-") lang \(acceptLanguage ?? "-") data \(nextjsData ?? "-") enc \(offersEncodings)"
        }
    }

    /// The journey's steps made by the navigator on the sample site in-process, as the
    /// browser's server was (build `browsertwin`, then `browsertwin2`); then `more` clicks.
    static func walk(_ file: String, thenClick more: [String] = []) async throws -> (exchanges: [Exchange], navigator: Navigator) {
        let steps = try #require(journeys.first { $0.file == file }).steps
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let site = Redeployed(
            before: Engine(site: try SampleSite.site(buildId: "browsertwin"), mode: .production, logger: logger),
            after: Engine(site: try SampleSite.site(buildId: "browsertwin2"), mode: .production, logger: logger))
        let navigator = Navigator(transport: site, browserHeaders: BrowserHeaders(acceptLanguage: "en-US"))
        var exchanges: [Exchange] = []
        for step in steps {
            switch step {
            case .load(let path): exchanges.append(await navigator.navigate(.hardNavigation, to: path))
            case .click(let path): exchanges.append(await navigator.navigate(.clientTransition, to: path))
            case .back: exchanges.append(try #require(await navigator.back()))
            case .forward: exchanges.append(try #require(await navigator.forward()))
            case .cookie(let name, let value): await navigator.setCookie(name, value)
            case .deploy: site.deploy()
            }
        }
        for path in more { exchanges.append(await navigator.navigate(.clientTransition, to: path)) }
        return (exchanges, navigator)
    }

    @Test(arguments: journeys.map(\.file)) func navigatorRequestsWhatTheBrowserRequested(_ file: String) async throws {
        let recorded = try Self.recorded(file)
        let (exchanges, navigator) = try await Self.walk(file)
        let pageOrigin = navigator.transport.pageOrigin
        let ours = exchanges.flatMap(\.fetches).map { fetch in
            let fields = fetch.request.headerFields
            return Request(
                line: fetch.requestLine, status: fetch.response.status.code,
                referer: fields[.referer].map { String($0.dropFirst(pageOrigin.count)) },
                cookie: fields[.cookie], acceptLanguage: fields[.acceptLanguage], nextjsData: fields[.nextjsData],
                offersEncodings: fields[.acceptEncoding]?.contains("gzip") == true)
        }
        #expect(ours == recorded, "\(file):\nours:\n\(ours.map(\.description).joined(separator: "\n"))\nbrowser:\n\(recorded.map(\.description).joined(separator: "\n"))")
    }

    /// The HAR's requests to the site that are not its static files.
    static func recorded(_ file: String) throws -> [Request] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Journeys/\(file).har.gz")
        var buffer = ByteBuffer(bytes: try Data(contentsOf: url))
        let har = try JSONValue(parsing: Array(buffer: try buffer.decompress(with: .gzip())))
        let origin = "http://127.0.0.1:3700"
        return try #require(har["log"]?["entries"]?.arrayValue).compactMap { entry in
            guard let request = entry["request"], let address = request["url"]?.stringValue, address.hasPrefix(origin + "/") else { return nil }
            let target = String(address.dropFirst(origin.count))
            guard !target.hasPrefix("/_next/static/") else { return nil }
            var headers: [String: String] = [:]
            for header in request["headers"]?.arrayValue ?? [] {
                if let name = header["name"]?.stringValue, let value = header["value"]?.stringValue { headers[name.lowercased()] = value }
            }
            return Request(
                line: "\(request["method"]?.stringValue ?? "?") \(target)", status: entry["response"]?["status"]?.doubleValue.map { Int($0) } ?? 0,
                referer: headers["referer"].map { String($0.dropFirst(origin.count)) },
                cookie: headers["cookie"], acceptLanguage: headers["accept-language"], nextjsData: headers["x-nextjs-data"],
                offersEncodings: headers["accept-encoding"]?.contains("gzip") == true)
        }
    }
}

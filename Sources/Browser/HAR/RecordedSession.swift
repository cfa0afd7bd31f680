import Foundation
import HTTPTypes
import SSR

/// A HAR read as the explorer's exchanges. Its Next.js traffic — documents and data requests
/// of the site — becomes navigations, read with the rules Next.js's client follows (the same
/// ones the navigator applies as answers arrive): a data response's `__N_REDIRECT` followed by
/// the destination's data request is one transition, a failed data request followed by the
/// page's document is one transition fallen back to a hard navigation, a document's HTTP
/// redirects are hops of one load. Everything else (scripts, images, other sites, requests
/// that got no answer) is kept in ``others``, in order.
///
/// A file the explorer wrote has a page per navigation (`_explorer`), which says what was
/// asked for; a browser's file is grouped from the order of its requests.
public struct RecordedSession: Sendable {
    public let exchanges: [Exchange]
    public let others: [HARLog.Entry]
    /// The site's scheme and host (`http://127.0.0.1:3000`), from its first Next.js request.
    public let origin: String?
    /// Who recorded it: `Playwright 1.65.1 (chromium 156…)`, `gssp-explorer 1.0`.
    public let recordedBy: String

    public init(_ log: HARLog) {
        recordedBy = log.creator + (log.browser.map { " (\($0))" } ?? "")
        let explorerPages = log.pages.filter { $0.explorer != nil }
        if !explorerPages.isEmpty {
            var byPage: [String: [HARLog.Entry]] = [:]
            var others: [HARLog.Entry] = []
            for entry in log.entries {
                if let ref = entry.pageref, explorerPages.contains(where: { $0.id == ref }), entry.fetch != nil {
                    byPage[ref, default: []].append(entry)
                } else {
                    others.append(entry)
                }
            }
            // The build known before each navigation, to tell a deploy as the navigator did.
            var buildId: String?
            exchanges = explorerPages.map { page in
                let exchange = RecordedSession.exchange(page, byPage[page.id] ?? [], buildId: buildId)
                buildId = exchange.fetches.reversed().lazy.compactMap(RecordedSession.buildId).first ?? buildId
                return exchange
            }
            self.others = others
            origin = log.entries.first.flatMap { RecordedSession.origin(of: $0.url) }
            return
        }
        var reading = Reading()
        for entry in log.entries { reading.take(entry) }
        reading.finish()
        exchanges = reading.exchanges
        others = reading.others
        origin = reading.origin
    }

    /// A page the explorer wrote: what was asked for, then its requests read by the rules.
    private static func exchange(_ page: HARLog.Page, _ entries: [HARLog.Entry], buildId: String?) -> Exchange {
        let record = page.explorer ?? .null
        let requested = Exchange.Kind(rawValue: record["requested"]?.stringValue ?? "") ?? .hardNavigation
        var replay = Replay(Exchange(requested: requested, target: record["target"]?.stringValue ?? "/"), basePath: "", buildId: buildId)
        var serverDocument: Fetch?
        for entry in entries {
            guard let fetch = entry.fetch else { continue }
            if entry.explorer?["serverDocument"] == .bool(true) { serverDocument = fetch } else { replay.take(fetch, bodyMissing: entry.bodyMissing) }
        }
        // A navigation that failed stops where it stopped: nothing more was coming.
        if record["failed"] == nil { replay.finish() }
        var exchange = replay.exchange
        // What the traffic cannot tell, as the explorer wrote it.
        exchange.notes = record["notes"]?.arrayValue?.compactMap(\.stringValue) ?? exchange.notes
        exchange.page = record["page"]?.stringValue
        if let reason = record["failed"]?.stringValue { exchange.outcome = .failed(reason) }
        if let serverDocument { exchange.takeServerDocument(serverDocument) }
        if let html = record["clientHTML"]?.stringValue { exchange.html = html }
        if let hydration = record["hydration"] {
            let verdict = hydration["verdict"]
            let detail = hydration["detail"]?.stringValue ?? ""
            if let offset = verdict?["mismatchAt"]?.doubleValue {
                exchange.hydration = HydrationCheck(verdict: .mismatch(offset: Int(offset)), detail: detail)
            } else {
                exchange.hydration = HydrationCheck(verdict: verdict?["match"] == .bool(true) ? .match : .failed, detail: detail)
            }
        }
        exchange.clientRenderMilliseconds = record["clientRenderMs"]?.doubleValue
        exchange.compiledPage = record["compiledPage"]?.stringValue
        return exchange
    }

    /// The build a request was made for (its data URL) or a document came from.
    static func buildId(of fetch: Fetch) -> String? {
        if let data = fetch.request.path.flatMap(DataURL.init) { return data.buildId }
        guard fetch.response.headerFields[.contentType]?.lowercased().hasPrefix("text/html") == true else { return nil }
        return DocumentParts(html: fetch.body).nextData?["buildId"]?.stringValue
    }

    static func origin(of url: String) -> String? {
        HARLog.split(url).map { "\($0.scheme)://\($0.authority)" }
    }

    /// A data URL's parts: `/base/_next/data/B/fr/posts/5.json?id=5` → `/base`, `B`, `/fr/posts/5`, `id=5`.
    struct DataURL: Equatable {
        var basePath: String
        var buildId: String
        var pagePath: String
        var query: String

        init?(_ path: String) {
            let (pathPart, rest) = path[...].pathAndRest
            guard let marker = pathPart.range(of: "/_next/data/"), pathPart.hasSuffix(".json") else { return nil }
            basePath = String(pathPart[..<marker.lowerBound])
            let afterMarker = pathPart[marker.upperBound...].dropLast(".json".count)
            guard let slash = afterMarker.firstIndex(of: "/") else { return nil }
            buildId = String(afterMarker[..<slash])
            pagePath = DataPath.route(fromAssetPath: String(afterMarker[slash...]))
            query = rest.hasPrefix("?") ? String(rest.dropFirst().withoutFragment) : ""
        }

        /// The page's address: its path and the query the user's link had. The router adds the
        /// route's parameters to the query; without the routes, a parameter is taken for one
        /// when its values are segments of the path (`posts/5.json?id=5`, `blog/a/b.json?slug=a&slug=b`).
        var target: String {
            let segments = Set(pagePath.split(separator: "/").map { PercentDecoding.decode($0) ?? String($0) })
            let pairs = query.split(separator: "&").map { pair -> (String, String) in
                let parts = pair.split(separator: "=", maxSplits: 1)
                let value = parts.count > 1 ? String(parts[1]) : ""
                return (String(parts[0]), PercentDecoding.decode(Substring(value.replacingOccurrences(of: "+", with: " "))) ?? value)
            }
            let routeParameters = Set(Dictionary(grouping: pairs, by: \.0).filter { $0.value.allSatisfy { segments.contains($0.1) } }.keys)
            let kept = query.split(separator: "&").filter { pair in !routeParameters.contains(String(pair.split(separator: "=", maxSplits: 1).first ?? "")) }
            return pagePath + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
        }
    }
}

extension RecordedSession {
    /// One navigation read from recorded answers, one at a time, by Next.js's client rules.
    struct Replay {
        /// What the navigation waits for next: the data of a page it transitions to, or the
        /// document it loads (a fallback, a redirect hop). `nil` once it has arrived.
        enum Expecting: Equatable {
            case data(String)
            case document(String)

            var target: String {
                switch self {
                case .data(let target), .document(let target): target
                }
            }
        }

        var exchange: Exchange
        var expecting: Expecting?
        var basePath: String
        /// The build the site had before this navigation, to tell a deploy.
        var buildId: String?
        private var started = false

        init(_ exchange: Exchange, basePath: String, buildId: String?) {
            self.exchange = exchange
            self.basePath = basePath
            self.buildId = buildId
            if !exchange.target.hasPrefix("/") || exchange.target.hasPrefix("//") {
                // A link to another site: the browser leaves, nothing is fetched.
                self.exchange.leaveSite(exchange.target)
                return
            }
            expecting = exchange.requested == .clientTransition ? .data(exchange.target) : .document(exchange.target)
        }

        /// Whether `fetch` is the next request of this navigation.
        func expects(_ fetch: Fetch) -> Bool {
            guard let expecting, let path = fetch.request.path else { return false }
            let wanted = String(expecting.target[...].pathAndRest.path)
            switch expecting {
            case .data: return DataURL(path).map { $0.pagePath == wanted || ($0.pagePath == "/" && wanted.isEmpty) } ?? false
            case .document: return DataURL(path) == nil && String(path[...].pathAndRest.path) == basePath + (wanted == "/" && !basePath.isEmpty ? "" : wanted)
            }
        }

        mutating func take(_ fetch: Fetch, bodyMissing: Bool) {
            started = true
            let location = expecting?.target ?? exchange.target
            exchange.fetches.append(fetch)
            if let path = fetch.request.path, DataURL(path) != nil {
                if exchange.page == nil { exchange.page = fetch.response.headerFields[.nextjsMatchedPath] }
                switch DataAnswer(fetch) {
                case .notFound:
                    exchange.arriveNotFound(at: location)
                    expecting = nil
                case .failed(let status):
                    exchange.notes.append(Exchange.failedDataNote(status: status))
                    expecting = .document(location)
                case .unreadable:
                    exchange.notes.append(bodyMissing ? "The recording does not hold this response's body: its props are not known." : Exchange.unreadableDataNote)
                    arrive(at: location, props: .object([]), from: .unreadableResponse)
                case .redirect(let destination, let code, let keepsBasePath):
                    switch exchange.followDataRedirect(from: location, to: destination, status: code, keepsBasePath: keepsBasePath) {
                    case .transition: expecting = .data(destination)
                    case .load:
                        basePath = ""
                        expecting = .document(destination)
                    case .leave: expecting = nil
                    }
                case .props(let props): arrive(at: location, props: props, from: .dataResponse)
                }
                return
            }
            exchange.kind = .hardNavigation
            let status = fetch.response.status.code
            if [301, 302, 303, 307, 308].contains(status), let next = fetch.response.headerFields[.location] {
                exchange.followDocumentRedirect(status: status, to: next)
                switch PageLinks.destination(next, base: fetch.request.path ?? "/") {
                case .external(let url):
                    exchange.leaveSite(url)
                    expecting = nil
                case .fragment: break
                case .page(let path):
                    let base = basePath
                    if !base.isEmpty, path == base || path.hasPrefix(base + "/") || path.hasPrefix(base + "?") {
                        let rest = String(path.dropFirst(base.count))
                        expecting = .document(rest.hasPrefix("/") ? rest : "/" + rest)
                    } else {
                        basePath = ""
                        expecting = .document(path)
                    }
                }
                return
            }
            exchange.url = location
            expecting = nil
            guard let parts = exchange.readDocument(fetch) else { return }
            if let newBuild = parts.nextData?["buildId"]?.stringValue, let known = buildId, newBuild != known {
                exchange.noteNewBuild(newBuild, was: known)
            }
        }

        private mutating func arrive(at target: String, props: JSONValue, from source: Exchange.PropsSource) {
            exchange.url = target
            exchange.props = props
            exchange.propsSource = source
            expecting = nil
        }

        /// The recording has nothing more for this navigation.
        mutating func finish() {
            switch expecting {
            case nil: return
            case .data(let target) where started || exchange.requested == .clientTransition:
                // Next's client fetches nothing for a page without getServerSideProps.
                exchange.notes.append("No data request for \(target) follows: a static page fetches none, and renders with empty props.")
                arrive(at: target, props: .object([]), from: .staticPage)
            case .data(let target), .document(let target):
                exchange.fail("The recording stops before \(target) came.")
            }
            expecting = nil
        }
    }
}

extension RecordedSession {
    /// A browser's recording, grouped into navigations from the order of its requests.
    struct Reading {
        var exchanges: [Exchange] = []
        var others: [HARLog.Entry] = []
        var origin: String?
        private var open: Replay?
        private var basePath = ""
        private var buildId: String?

        mutating func take(_ entry: HARLog.Entry) {
            guard let fetch = entry.fetch, let kind = kind(of: entry, fetch) else { return others.append(entry) }
            let data = fetch.request.path.flatMap(DataURL.init)
            let document = data == nil ? DocumentParts(html: fetch.body).nextData : nil
            if open?.expects(fetch) != true {
                close()
                let path = fetch.request.path ?? "/"
                let target: String
                if kind == .clientTransition, let data {
                    basePath = data.basePath
                    target = data.target
                } else {
                    if let document, buildId == nil {
                        let locales = document["locales"]?.arrayValue?.compactMap(\.stringValue) ?? []
                        basePath = HTTPTransport.basePath(
                            of: fetch.body, at: path, page: document["page"]?.stringValue, locales: locales, origin: origin ?? "").basePath
                    }
                    target = SiteInfo(buildId: "", basePath: basePath, routes: nil).pagePath(ofLink: path) ?? path
                }
                open = Replay(Exchange(requested: kind, target: target), basePath: basePath, buildId: buildId)
            }
            open?.take(fetch, bodyMissing: entry.bodyMissing)
            if let build = data?.buildId ?? document?["buildId"]?.stringValue { buildId = build }
        }

        mutating func finish() { close() }

        private mutating func close() {
            guard var replay = open else { return }
            replay.finish()
            exchanges.append(replay.exchange)
            open = nil
        }

        /// A Next.js data request or a page's document on the site; `nil` for the rest.
        private mutating func kind(of entry: HARLog.Entry, _ fetch: Fetch) -> Exchange.Kind? {
            guard entry.request.method == .get, let path = entry.request.path, let entryOrigin = RecordedSession.origin(of: entry.url) else { return nil }
            let fields = entry.request.headerFields
            // A prefetch is not a navigation (Next.js prefetches getStaticProps data only).
            if fields[HTTPField.Name("purpose")!] == "prefetch" || fields[HTTPField.Name("x-middleware-prefetch")!] != nil { return nil }
            if DataURL(path) != nil {
                guard origin == nil || origin == entryOrigin else { return nil }
                origin = entryOrigin
                return .clientTransition
            }
            let isDocument = entry.resourceType.map { $0 == "document" }
                ?? (fields[HTTPField.Name("sec-fetch-dest")!].map { $0 == "document" } ?? (fields[.accept]?.hasPrefix("text/html") == true))
            guard isDocument else { return nil }
            if origin == nil {
                // The site is where the first Next.js document comes from.
                guard DocumentParts(html: fetch.body).nextData != nil || (300..<400).contains(fetch.response.status.code) else { return nil }
                origin = entryOrigin
            }
            return origin == entryOrigin ? .hardNavigation : nil
        }
    }
}

extension RecordedSession {
    /// Each request of `others` on one line: `GET https://… 200 script, 3,792 bytes`.
    public static func lines(_ others: [HARLog.Entry]) -> [String] {
        others.map { entry in
            let what = [entry.resourceType, entry.fetch.map { "\($0.body.count) bytes" }, entry.bodyMissing ? "body not recorded" : nil]
                .compactMap { $0 }.joined(separator: ", ")
            let answer = entry.fetch.map { String($0.response.status.code) } ?? "no answer: \(entry.failure ?? "")"
            return "\(entry.request.method) \(entry.url) \(answer)" + (what.isEmpty ? "" : " (\(what))")
        }
    }

    /// One of `others` for `--json`.
    public static func json(_ entry: HARLog.Entry) -> JSONValue {
        [
            "method": .string(entry.request.method.rawValue), "url": .string(entry.url),
            "status": entry.fetch.map { .number(Double($0.response.status.code)) } ?? .null,
            "type": entry.resourceType.map(JSONValue.string) ?? .null,
            "bytes": entry.fetch.map { .number(Double($0.body.count)) } ?? .null,
            "failure": entry.failure.map(JSONValue.string) ?? .null,
        ]
    }
}

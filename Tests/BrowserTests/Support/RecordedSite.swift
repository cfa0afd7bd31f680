import Browser
import Foundation
import HTTPTypes
import SSR
import Synchronization

/// A site answered from what Chromium recorded of it (`.journeys/record.py`): the build's client
/// files (`site-<variant>.har.gz`) for what the explorer reads to learn the site, and a journey's
/// requests, step by step, for the navigation. A request the browser did not make in the step is
/// refused, and kept in ``unexpected``: the navigator asked something the browser did not. The
/// explorer's own request for a page's document (after a client transition) is answered with the
/// page as the browser showed it.
final class RecordedSite: Transport, Sendable {
    let origin: String
    var pageOrigin: String { origin }
    let entryPath: String
    /// The build's files by path.
    private let files: [String: Fetch]
    /// Per step, the requests the browser made to the site (not its `/_next/static/` files).
    let steps: [[RecordedRequest]]
    /// Per step, the page as the browser showed it at its end, its `__NEXT_DATA__` the router's.
    private let documents: [String?]
    private let state = Mutex(State())

    struct State {
        var step = 0
        var used: Set<Int> = []
        var unexpected: [String] = []
    }

    /// One request the browser made, and what the comparison needs of it.
    struct RecordedRequest: Sendable {
        let fetch: Fetch
        let method: String
        let target: String
        /// `purpose` and `x-middleware-prefetch`, which make it another request to the site.
        let purpose: String?
        let middlewarePrefetch: String?
        /// The browser's headers as the network stack sent them (`host` is there); `false` when
        /// Chromium's HTTP cache answered (no request reached the server).
        let headersComplete: Bool
    }

    init(journey: URL, site: URL, base: String) throws {
        let journeyLog = try RecordedSite.json(journey)
        var files: [String: Fetch] = [:]
        var origin = ""
        for entry in try HARLog(bytes: Array(try RecordedSite.bytes(site))).entries {
            guard let fetch = entry.fetch, let (scheme, authority, path) = HARLog.split(entry.url) else { continue }
            origin = "\(scheme)://\(authority)"
            files[path] = fetch
        }
        self.origin = origin
        self.files = files
        entryPath = base.isEmpty ? "/" : base
        let entries = try HARLog(bytes: Array(try RecordedSite.bytes(journey))).entries
        let raw = journeyLog["log"]?["entries"]?.arrayValue ?? []
        let stepsJSON = journeyLog["log"]?["_journey"]?["steps"]?.arrayValue ?? []
        var steps: [[RecordedRequest]] = Array(repeating: [], count: stepsJSON.count)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let starts = stepsJSON.map { formatter.date(from: $0["startedAt"]?.stringValue ?? "") ?? .distantPast }
        // The last whole answer per path: a 304 Chromium's cache turned into the page's answer is
        // recorded as a 200 with the 304's headers and no body; the page read the stored one.
        var whole: [String: Fetch] = [:]
        for (index, entry) in entries.enumerated() {
            guard var fetch = entry.fetch, entry.url.hasPrefix(origin + "/"), let path = HARLog.split(entry.url)?.path,
                !path.contains("/_next/static/")
            else { continue }
            if entry.request.headerFields[.ifNoneMatch] != nil, fetch.response.headerFields[.contentType] == nil, let stored = whole[path] {
                fetch.response = stored.response
                fetch.body = stored.body
            } else if fetch.response.headerFields[.contentType] != nil {
                whole[path] = fetch
            }
            let step = (starts.lastIndex { $0 <= entry.started.addingTimeInterval(0.0005) }) ?? 0
            let rawRequest = raw.indices.contains(index) ? raw[index] : .null
            let transfer = rawRequest["response"]?["_transferSize"]?.doubleValue
            let headers = entry.request.headerFields
            steps[step].append(
                RecordedRequest(
                    fetch: fetch, method: entry.request.method.rawValue, target: path, purpose: headers[.purpose],
                    middlewarePrefetch: headers[.middlewarePrefetch], headersComplete: headers[HTTPField.Name("host")!] != nil && transfer != 0))
        }
        self.steps = steps.map(RecordedSite.mergingRevalidations)
        documents = stepsJSON.map(RecordedSite.document)
    }

    /// A response Chromium's HTTP cache gave (stale, `stale-while-revalidate`) and the request it
    /// sent at once to revalidate it are one request of the page: the page read the first answer,
    /// the server saw the second request.
    private static func mergingRevalidations(_ requests: [RecordedRequest]) -> [RecordedRequest] {
        var merged: [RecordedRequest] = []
        var dropped: Set<Int> = []
        for (index, request) in requests.enumerated() where !dropped.contains(index) {
            // Next.js 16's data answers have no ETag: its revalidation is an ordinary request, sent at once.
            if !request.headersComplete,
                let revalidation = requests.indices.first(where: { later in
                    later > index && !dropped.contains(later) && requests[later].target == request.target && requests[later].method == request.method
                        && requests[later].fetch.started.timeIntervalSince(request.fetch.started) < 1
                })
            {
                dropped.insert(revalidation)
                // The page read the cached answer; the server saw the revalidation's request.
                var fetch = request.fetch
                fetch.request = requests[revalidation].fetch.request
                merged.append(
                    RecordedRequest(
                        fetch: fetch, method: request.method, target: request.target, purpose: request.purpose,
                        middlewarePrefetch: request.middlewarePrefetch, headersComplete: true))
                continue
            }
            merged.append(request)
        }
        return merged
    }

    /// The page a step ended on, with the router's props as its `__NEXT_DATA__`.
    private static func document(_ step: JSONValue) -> String? {
        guard let after = step["after"], let html = after["html"]?.stringValue, let props = after["props"], props != .null else { return nil }
        let nextData: JSONValue = ["props": props, "page": after["route"] ?? .null, "query": .object([]), "buildId": "recorded"]
        guard let open = html.range(of: #"<script id="__NEXT_DATA__" type="application/json">"#), let close = html[open.upperBound...].range(of: "</script>")
        else { return html }
        return String(html[..<open.upperBound]) + nextData.jsonText + String(html[close.lowerBound...])
    }

    var step: Int {
        get { state.withLock { $0.step } }
        set { state.withLock { $0.step = newValue } }
    }

    var unexpected: [String] { state.withLock { $0.unexpected } }

    func siteInfo() async throws(TransportError) -> SiteInfo {
        let files = self.files
        return try await SiteDiscovery(origin: origin, entryPath: entryPath) { request throws(TransportError) in
            guard let fetch = files[request.path ?? "/"] else { throw TransportError("\(request.path ?? "/") is not among the recorded files") }
            return Fetch(request: request, response: fetch.response, body: fetch.body, timing: fetch.timing)
        }.siteInfo()
    }

    func send(_ request: HTTPRequest, body: [UInt8]) async throws(TransportError) -> Fetch {
        let path = request.path ?? "/"
        let method = request.method.rawValue
        let fields = request.headerFields
        return try state.withLock { state throws(TransportError) -> Fetch in
            let step = state.step
            let candidates = steps.indices.contains(step) ? steps[step] : []
            if let index = candidates.indices.first(where: { index in
                !state.used.contains(step * 10_000 + index) && candidates[index].method == method && candidates[index].target == path
                    && candidates[index].purpose == fields[.purpose] && candidates[index].middlewarePrefetch == fields[.middlewarePrefetch]
            }) {
                state.used.insert(step * 10_000 + index)
                var fetch = candidates[index].fetch
                fetch.request = request
                return fetch
            }
            if method == "GET", fields[.nextjsData] == nil, documents.indices.contains(step), let html = documents[step] {
                return Fetch(
                    request: request, response: HTTPResponse(status: .ok, headerFields: [.contentType: "text/html; charset=utf-8"]),
                    body: Array(html.utf8), timing: Timing(total: .zero, serverTimingOf: [:]))
            }
            state.unexpected.append("step \(step): \(method) \(path) \(fields[.purpose].map { "purpose: \($0) " } ?? "")")
            throw TransportError("\(method) \(path) was not asked by the browser in step \(step)")
        }
    }

    func renderClientSide(page: String, pageProps: [UInt8]) -> Result<String, ClientRenderError>? { nil }

    private static func bytes(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    private static func json(_ url: URL) throws -> JSONValue {
        try HARLog.json(bytes: Array(try bytes(url)), name: url.lastPathComponent)
    }
}

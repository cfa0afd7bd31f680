import Foundation
import HTTPTypes
import SSR

extension HARLog {
    /// A session's exchanges as a HAR: one page per navigation, one entry per request it made
    /// (the prefetches of the page it arrived at, and the explorer's fetch of the server's
    /// document too, marked so), in order. `origin` is
    /// the scheme and host the navigator's requests went to (`http://localhost` in-process); an
    /// exchange read from a recording keeps its own.
    ///
    /// The HTTP traffic is plain HAR; what the traffic cannot say rides in each page's
    /// `_explorer` field: what was asked for, the notes, the client's own render and its
    /// hydration check. Reading the file applies Next.js's client rules to the traffic again
    /// (``RecordedSession``), so the rest comes back from the requests themselves.
    public init(session exchanges: [Exchange], origin: String) {
        var pages: [Page] = [], entries: [Entry] = []
        for (index, exchange) in exchanges.enumerated() {
            let id = "exchange_\(index + 1)"
            let fetches: [(Fetch, JSONValue.Member?)] =
                exchange.fetches.map { ($0, nil) } + exchange.prefetches.map { ($0, JSONValue.Member("prefetch", true)) }
                + (exchange.serverDocument.map { [($0, JSONValue.Member("serverDocument", true))] } ?? [])
            pages.append(Page(
                id: id, title: "\(exchange.requested.rawValue) \(exchange.target)",
                started: fetches.first?.0.started ?? Date(), explorer: HARLog.record(exchange)))
            for (fetch, mark) in fetches {
                var marks: [JSONValue.Member] = []
                // No phase measured by the client: the request never left the process.
                if !fetch.timing.phases.contains(where: { $0.source == .client }) { marks.append(.init("inProcess", true)) }
                // The explorer's own fetch of the server's document, or a prefetch of the page shown.
                if let mark { marks.append(mark) }
                entries.append(Entry(
                    pageref: id, started: fetch.started, url: HARLog.origin(of: fetch.request, navigatorOrigin: origin) + (fetch.request.path ?? "/"),
                    fetch: fetch, request: fetch.request,
                    failure: nil, resourceType: nil, bodyMissing: false, explorer: marks.isEmpty ? nil : .object(marks)))
            }
        }
        self.init(creator: "gssp-explorer", pages: pages, entries: entries)
    }

    private static func origin(of request: HTTPRequest, navigatorOrigin: String) -> String {
        guard let authority = request.authority, authority != Navigator.requestAuthority else { return navigatorOrigin }
        return "\(request.scheme ?? "http")://\(authority)"
    }

    /// What the requests do not tell of `exchange`.
    private static func record(_ exchange: Exchange) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("requested", .string(exchange.requested.rawValue)), .init("target", .string(exchange.target)),
            .init("page", exchange.page.map(JSONValue.string) ?? .null),
            .init("notes", .array(exchange.notes.map(JSONValue.string))),
        ]
        // The HTML the client rendered (in-process), which no response carries.
        let fetched = [exchange.lastFetch, exchange.serverDocument].compactMap { $0?.bodyText }
        if let html = exchange.html, !fetched.contains(html) { members.append(.init("clientHTML", .string(html))) }
        if let check = exchange.hydration {
            let verdict: JSONValue = switch check.verdict {
            case .match: ["match": true]
            case .mismatch(let offset): ["mismatchAt": .number(Double(offset))]
            case .failed: ["failed": true]
            }
            members.append(.init("hydration", ["verdict": verdict, "detail": .string(check.detail)]))
        }
        if let ms = exchange.clientRenderMilliseconds { members.append(.init("clientRenderMs", .number(ms))) }
        if let page = exchange.compiledPage { members.append(.init("compiledPage", .string(page))) }
        if case .failed(let reason) = exchange.outcome { members.append(.init("failed", .string(reason))) }
        return .object(members)
    }
}

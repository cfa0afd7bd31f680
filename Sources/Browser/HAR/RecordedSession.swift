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
                RecordedSession.exchange(page, byPage[page.id] ?? [], buildId: &buildId)
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
    private static func exchange(_ page: HARLog.Page, _ entries: [HARLog.Entry], buildId: inout String?) -> Exchange {
        let record = page.explorer ?? .null
        let requested = Exchange.Kind(rawValue: record["requested"]?.stringValue ?? "") ?? .hardNavigation
        var replay = Replay(Exchange(requested: requested, target: record["target"]?.stringValue ?? "/"), basePath: "", buildId: buildId)
        var serverDocument: Fetch?
        for entry in entries {
            guard let fetch = entry.fetch else { continue }
            if entry.explorer?["serverDocument"] == .bool(true) {
                serverDocument = fetch
            } else if entry.explorer?["prefetch"] == .bool(true) {
                replay.exchange.prefetches.append(fetch)
            } else {
                replay.take(fetch, bodyMissing: entry.bodyMissing)
            }
        }
        // A navigation that failed stops where it stopped: nothing more was coming.
        if record["failed"] == nil { replay.finish() }
        buildId = replay.buildId
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

    static func origin(of url: String) -> String? {
        HARLog.split(url).map { "\($0.scheme)://\($0.authority)" }
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

import Browser
import SSR

/// The same path fetched both ways: what a client transition saves over a hard navigation.
package struct Comparison: Sendable {
    package let path: String
    package let hard: Exchange
    package let client: Exchange

    package init(path: String, hard: Exchange, client: Exchange) {
        self.path = path
        self.hard = hard
        self.client = client
    }

    /// Rows of the table: what is measured, then the hard and the client value.
    package var rows: [(label: String, hard: String, client: String)] {
        func status(_ e: Exchange) -> String {
            e.lastFetch.map { "\($0.response.status.code) \($0.response.status.reasonPhrase)" } ?? "(no request)"
        }
        func headerBytes(_ e: Exchange) -> Int {
            e.fetches.reduce(0) { total, fetch in
                total + fetch.response.headerFields.reduce(0) { $0 + $1.name.rawName.utf8.count + 2 + $1.value.utf8.count + 2 }
            }
        }
        func type(_ e: Exchange) -> String { e.lastFetch?.response.headerFields[.contentType] ?? "—" }
        func cache(_ e: Exchange) -> String { e.lastFetch?.response.headerFields[.cacheControl] ?? "—" }
        return [
            ("requests", "\(hard.fetches.count)", "\(client.fetches.count)"),
            ("status", status(hard), status(client)),
            ("body bytes", PrettyBytes.format(bodyBytes(hard)), PrettyBytes.format(bodyBytes(client))),
            ("header bytes", PrettyBytes.format(headerBytes(hard)), PrettyBytes.format(headerBytes(client))),
            ("content-type", type(hard), type(client)),
            ("cache-control", cache(hard), cache(client)),
            ("time", Timing.text(milliseconds: hard.totalMilliseconds), Timing.text(milliseconds: client.totalMilliseconds)),
        ]
    }

    func bodyBytes(_ exchange: Exchange) -> Int { exchange.fetches.reduce(0) { $0 + $1.body.count } }

    /// The verdict in one sentence.
    package var verdict: String {
        let hardBytes = bodyBytes(hard), clientBytes = bodyBytes(client)
        guard hardBytes > 0 else { return "The hard navigation fetched nothing to compare with." }
        if client.fetches.isEmpty {
            return "The client transition fetched nothing: a static page renders from its JavaScript bundle."
        }
        let saved = 100 - Double(clientBytes) / Double(hardBytes) * 100
        let faster = hard.totalMilliseconds > 0 ? 100 - client.totalMilliseconds / hard.totalMilliseconds * 100 : 0
        let bytesPart = saved >= 0 ? "\(Int(saved.rounded()))% fewer bytes" : "\(Int((-saved).rounded()))% more bytes"
        let timePart = faster >= 0 ? "\(Int(faster.rounded()))% less time" : "\(Int((-faster).rounded()))% more time"
        return "The client transition fetched \(bytesPart) and took \(timePart) (props only, no document)."
    }
}

import HTTPTypes
import SSR

/// Two exchanges compared: what the page ended as (status, URL, kind), the props by path, the
/// answer's headers, and whether a shared cache would hand one side's props to the other.
///
/// ```swift
/// let diff = ExchangeDiff(asAda, asGrace)
/// diff.agree      // false: the props differ
/// diff.cacheLeak  // nil: the dashboard is private
/// ```
public struct ExchangeDiff: Sendable {
    /// A value of each side that differs: a status, a header, a URL.
    public struct Difference: Sendable, Equatable {
        public let name: String
        public let a: String?
        public let b: String?

        public init(name: String, a: String?, b: String?) {
            self.name = name
            self.a = a
            self.b = b
        }
    }

    /// Status, final URL, the redirects followed, navigation kind and outcome, where they differ.
    public let page: [Difference]
    /// The last answer's headers that differ (one per name, values joined), ignored ones aside.
    public let headers: [Difference]
    /// What the two last requests sent differently (a cookie, a header): what told them apart.
    public let sent: [Difference]
    /// `nil` when a side has no props.
    public let props: PropsDiff?
    /// The HTML line by line, when both sides have the same kind (both documents, or both the
    /// client's render); `nil` otherwise.
    public let html: LineDiff?
    /// A shared cache may store the answer without keying on what told the two sides apart:
    /// it would serve one side's props to the other. In words, naming the differing paths.
    public let cacheLeak: String?
    /// What each side's Cache-Control means, in words, when the two differ.
    public let cacheVerdicts: (a: [String], b: [String])?
    public let milliseconds: (a: Double, b: Double)

    /// Headers that differ from one request to the next whatever the page: left out unless asked.
    public static let perRequestHeaders: Set<String> = ["date", "connection", "keep-alive", "transfer-encoding", "server-timing", "age"]

    /// `htmlLines` are each side's HTML as lines (the explorer lays it out, one element a line);
    /// without them the HTML is not compared.
    public init(
        _ a: Exchange, _ b: Exchange, ignoring ignored: Set<String> = ExchangeDiff.perRequestHeaders, htmlLines: (a: [String], b: [String])? = nil
    ) {
        func outcome(_ exchange: Exchange) -> String {
            switch exchange.outcome {
            case .page: "page"
            case .clientNotFound: "404 rendered by the client"
            case .leftSite(let url): "leaves the site for \(url)"
            case .failed(let message): "failed: \(message)"
            }
        }
        let pairs: [(String, String?, String?)] = [
            ("status", a.lastFetch.map { String($0.response.status.code) }, b.lastFetch.map { String($0.response.status.code) }),
            ("url", a.url, b.url),
            ("redirects", a.redirects.isEmpty ? "none" : a.redirects.joined(separator: ", "),
             b.redirects.isEmpty ? "none" : b.redirects.joined(separator: ", ")),
            ("kind", a.kind.rawValue, b.kind.rawValue),
            ("outcome", outcome(a), outcome(b)),
        ]
        page = pairs.filter { $0.1 != $0.2 }.map { Difference(name: $0.0, a: $0.1, b: $0.2) }
        headers = ExchangeDiff.headers(a.lastFetch?.response.headerFields ?? [:], b.lastFetch?.response.headerFields ?? [:], ignoring: ignored)
        sent = ExchangeDiff.headers(a.lastFetch?.request.headerFields ?? [:], b.lastFetch?.request.headerFields ?? [:], ignoring: ignored)
        props = a.props.flatMap { old in b.props.map { PropsDiff(old, $0) } }
        let sameKindOfHTML = a.html != nil && b.html != nil && (a.kind == .hardNavigation) == (b.kind == .hardNavigation)
            && (a.serverDocument == nil) == (b.serverDocument == nil)
        html = sameKindOfHTML ? htmlLines.map { LineDiff($0.a, $0.b) } : nil
        milliseconds = (a.totalMilliseconds, b.totalMilliseconds)
        cacheLeak = ExchangeDiff.cacheLeak(a, b, props)
        let readings = [a, b].map { exchange in
            exchange.lastFetch.map { CacheControlReading(response: $0.response.headerFields, request: $0.request.headerFields) }
        }
        if let left = readings[0], let right = readings[1], left.header != right.header {
            cacheVerdicts = (left.sentences + left.warnings.map { "⚠ " + $0 }, right.sentences + right.warnings.map { "⚠ " + $0 })
        } else {
            cacheVerdicts = nil
        }
    }

    /// Status, URL, headers and props alike (time is not compared).
    public var agree: Bool { page.isEmpty && headers.isEmpty && (props?.isEmpty ?? true) && (html?.isEmpty ?? true) }

    private static func headers(_ a: HTTPFields, _ b: HTTPFields, ignoring ignored: Set<String>) -> [Difference] {
        var names: [String] = []
        for field in a + b where !names.contains(field.name.canonicalName) && !ignored.contains(field.name.canonicalName) {
            names.append(field.name.canonicalName)
        }
        return names.compactMap { name in
            let key = HTTPField.Name(name)!
            let left = a[values: key], right = b[values: key]
            guard left != right else { return nil }
            let shown = (a + b).first { $0.name == key }?.name.rawName ?? name
            return Difference(name: shown, a: left.isEmpty ? nil : left.joined(separator: ", "), b: right.isEmpty ? nil : right.joined(separator: ", "))
        }
    }

    /// Props that differ between two requests that differ in `Cookie` or `Authorization`, on an
    /// answer shared caches may store without varying on the header that told them apart.
    private static func cacheLeak(_ a: Exchange, _ b: Exchange, _ props: PropsDiff?) -> String? {
        guard let props, !props.isEmpty, let left = a.lastFetch, let right = b.lastFetch else { return nil }
        let identities: [(String, HTTPField.Name)] = [("Cookie", .cookie), ("Authorization", .authorization)]
        let differing = identities.filter { left.request.headerFields[$0.1] != right.request.headerFields[$0.1] }
        guard !differing.isEmpty else { return nil }
        for fetch in [left, right] {
            let reading = CacheControlReading(response: fetch.response.headerFields, request: fetch.request.headerFields)
            let unkeyed = differing.filter { !reading.vary.contains($0.0.lowercased()) && !reading.vary.contains("*") }
            guard reading.sharedCacheable, !unkeyed.isEmpty else { continue }
            let paths = props.changes.prefix(5).map(\.path).joined(separator: ", ") + (props.changes.count > 5 ? ", …" : "")
            return "A shared cache may store this answer (\(reading.header ?? "")) without Vary: \(unkeyed.map(\.0).joined(separator: ", ")): it would hand one side's props to the other, and they differ at \(paths)."
        }
        return nil
    }

    /// The comparison as text: what differs, side `a` first.
    public func lines(a: String = "a", b: String = "b") -> [String] {
        var lines = sentLines() + pageLines(a: a, b: b) + headerLines() + cacheLines(a: a, b: b)
        if let props {
            lines.append("Props")
            lines += props.lines().map { "  " + $0 }
        } else {
            lines.append("Props: not compared (a side has none)")
        }
        if let html, !html.isEmpty {
            lines.append("HTML")
            lines += html.text.prefix(200).map { "  " + $0 }
            if html.lines.count > 200 { lines.append("  … \(html.lines.count - 200) more lines of the HTML diff") }
        }
        if let cacheLeak { lines.append("⚠ " + cacheLeak) }
        lines.append(timeLine(a: a, b: b))
        lines.append(verdict)
        return lines
    }

    /// Status, URL, redirects, kind and outcome where they differ: `status: 200 (a) → 404 (b)`.
    public func pageLines(a: String = "a", b: String = "b") -> [String] {
        page.map { "\($0.name): \($0.a ?? "—") (\(a)) → \($0.b ?? "—") (\(b))" }
    }

    /// `Headers` and a line per response header that differs (`+`, `-`, `~`); nothing when none does.
    public func headerLines() -> [String] { ExchangeDiff.lines("Headers", headers) }

    /// `Sent` and a line per request header the two sent differently; nothing when none.
    public func sentLines() -> [String] { ExchangeDiff.lines("Sent", sent) }

    private static func lines(_ title: String, _ differences: [Difference]) -> [String] {
        guard !differences.isEmpty else { return [] }
        return [title] + differences.map { difference in
            switch (difference.a, difference.b) {
            case (nil, let value?): "  + \(difference.name): \(value)"
            case (let value?, nil): "  - \(difference.name): \(value)"
            default: "  ~ \(difference.name): \(difference.a ?? "") → \(difference.b ?? "")"
            }
        }
    }

    /// Each side's Cache-Control in words, when the two differ.
    public func cacheLines(a: String = "a", b: String = "b") -> [String] {
        guard let cacheVerdicts else { return [] }
        return [(a, cacheVerdicts.a), (b, cacheVerdicts.b)].flatMap { side, verdicts in
            ["Cache-Control (\(side))"] + verdicts.map { "  • " + $0 }
        }
    }

    public func timeLine(a: String = "a", b: String = "b") -> String {
        "Time: \(Timing.text(milliseconds: milliseconds.a)) (\(a)), \(Timing.text(milliseconds: milliseconds.b)) (\(b)), not compared"
    }

    public var verdict: String { agree ? "The two agree." : "The two differ." }
}

extension ExchangeDiff {
    /// The comparison as one JSON object (`explorer diff --json`), keys in a fixed order.
    public var json: JSONValue {
        func differences(_ list: [Difference]) -> JSONValue {
            .array(list.map { ["name": .string($0.name), "a": $0.a.map(JSONValue.string) ?? .null, "b": $0.b.map(JSONValue.string) ?? .null] })
        }
        let props: JSONValue = self.props.map { diff in
            .object([
                .init("byteDelta", .number(Double(diff.byteDelta))),
                .init("changes", .array(diff.changes.map { change in
                    let kind: JSONValue = switch change.kind {
                    case .added: "added"
                    case .removed: "removed"
                    case .changed: "changed"
                    case .moved: "moved"
                    }
                    var members: [JSONValue.Member] = [.init("kind", kind), .init("path", .string(change.path))]
                    if case .moved(let from) = change.kind { members.append(.init("from", .number(Double(from)))) }
                    members += [
                        .init("old", change.old ?? .null), .init("new", change.new ?? .null), .init("byteDelta", .number(Double(change.byteDelta))),
                    ]
                    return .object(members)
                })),
            ])
        } ?? .null
        return .object([
            .init("agree", .bool(agree)),
            .init("page", differences(page)),
            .init("sent", differences(sent)),
            .init("headers", differences(headers)),
            .init("props", props),
            .init("html", html.map { .array($0.text.map(JSONValue.string)) } ?? .null),
            .init("cacheLeak", cacheLeak.map(JSONValue.string) ?? .null),
            .init("cacheVerdicts", cacheVerdicts.map { ["a": .array($0.a.map(JSONValue.string)), "b": .array($0.b.map(JSONValue.string))] } ?? .null),
            .init("ms", ["a": .number(milliseconds.a), "b": .number(milliseconds.b)]),
        ])
    }
}

import Browser
import Foundation
import SSR

/// The text `explorer inspect` prints: the four views of an exchange (props, HTML, headers,
/// timing), then the analyzers' findings. Untrusted text is escaped for the terminal.
struct InspectReport {
    let exchange: Exchange
    let analysis: Analysis
    let serverLog: [String]
    let origin: String
    /// Lines of props and of HTML printed at most (each); `nil` for all.
    var maxLines: Int? = nil

    var text: String {
        var out: [String] = []
        summary(&out)
        section("Props", props, &out)
        section("HTML", html, &out)
        section("Headers", headers, &out)
        section("Timing", timing, &out)
        section("Findings", findings, &out)
        return out.joined(separator: "\n")
    }

    private func section(_ title: String, _ body: (inout [String]) -> Void, _ out: inout [String]) {
        out.append("")
        out.append("── \(title) " + String(repeating: "─", count: max(3, 60 - title.count)))
        body(&out)
    }

    private func summary(_ out: inout [String]) {
        let how = exchange.kind == exchange.requested ? exchange.kind.rawValue : "\(exchange.requested.rawValue) → \(exchange.kind.rawValue)"
        out.append("\(how) to \(safe(exchange.target)) · \(origin)")
        var result: [String] = []
        if let fetch = exchange.lastFetch { result.append(safe("\(fetch.response.status.code) \(fetch.response.status.reasonPhrase)")) }
        switch exchange.outcome {
        case .page: break
        case .clientNotFound: result.append("404 page rendered by the client")
        case .leftSite(let url): result.append("leaves the site for \(safe(url))")
        case .failed(let message): result.append("failed: \(safe(message))")
        }
        if let page = exchange.page { result.append("page \(safe(page))") }
        if exchange.url != exchange.target, exchange.outcome == .page || exchange.outcome == .clientNotFound {
            result.append("address \(safe(exchange.url))")
        }
        // Nothing timed (no request made) is no time at all, not 0.00 ms.
        if !exchange.fetches.isEmpty || exchange.clientRenderMilliseconds != nil { result.append(milliseconds(exchange.totalMilliseconds)) }
        out.append("→ " + result.joined(separator: " · "))
        // The failure is said on the line above; its note is not repeated.
        var failure: String?
        if case .failed(let reason) = exchange.outcome { failure = reason }
        for note in exchange.notes where note != failure { out.append("  • " + safe(note)) }
    }

    private func props(_ out: inout [String]) {
        guard let props = exchange.props else {
            out.append("(no props: \(exchange.outcome == .clientNotFound ? "the 404 page has none" : "no page was rendered"))")
            return
        }
        let source = switch exchange.propsSource {
        case .nextData?: "from __NEXT_DATA__"
        case .staticPage?: "of a static page (nothing fetched)"
        case .unreadableResponse?: "empty: the data response was not JSON"
        case .dataResponse?, nil: "from the data response"
        }
        out.append("pageProps \(source), \(PrettyBytes.format(analysis.propsSize?.total ?? 0)):")
        limited(safe(PrettyJSON.format(props)), "props", &out)
    }

    /// `text`, but past `maxLines` lines a line that says how many more there are and how to
    /// see them.
    private func limited(_ text: String, _ what: String, _ out: inout [String]) {
        guard let maxLines else { return out.append(text) }
        var shown = 0
        var end = text.startIndex
        while shown < maxLines, end < text.endIndex {
            end = text[end...].firstIndex(of: "\n").map { text.index(after: $0) } ?? text.endIndex
            shown += 1
        }
        guard end < text.endIndex else { return out.append(text) }
        out.append(String(text[..<text.index(before: end)]))
        let rest = text[end...].reduce(into: 1) { count, character in if character == "\n" { count += 1 } }
        out.append("… \(rest) more lines of \(what) (--max-lines 0 prints them all; --json gives the whole exchange)")
    }

    private func html(_ out: inout [String]) {
        guard let html = exchange.html else {
            out.append("(no HTML)")
            return
        }
        let what = exchange.kind == .hardNavigation
            ? "the document the server sent"
            : "rendered by the client inside <div id=\"__next\"> from the props"
        out.append("\(what), \(PrettyBytes.format(html.utf8.count)):")
        limited(safe(html), "HTML", &out)
        if let hydration = exchange.hydration {
            let mark = switch hydration.verdict {
            case .match: "✓"
            case .mismatch: "✗ hydration mismatch:"
            case .failed: "✗"
            }
            out.append("Hydration check: \(mark) \(safe(hydration.detail))")
        }
    }

    private func headers(_ out: inout [String]) {
        guard !exchange.fetches.isEmpty else {
            out.append("(no request was made)")
            return
        }
        for (i, fetch) in exchange.fetches.enumerated() {
            if i > 0 { out.append("") }
            out.append(safe(fetch.requestLine))
            for field in fetch.request.headerFields { out.append("  \(field.name): \(safe(field.value))") }
            out.append(safe("\(fetch.response.status.code) \(fetch.response.status.reasonPhrase)") + " · \(PrettyBytes.format(fetch.body.count))")
            for field in fetch.response.headerFields { out.append("  \(field.name): \(safe(field.value))") }
        }
    }

    private func timing(_ out: inout [String]) {
        let longest = max(exchange.fetches.map(\.timing.totalMilliseconds).max() ?? 0, exchange.clientRenderMilliseconds ?? 0, 0.001)
        func bar(_ name: String, _ ms: Double) -> String {
            let label = name.padding(toLength: 17, withPad: " ", startingAt: 0)
            let value = milliseconds(ms)
            return "  \(label) \(String(repeating: " ", count: max(0, 10 - value.count)))\(value) " + TimingBar.bar(ms, of: longest, width: 30)
        }
        if exchange.fetches.isEmpty && exchange.clientRenderMilliseconds == nil { out.append("(nothing was timed)") }
        for fetch in exchange.fetches {
            out.append(safe(fetch.requestLine))
            out.append(bar("total", fetch.timing.totalMilliseconds))
            for phase in fetch.timing.phases {
                out.append(bar(safe(phase.name) + (phase.source == .server ? " (server)" : ""), phase.milliseconds))
            }
        }
        if let render = exchange.clientRenderMilliseconds { out.append(bar("client render", render)) }
    }

    private func findings(_ out: inout [String]) {
        if let size = analysis.propsSize {
            let percent = String(format: "%.1f", Double(size.total) / Double(size.threshold) * 100)
            out.append("Props size: \(PrettyBytes.format(size.total)), \(percent)% of Next.js's \(PrettyBytes.format(size.threshold)) large-page-data threshold"
                + (size.isOverThreshold ? " ⚠ over it: every visit sends this much" : ""))
            for node in size.largest(5) where node.share >= 0.01 {
                out.append("  \(safe(node.path))  \(PrettyBytes.format(node.bytes)) (\(Int((node.share * 100).rounded()))%)")
            }
        }
        if !analysis.sensitive.isEmpty {
            out.append("Props that look sensitive (props are public: anyone who gets the page can read them):")
            for finding in analysis.sensitive { out.append("  ⚠ \(safe(finding.path)): \(finding.reason)") }
        }
        if let cache = analysis.cacheControl {
            out.append("Cache-Control: \(safe(cache.header ?? "(none)"))")
            for sentence in cache.sentences { out.append("  • \(sentence)") }
            for warning in cache.warnings { out.append("  ⚠ \(warning)") }
        }
        let pages = analysis.links.compactMap { link -> String? in
            guard case .page(let path) = link.destination else { return nil }
            return "  \(safe(path))  \(safe(link.text))"
        }
        out.append("Links to pages of the site (\(pages.count)):")
        out.append(contentsOf: pages.prefix(50))
        if pages.count > 50 { out.append("  … \(pages.count - 50) more") }
        let external = analysis.links.filter { if case .external = $0.destination { true } else { false } }
        if !external.isEmpty { out.append("Links to other sites: \(external.map { safe($0.href) }.joined(separator: ", "))") }
        if !serverLog.isEmpty {
            out.append("Server log:")
            for entry in serverLog { out.append("  " + safe(entry).replacingOccurrences(of: "\n", with: "\n    ")) }
        }
    }

    private func safe(_ text: String) -> String { TerminalText.escaped(text) }

    private func milliseconds(_ ms: Double) -> String { Timing.text(milliseconds: ms) }
}

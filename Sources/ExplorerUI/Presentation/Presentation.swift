import Browser
import Foundation
import SSR

/// An exchange made ready to show: the props tree, the HTML's lines, the headers and the
/// timing, built once off the UI thread so that drawing only reads what is on screen.
package struct Presentation: Sendable {
    package let exchange: Exchange
    package let analysis: Analysis
    package var tree: JSONTree?
    /// The props' 20 heaviest parts, for the sizes window.
    package let largestParts: [PropsSize.Node]
    package let html: HTMLLines
    /// Lines above the HTML: what it is, and the hydration verdict.
    package let htmlPreamble: [StyledText]
    /// The headers view's lines; prose (Cache-Control in words, notes) is wrapped to the width.
    let headerBlocks: [(line: StyledText, wraps: Bool)]
    /// The recording the exchange was read from (`--har`), which the address line names in
    /// place of the site.
    package var recording: String?

    package init(_ exchange: Exchange) {
        let analysis = Analysis(exchange)
        let tree = Presentation.tree(exchange, analysis.propsSize, analysis.sensitive)
        self.init(exchange, analysis: analysis, tree: tree, html: HTMLLines(exchange.html ?? ""))
    }

    /// The same, made on several threads: the props' sizes here, their secrets, the HTML's lines
    /// and its links on others. A large page (`/archive`, 10 MB of props) is ready in little
    /// more than half the time on two cores.
    package static func prepared(_ exchange: Exchange) async -> Presentation {
        async let html = HTMLLines(exchange.html ?? "")
        async let links = Analysis.links(in: exchange)
        async let secrets = exchange.props.map(SensitiveProps.scan) ?? []
        let size = exchange.props.map { PropsSize($0) }
        let sensitive = await secrets
        let tree = Presentation.tree(exchange, size, sensitive)
        let analysis = await Analysis(exchange, propsSize: size, sensitive: sensitive, links: links)
        return await Presentation(exchange, analysis: analysis, tree: tree, html: html)
    }

    private static func tree(_ exchange: Exchange, _ size: PropsSize?, _ sensitive: [SensitiveFinding]) -> JSONTree? {
        guard let props = exchange.props, let size else { return nil }
        return JSONTree(props, size: size, sensitive: sensitive)
    }

    private init(_ exchange: Exchange, analysis: Analysis, tree: JSONTree?, html: HTMLLines) {
        self.exchange = exchange
        self.tree = tree
        largestParts = analysis.propsSize?.largest(20) ?? []
        // The tree and the largest parts are read: the size tree (as large as the props) is not kept.
        self.analysis = analysis.withSizeSummary
        self.html = html
        htmlPreamble = Presentation.preamble(exchange, html)
        headerBlocks = Presentation.headerBlocks(exchange, analysis)
    }

    /// The address line: the URL as an address bar shows it, then kind, status, what happened,
    /// time, the request; when the line is short the request goes first, then the notes are cut.
    var addressParts: [FittedLine.Part] {
        [.init(StyledText(AddressText.shown(exchange.url), .input), shrinks: true)] + summaryParts
    }

    private var summaryParts: [FittedLine.Part] {
        var parts: [FittedLine.Part] = []
        let kind = exchange.kind == exchange.requested ? exchange.kind.rawValue : "\(exchange.requested.rawValue) → \(exchange.kind.rawValue)"
        parts.append(.init(StyledText(kind, .strong), priority: 2))
        if let fetch = exchange.lastFetch {
            let status = fetch.response.status
            parts.append(.init(StyledText("\(status.code) \(status.reasonPhrase)", Style.status(status.code)), priority: 1))
        }
        switch exchange.outcome {
        case .page: break
        case .clientNotFound: parts.append(.init(StyledText("404 rendered by the client", .clientError), shrinks: true, priority: 1))
        case .leftSite(let url): parts.append(.init(StyledText("leaves the site for \(url)", .warning), shrinks: true, priority: 3))
        case .failed(let message): parts.append(.init(StyledText("failed: \(message)", .serverError), shrinks: true, priority: 3))
        }
        if exchange.fetches.isEmpty, exchange.propsSource == .staticPage {
            parts.append(.init(StyledText("static page, nothing fetched", .dim), shrinks: true, priority: 4))
        }
        if !exchange.fetches.isEmpty || exchange.clientRenderMilliseconds != nil {
            parts.append(.init(StyledText(Timing.text(milliseconds: exchange.totalMilliseconds), .number), priority: 1))
        }
        // Cut, the request says nothing: it goes whole or not at all (the Headers view has it).
        if let fetch = exchange.lastFetch { parts.append(.init(StyledText(fetch.requestLine, .dim), priority: 5)) }
        return parts
    }

    private static func preamble(_ exchange: Exchange, _ htmlLines: HTMLLines) -> [StyledText] {
        guard let html = exchange.html else {
            if exchange.kind == .clientTransition, exchange.outcome == .page {
                return [
                    StyledText("No HTML here: after a client transition the browser", .dim),
                    StyledText("renders the page from the props, and a remote site's", .dim),
                    StyledText("pages cannot run in the explorer. H fetches the document", .dim),
                    StyledText("(o, +document: fetched after every transition).", .dim),
                ]
            }
            return [StyledText("(no HTML: \(reason(exchange)))", .dim)]
        }
        var lines: [StyledText] = []
        let what = if exchange.kind == .hardNavigation {
            "The document the server sent"
        } else if exchange.serverDocument != nil {
            "The server's document for this URL"
        } else {
            "Rendered by the client inside <div id=\"__next\"> from the props"
        }
        lines.append(StyledText("\(what), \(PrettyBytes.format(html.utf8.count))", .heading))
        if exchange.kind == .clientTransition, exchange.serverDocument != nil {
            // Short lines: the HTML pane is about 45 columns at 120.
            lines.append(StyledText("fetched by the explorer, not the browser,", .dim))
            lines.append(StyledText("after the transition (o, -document: not)", .dim))
            switch exchange.documentPropsAgree {
            case true?: lines.append(StyledText("✓ its props equal the data response's", .success))
            case false?:
                lines.append(StyledText("✗ its props differ from the data response's:", .warning))
                lines.append(StyledText("getServerSideProps answered differently", .warning))
            case nil: break
            }
        }
        if let hydration = exchange.hydration {
            var verdict = StyledText("Hydration: ", .strong)
            switch hydration.verdict {
            case .match: verdict.append("✓ match", .success)
            case .mismatch: verdict.append("✗ mismatch", .serverError)
            case .failed: verdict.append("✗ failed", .serverError)
            }
            verdict.append(" — \(hydration.detail)", .dim)
            lines.append(verdict)
        }
        if let error = exchange.serverError {
            var title = StyledText("Server error: ", .serverError)
            title.append("\(error.name.isEmpty ? "Error" : error.name): \(error.message)", .strong)
            lines.append(title)
            let stack = error.stack.split(separator: "\n", omittingEmptySubsequences: true)
            for line in stack.prefix(12) { lines.append(StyledText("  " + line, .dim)) }
            if stack.count > 12 { lines.append(StyledText("  … \(stack.count - 12) more lines of stack", .dim)) }
        }
        // The lines know where `__NEXT_DATA__` is: a search of a 10 MB document showed in profiles.
        if exchange.kind == .hardNavigation || exchange.serverDocument != nil, htmlLines.lines.contains(where: { $0.kind == .nextData }) {
            lines.append(nextDataLegend)
        }
        lines.append("")
        return lines
    }

    /// Line `index` of the Props tree; the first says where the props came from.
    func propsLine(_ tree: JSONTree, _ index: Int) -> StyledText {
        var line = tree.line(index)
        guard index == 0, let source = exchange.propsSource else { return line }
        let text = switch source {
        case .dataResponse: "from the data response"
        case .nextData: "from __NEXT_DATA__"
        case .staticPage: "a static page's (nothing fetched)"
        case .unreadableResponse: "none: the data response was not JSON"
        case .clientInitialProps: "getInitialProps ran in the browser (the server's run shown)"
        }
        line.append(" · \(text)", .dim)
        return line
    }

    /// What the Props view says when there are no props.
    var noPropsLine: StyledText {
        let reason = switch exchange.outcome {
        case .clientNotFound: "(no props: the client renders its 404 page without any)"
        case .failed(let message): "(no props: \(message))"
        case .leftSite(let url): "(no props: the browser leaves for \(url))"
        case .page: "(no props)"
        }
        return StyledText(reason, .dim)
    }

    /// A line about colour, for the screen only.
    static let nextDataLegend: StyledText = {
        var marker = StyledText("__NEXT_DATA__", .nextData)
        marker.append(" (the props, for the client to hydrate) is shown in this colour", .dim)
        return marker
    }()

    private static func reason(_ exchange: Exchange) -> String {
        switch exchange.outcome {
        case .failed(let message): message
        case .leftSite(let url): "the browser leaves for \(url)"
        default: "nothing rendered"
        }
    }

    /// The headers view at a given width.
    package func headerLines(width: Int) -> [StyledText] {
        var lines: [StyledText] = []
        for (line, wraps) in headerBlocks {
            guard wraps, let run = line.runs.first, line.runs.count == 1, DisplayWidth.of(run.text) > width else {
                lines.append(line)
                continue
            }
            // "  • text" continues under "text".
            let lead = String(run.text.prefix { $0 == " " || $0 == "•" || $0 == "⚠" })
            let body = String(run.text.dropFirst(lead.count))
            let indent = String(repeating: " ", count: DisplayWidth.of(lead))
            for (index, piece) in Screen.wrap(body, width: max(10, width - indent.count)).enumerated() {
                lines.append(StyledText((index == 0 ? lead : indent) + piece, run.style))
            }
        }
        return lines
    }

    private static func headerBlocks(_ exchange: Exchange, _ analysis: Analysis) -> [(line: StyledText, wraps: Bool)] {
        var lines: [(line: StyledText, wraps: Bool)] = []
        if exchange.fetches.isEmpty { lines.append((StyledText("(no request was made: \(exchange.propsSource == .staticPage ? "a static page renders from its bundle" : reason(exchange)))", .dim), true)) }
        var shown = exchange.fetches.map { (fetch: $0, afterwards: false) }
        if let document = exchange.serverDocument { shown.append((document, true)) }
        for (index, (fetch, afterwards)) in shown.enumerated() {
            if index > 0 { lines.append(("", false)) }
            if afterwards {
                lines.append((StyledText("Fetched by the explorer after the transition, for the HTML view (not by the browser):", .dim), true))
            }
            var request = StyledText("→ ", .dim)
            request.append(fetch.requestLine, .heading)
            lines.append((request, false))
            for field in fetch.request.headerFields { lines.append((headerLine(field.name.rawName, field.value), false)) }
            var status = StyledText("← ", .dim)
            status.append("\(fetch.response.status.code) \(fetch.response.status.reasonPhrase)", Style.status(fetch.response.status.code))
            status.append(" · \(PrettyBytes.format(fetch.body.count))", .dim)
            if let encoding = fetch.response.headerFields[.contentEncoding], ["gzip", "x-gzip", "deflate"].contains(encoding.lowercased()) {
                status.append(" decoded from \(encoding)", .dim)
            }
            lines.append((status, false))
            for field in fetch.response.headerFields { lines.append((headerLine(field.name.rawName, field.value), false)) }
            for sentence in NextHeadersReading(response: fetch.response.headerFields).sentences {
                lines.append((StyledText("  • \(sentence)"), true))
            }
        }
        if let cache = analysis.cacheControl {
            lines.append(("", false))
            var title = StyledText("Cache-Control", .heading)
            title.append(cache.header.map { ": \($0)" } ?? " (none)", .dim)
            lines.append((title, false))
            for sentence in cache.sentences { lines.append((StyledText("  • \(sentence)"), true)) }
            for warning in cache.warnings { lines.append((StyledText("  ⚠ \(warning)", .warning), true)) }
        }
        if !exchange.notes.isEmpty {
            lines.append(("", false))
            lines.append((StyledText("What happened", .heading), false))
            for note in exchange.notes { lines.append((StyledText("  • \(note)"), true)) }
        }
        return lines

        func headerLine(_ name: String, _ value: String) -> StyledText {
            var line = StyledText("  ")
            line.append(name, .key)
            line.append(": ", .punctuation)
            line.append(value)
            return line
        }
    }

    /// The timing waterfall at a given width: every fetch with its phases, then client render
    /// and total, as bars against the longest.
    package func timingLines(width: Int) -> [StyledText] {
        var lines: [StyledText] = []
        let longest = max(exchange.totalMilliseconds, 0.001)
        let labelWidth = 16, valueWidth = 10
        let barWidth = max(4, width - labelWidth - valueWidth - 4)
        func row(_ name: String, _ ms: Double, offset: Double, _ style: Style) -> StyledText {
            var line = StyledText("  " + name.padding(toLength: labelWidth, withPad: " ", startingAt: 0), style == .bar ? .plain : .dim)
            let value = Timing.text(milliseconds: ms)
            line.append(String(repeating: " ", count: max(0, valueWidth - value.count)) + value + " ", .number)
            let lead = Int((max(0, offset) / longest * Double(barWidth)).rounded(.down))
            line.append(String(repeating: " ", count: min(lead, barWidth)))
            // On the same scale as every other row, cut at the right edge.
            let room = max(1, barWidth - min(lead, barWidth))
            line.append(TimingBar.bar(min(ms, longest * Double(room) / Double(barWidth)), of: longest * Double(room) / Double(barWidth), width: room), style)
            return line
        }
        if exchange.fetches.isEmpty && exchange.clientRenderMilliseconds == nil {
            lines.append(StyledText("(nothing was timed)", .dim))
        }
        var start = 0.0
        for fetch in exchange.fetches {
            var title = StyledText("→ ", .dim)
            title.append(fetch.requestLine, .heading)
            lines.append(title)
            lines.append(row("request", fetch.timing.totalMilliseconds, offset: start, .bar))
            // A waterfall: the client's phases (connect, ttfb, download) one after another; the
            // server's (gssp, render) one after another from when the request was sent.
            let connect = fetch.timing.phases.first { $0.source == .client && $0.name == "connect" }?.milliseconds ?? 0
            var client = start, server = start + connect
            for phase in fetch.timing.phases {
                let isServer = phase.source == .server
                lines.append(row(phase.name + (isServer ? " ⓢ" : ""), phase.milliseconds, offset: isServer ? server : client, isServer ? .number : .bar))
                if isServer { server += phase.milliseconds } else { client += phase.milliseconds }
            }
            // No Server-Timing (Next.js sends none): the server's time is inside the time to
            // first byte, with the network's; shown as that, not as a measure of its own.
            if !fetch.timing.phases.contains(where: { $0.source == .server }),
                let ttfb = fetch.timing.phases.first(where: { $0.source == .client && $0.name == "ttfb" }) {
                lines.append(row("server ≈", ttfb.milliseconds, offset: start + connect, .number))
            }
            start += fetch.timing.totalMilliseconds
        }
        if let render = exchange.clientRenderMilliseconds {
            lines.append(StyledText("Browser", .heading))
            lines.append(row("client render", render, offset: start, .bar))
        }
        lines.append("")
        lines.append(row("total", exchange.totalMilliseconds, offset: 0, .strong))
        if exchange.fetches.contains(where: { $0.timing.phases.contains { $0.source == .server } }) {
            lines.append(StyledText("  ⓢ reported by the server in Server-Timing", .dim))
        }
        if let page = exchange.compiledPage {
            lines.append(StyledText("  ⚙ next dev compiled \(page) first (its first request): mostly compiling, not the page's cost", .warning))
        }
        if exchange.fetches.contains(where: { fetch in
            !fetch.timing.phases.contains { $0.source == .server } && fetch.timing.phases.contains { $0.name == "ttfb" }
        }) {
            lines.append(StyledText("  ≈ no Server-Timing: the server's time is within the time to first byte, network included", .dim))
        }
        return lines
    }
}

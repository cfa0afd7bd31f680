import Browser
import SSR

/// Two exchanges compared, made ready for the four views (built off the UI thread): Props shows
/// b's props with a's differences marked, unchanged parts folded; HTML the line diff; Headers
/// what was sent and answered differently, the Cache-Control verdicts and the cache-leak
/// finding; Timing both sides' waterfalls.
package struct DiffPresentation: Sendable {
    package let a: Presentation
    package let b: Presentation
    /// How each side came to be: `marked`, `as session=second-token`, `on http://…`, `12 s later`.
    package let labels: (a: String, b: String)
    package let diff: ExchangeDiff
    /// `nil` when a side has no props.
    package var tree: JSONTree?
    let htmlLines: [StyledText]
    let headerLines: [StyledText]

    package init(_ a: Presentation, _ b: Presentation, labels: (a: String, b: String)) {
        self.a = a
        self.b = b
        self.labels = labels
        diff = ExchangeDiff(a.exchange, b.exchange, htmlLines: (a.html.indentedTexts, b.html.indentedTexts))
        if let props = diff.props, let new = b.exchange.props { tree = JSONTree(diff: props, new: new) }
        htmlLines = DiffPresentation.htmlLines(diff, a, b)
        headerLines = DiffPresentation.headerLines(diff, a, b)
    }

    /// For the address line: what each side is.
    package func sideText(_ side: Presentation, _ label: String) -> String {
        "\(AddressText.shown(side.exchange.url)) (\(side.exchange.kind.rawValue), \(label))"
    }

    /// The Props view's line when there is no tree.
    var noPropsLine: StyledText {
        StyledText("Props not compared: \(a.exchange.props == nil ? "side a" : "side b") has none.", .dim)
    }

    /// Props in one line: `3 changes, +12 B in all`, `no difference`, `not compared`.
    static func propsSummary(_ diff: ExchangeDiff) -> String {
        guard let props = diff.props else { return "not compared (a side has none)" }
        return props.lines().last ?? ""
    }

    private static func headerLines(_ diff: ExchangeDiff, _ a: Presentation, _ b: Presentation) -> [StyledText] {
        var lines: [StyledText] = [StyledText(diff.verdict, diff.agree ? .success : .warning)]
        if let leak = diff.cacheLeak { lines.append(StyledText("⚠ " + leak, .warning)) }
        let sections = diff.sentLines() + diff.pageLines() + diff.headerLines() + diff.cacheLines()
        lines += sections.map(styled)
        if diff.page.isEmpty && diff.headers.isEmpty {
            lines.append(StyledText("Status, URL and headers: the same (Date and the like aside).", .dim))
        }
        lines.append(StyledText("Props: " + propsSummary(diff), .dim))
        lines.append(StyledText(diff.timeLine(), .dim))
        return lines
    }

    private static func htmlLines(_ diff: ExchangeDiff, _ a: Presentation, _ b: Presentation) -> [StyledText] {
        guard let html = diff.html else {
            func what(_ p: Presentation) -> String {
                p.exchange.html == nil ? "none" : (p.exchange.kind == .hardNavigation ? "the server's document" : "the client's render")
            }
            return [StyledText("HTML not compared: a has \(what(a)), b \(what(b)).", .dim)]
        }
        if html.isEmpty { return [StyledText("The HTML is the same, line for line.", .success)] }
        return zip(html.lines, html.text).map { line, text in
            switch line {
            case .same: StyledText(text)
            case .removed: StyledText(text, .serverError)
            case .added: StyledText(text, .success)
            case .skipped: StyledText(text, .dim)
            }
        }
    }

    /// A line of the comparison, coloured by its mark: added, removed, changed, a heading.
    private static func styled(_ line: String) -> StyledText {
        let body = line.drop { $0 == " " }
        let style: Style = switch body.first {
        case "+": .success
        case "-": .serverError
        case "~", "⚠": .warning
        case "•": .dim
        default: line.hasPrefix(" ") ? .plain : .heading
        }
        return StyledText(line, style)
    }

    /// The Timing view: each side's waterfall, a's first.
    func timingLines(width: Int) -> [StyledText] {
        [StyledText("a: \(sideText(a, labels.a))", .heading)] + a.timingLines(width: width) + [""]
            + [StyledText("b: \(sideText(b, labels.b))", .heading)] + b.timingLines(width: width)
    }
}

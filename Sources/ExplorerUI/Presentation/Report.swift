import Browser

/// An exchange as text, for `explorer inspect`: the address line, then the four views and the
/// sizes and links windows, each built by the same `Presentation` the UI draws (laid out at
/// `width` columns), so that the command and the UI cannot say different things. Untrusted text
/// is escaped for the terminal.
package struct Report {
    package var presentation: Presentation
    /// Where the site runs: `in-process (production)`, `http://127.0.0.1:3000`.
    package var origin: String
    /// The engine's log lines for this exchange (in-process only).
    package var serverLog: [String]
    /// Lines of props and of HTML printed at most (each); `nil` for all.
    package var maxLines: Int?
    package var width: Int

    package init(_ presentation: Presentation, origin: String, serverLog: [String] = [], maxLines: Int? = 200, width: Int = 100) {
        self.presentation = presentation
        self.origin = origin
        self.serverLog = serverLog
        self.maxLines = maxLines
        self.width = width
    }

    package var text: String {
        // The address bar shows where the navigation ended; a report also says what was asked.
        let exchange = presentation.exchange
        let asked = exchange.target == exchange.url ? "" : AddressText.shown(exchange.target) + " → "
        var out = [TerminalText.escaped(asked) + plain(FittedLine.fit(presentation.addressParts, width: .max)) + "  " + TerminalText.escaped(origin)]
        section("Props", limited(props, "props"), &out)
        let html = presentation.html
        section("HTML", presentation.htmlPreamble.filter { $0 != Presentation.nextDataLegend }.map(plain) + limited(html.lines.indices.lazy.map { html.styled($0) }, "HTML"), &out)
        section("Headers", presentation.headerLines(width: width).map(plain), &out)
        section("Timing", presentation.timingLines(width: width).map(plain), &out)
        var findings = presentation.sizeLines.map(plain)
        findings += ["", "Links (\(presentation.analysis.links.count))"] + presentation.linkLines.map { "  " + plain($0) }
        if !serverLog.isEmpty {
            findings += ["", "Server log"] + serverLog.map { "  " + TerminalText.escaped($0).replacingOccurrences(of: "\n", with: "\n    ") }
        }
        section("Findings", findings, &out)
        return out.joined(separator: "\n")
    }

    /// The Props view with every node open.
    private var props: [StyledText] {
        guard var tree = presentation.tree else { return [presentation.noPropsLine] }
        tree.setLevel(.max)
        return tree.visible.map { presentation.propsLine(tree, $0) }
    }

    private func section(_ title: String, _ lines: [String], _ out: inout [String]) {
        out.append("")
        out.append("── \(title) " + String(repeating: "─", count: max(3, 60 - title.count)))
        out += lines
    }

    /// The lines, but past `maxLines` one that says how many more there are and how to see them.
    private func limited<Lines: Collection<StyledText>>(_ lines: Lines, _ what: String) -> [String] {
        guard let maxLines, lines.count > maxLines + 1 else { return lines.map(plain) }
        return lines.prefix(maxLines).map(plain)
            + ["… \(lines.count - maxLines) more lines of \(what) (--max-lines 0 prints them all; --json gives the whole exchange)"]
    }

    /// The text, escaped, without the spaces a bar or padding leaves at the end.
    private func plain(_ line: StyledText) -> String {
        var text = TerminalText.escaped(line.plainText)
        while text.last == " " { text.removeLast() }
        return text
    }
}

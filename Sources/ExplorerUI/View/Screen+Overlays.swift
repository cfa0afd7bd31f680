import Browser
import Foundation
import SSR

/// The windows drawn over the screen: help, prompts, links, history, sizes, compare, curl.
extension Screen {
    static func draw(_ overlay: Overlay, _ state: AppState, _ grid: inout Grid) {
        let maxWidth = state.width - 4
        switch overlay {
        case .help(let top):
            window("Keys (↑↓ scroll, Esc close)", help(width: helpWidth(state) - 4), state, width: helpWidth(state), top: top, &grid)
        case .prompt(let prompt):
            promptWindow(prompt, state, &grid)
        case .links(let cursor):
            let links = state.current?.analysis.links ?? []
            let lines = state.current?.linkLines ?? [Presentation.noLinks]
            window("Links of \(state.current?.exchange.url ?? "the page") (\(links.count))", lines, state, width: maxWidth, cursor: cursor, &grid)
        case .history(let cursor):
            let lines = state.exchanges.isEmpty
                ? [StyledText("(nothing visited yet)", .dim)]
                : state.exchanges.enumerated().map { historyLine($0.offset, $0.element) }
            window("History (Enter shows an exchange again)", lines, state, width: maxWidth, cursor: cursor, &grid)
        case .sizes:
            window("Props size by key", state.current?.sizeLines ?? [Presentation.noProps], state, width: min(maxWidth, 90), &grid)
        case .compare(let path, let result):
            // As wide as the longest value needs, when the terminal has the room.
            let longest = result?.rows.flatMap { [$0.hard, $0.client] }.map { DisplayWidth.of($0) }.max() ?? 40
            let width = min(maxWidth, max(60, compareLabelWidth + 2 * (longest + 2) + 4))
            let lines = result.map { compareLines($0, width: width - 4) } ?? [StyledText("fetching \(path) both ways…", .dim)]
            window("Compare \(path): hard navigation vs client transition", lines, state, width: width, &grid)
        case .site(let cursor, let column):
            let (title, lines) = siteLines(state, column: column)
            window(title, lines, state, width: maxWidth, cursor: state.siteReport == nil ? nil : cursor + 1, &grid)
        case .copyPath(let path, let value, let cursor):
            let forms = copyForms(path, value: value)
            let labelWidth = forms.map { DisplayWidth.of($0.label) }.max() ?? 0
            let lines = forms.map { form in
                var line = StyledText(form.label.padding(toLength: labelWidth + 2, withPad: " ", startingAt: 0), .dim)
                line.append(form.text, .input)
                return line
            } + ["", StyledText("Enter copies the highlighted one (OSC 52, where the terminal allows it).", .dim)]
            window("Copy \(path.jq)", lines, state, width: maxWidth, cursor: cursor, &grid)
        case .value(let path, let text, let top):
            window(path, valueLines(text, state), state, width: valueWidth(state), top: top, &grid)
        case .curl(let command):
            var lines = wrap(command, width: min(maxWidth, 100) - 2).map { StyledText($0, .input) }
            lines.append("")
            lines.append(StyledText("Copied to the clipboard (OSC 52, where the terminal allows it).", .dim))
            if state.origin.hasPrefix("in-process") {
                lines.append(StyledText("In-process: the URL is where `explorer serve` answers by default.", .dim))
            }
            window("Request as curl", lines, state, width: min(maxWidth, 100), &grid)
        }
    }

    static func valueWidth(_ state: AppState) -> Int { min(state.width - 4, 100) }

    /// What the copy window offers, in order.
    static func copyForms(_ path: PropsPath, value: String) -> [(label: String, text: String)] {
        [("jq path", path.jq), ("JavaScript path", path.javaScript), ("JSONPath", path.jsonPath), ("value as JSON", value)]
    }

    /// The Site window: a line on the crawl, then the table sorted by `column` (its title marked
    /// `▼`, the worst first) under a header; the cursor is on a page's row.
    static func siteLines(_ state: AppState, column: Int) -> (String, [StyledText]) {
        var title = "Site"
        if let progress = state.crawling {
            title += progress.known == 0 ? " · crawling…" : " · crawling \(progress.crawled)/\(progress.known) pages… (Esc stops)"
        }
        guard let report = state.siteReport else {
            return (title, [StyledText("Crawling the site from / and its links, as a reader's clicks would…", .dim)])
        }
        if state.crawling == nil {
            title += " · \(report.pages.count) pages" + (report.leftOut.isEmpty ? "" : ", \(report.leftOut.count) more left out")
                + " · sorted by \(SiteTable.columns[column].title) · ←→ sort · Enter open · r crawl again"
        }
        let pages = SiteTable.sorted(report.pages, by: column)
        let lines = SiteTable.lines(pages, pageWidth: 28, width: state.width - 8, sortedBy: column)
        return (title, lines.enumerated().map { index, line in
            index == 0 ? StyledText(line, .strong) : StyledText(line, SiteTable.isWorrying(pages[index - 1]) ? .warning : .plain)
        })
    }

    /// A value wrapped to its window, under a line with its size. Long values are cut: the
    /// window is for reading; the raw JSON is in the HTML view.
    static func valueLines(_ text: String, _ state: AppState) -> [StyledText] {
        let shown = text.utf8.count > 20_000 ? String(text.prefix(20_000)) + " … (\(text.utf8.count) bytes in all)" : text
        var lines = wrap(shown, width: valueWidth(state) - 4).map { StyledText($0, .string) }
        lines.insert(StyledText("\(PrettyBytes.format(text.utf8.count)) · ↑↓ scroll · Esc close", .dim), at: 0)
        return lines
    }

    /// A centred box with lines, scrolled to keep `cursor` (a highlighted line) in view.
    private static func window(_ title: String, _ lines: [StyledText], _ state: AppState, width wanted: Int, cursor: Int? = nil, top first: Int? = nil, _ grid: inout Grid) {
        let width = max(20, min(wanted, state.width - 4))
        let height = max(3, min(lines.count + 2, state.height - 2))
        let box = Rect(x: (state.width - width) / 2, y: max(1, (state.height - height) / 2), width: width, height: height)
        grid.fill(box)
        grid.box(box, title: StyledText(title, .heading), focused: true)
        let inner = box.inner
        let wantedTop = first ?? cursor.map { $0 - inner.height / 2 } ?? 0
        let top = max(0, min(wantedTop, lines.count - inner.height))
        for (offset, line) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            grid.put(StyledText(" ").appending(line.truncated(to: inner.width - 1)), x: inner.x, y: inner.y + offset, limit: inner.width)
            if top + offset == cursor { grid.highlight(.cursor, y: inner.y + offset, in: inner) }
        }
        if lines.count > inner.height {
            let position = " \(top + 1)–\(min(lines.count, top + inner.height))/\(lines.count) "
            grid.put(position, x: box.x + box.width - DisplayWidth.of(position) - 2, y: box.y + box.height - 1, limit: 20, style: .dim)
        }
    }

    private static func promptWindow(_ prompt: Prompt, _ state: AppState, _ grid: inout Grid) {
        var lines: [StyledText] = []
        var input = StyledText("› ", .dim)
        let characters = prompt.editor.characters
        input.append(String(characters[..<prompt.editor.cursor]), .input)
        let cursorText = prompt.editor.cursor < characters.count ? String(characters[prompt.editor.cursor]) : " "
        input.append(cursorText, .bar)
        if prompt.editor.cursor + 1 < characters.count { input.append(String(characters[(prompt.editor.cursor + 1)...]), .input) }
        lines.append(input)
        if let problem = prompt.problem { lines += wrap(problem, width: min(state.width - 4, 80) - 4).map { StyledText($0, .serverError) } }
        lines += wrap(prompt.hint, width: min(state.width - 4, 80) - 4).map { StyledText($0, .dim) }
        if prompt.purpose == .requestSetting {
            lines.append("")
            lines.append(StyledText("Sent with every request now:", .strong))
            let settings = state.requestSettings
            if settings.headers.isEmpty && settings.cookies.isEmpty { lines.append(StyledText("  nothing of yours (try session=demo-token for /dashboard)", .dim)) }
            for (name, value) in settings.headers {
                var line = StyledText("  ")
                line.append(name, .key)
                line.append(": \(value)")
                lines.append(line)
            }
            for (name, value) in settings.cookies {
                var line = StyledText("  cookie ", .dim)
                line.append(name, .key)
                line.append("=\(value)")
                lines.append(line)
            }
            lines.append(StyledText("As a browser does (yours replace them):", .strong))
            let browser = settings.browserHeaders
            for name in BrowserHeaders.Name.allCases {
                var line = StyledText("  ")
                line.append(name.rawValue, browser.omitted.contains(name) ? .dim : .key)
                switch name {
                case _ where browser.omitted.contains(name): line.append(": not sent (+\(name.rawValue) sends it)", .dim)
                case .acceptLanguage: line.append(": \(browser.acceptLanguage)")
                case .acceptEncoding: line.append(": \(BrowserHeaders.acceptEncoding)")
                case .referer: line.append(": the page shown", .dim)
                }
                lines.append(line)
            }
            var document = StyledText("  server's document after a remote transition: ", .dim)
            document.append(settings.fetchesServerDocument ? "fetched (-document: not)" : "not fetched (+document)", settings.fetchesServerDocument ? .plain : .dim)
            lines.append(document)
        }
        window(prompt.title, lines, state, width: min(state.width - 4, 80), &grid)
    }

    /// As wide as its longest line, when the terminal has the room.
    static func helpWidth(_ state: AppState) -> Int {
        let longest = KeyMap.sections.flatMap(\.rows).map { DisplayWidth.of($0.action) }.max() ?? 40
        return min(state.width - 4, 2 + helpKeyColumn + longest + 4)
    }

    /// The longest keys, and a gap.
    private static let helpKeyColumn = KeyMap.sections.flatMap(\.rows).map { DisplayWidth.of($0.label) }.max()! + 2

    /// Each key and what it does; an action longer than the window continues under itself.
    static func help(width: Int) -> [StyledText] {
        var lines: [StyledText] = []
        let actionWidth = max(10, width - 2 - helpKeyColumn)
        for section in KeyMap.sections {
            if !section.title.isEmpty { lines.append(StyledText(section.title, .heading)) }
            for row in section.rows {
                for (index, piece) in wrap(row.action, width: actionWidth).enumerated() {
                    var line = StyledText("  " + (index == 0 ? row.label : "").padding(toLength: helpKeyColumn, withPad: " ", startingAt: 0), .strong)
                    line.append(piece)
                    lines.append(line)
                }
            }
        }
        return lines
    }

    private static func historyLine(_ index: Int, _ presentation: Presentation) -> StyledText {
        let exchange = presentation.exchange
        var line = StyledText(String(index + 1).padding(toLength: 4, withPad: " ", startingAt: 0), .dim)
        // A client transition that fell back to a hard navigation says both.
        let kind = switch (exchange.requested, exchange.kind) {
        case (.clientTransition, .clientTransition): "client      "
        case (.clientTransition, .hardNavigation): "client→hard "
        default: "hard        "
        }
        line.append(kind, .strong)
        if exchange.target != exchange.url {
            line.append(exchange.target, .dim)
            line.append(" → ", .dim)
        }
        line.append(exchange.url, .link)
        if exchange.fetches.count > 1 { line.append("  \(exchange.fetches.count) requests", .dim) }
        if let fetch = exchange.lastFetch {
            line.append("  \(fetch.response.status.code)", Style.status(fetch.response.status.code))
        }
        line.append("  " + Timing.text(milliseconds: exchange.totalMilliseconds), .number)
        return line
    }

    private static let compareLabelWidth = 15

    /// A row per measure, hard navigation beside client transition; a value longer than its
    /// column continues on the next lines, not cut.
    private static func compareLines(_ comparison: Comparison, width: Int) -> [StyledText] {
        let labelWidth = compareLabelWidth, column = max(10, (width - labelWidth) / 2)
        func padded(_ text: String) -> String { text + String(repeating: " ", count: max(0, column - DisplayWidth.of(text))) }
        var lines: [StyledText] = []
        var header = StyledText(String(repeating: " ", count: labelWidth))
        header.append(padded("hard navigation"), .heading)
        header.append(padded("client transition"), .heading)
        lines.append(header)
        for row in comparison.rows {
            let hard = wrap(row.hard, width: column - 2), client = wrap(row.client, width: column - 2)
            for index in 0..<max(hard.count, client.count) {
                var line = StyledText((index == 0 ? row.label : "").padding(toLength: labelWidth, withPad: " ", startingAt: 0), .key)
                line.append(padded(hard[safe: index] ?? ""))
                line.append(padded(client[safe: index] ?? ""))
                lines.append(line)
            }
        }
        lines.append("")
        lines += wrap(comparison.verdict, width: width).map { StyledText($0, .success) }
        return lines
    }
}

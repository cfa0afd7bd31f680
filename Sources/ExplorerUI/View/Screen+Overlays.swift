import Browser
import Foundation
import SSR

/// The windows drawn over the screen: help, prompts, links, history, sizes, compare, curl.
extension Screen {
    static func draw(_ overlay: Overlay, _ state: AppState, _ grid: inout Grid) {
        if case .prompt(let prompt) = overlay { return promptWindow(prompt, state, &grid) }
        guard let window = window(of: overlay, state) else { return }
        draw(window, state, &grid)
    }

    /// A window's content and where it stands, for drawing and for the mouse.
    struct Window {
        var title: String
        var lines: [StyledText]
        var box: Rect
        /// The first line shown.
        var top: Int
        /// The highlighted line, in a window that lists things to pick.
        var cursor: Int?
    }

    /// The window `overlay` draws (not a prompt's), laid out for the screen.
    static func window(of overlay: Overlay, _ state: AppState) -> Window? {
        let maxWidth = state.width - 4
        let (title, lines, width, cursor, top): (String, [StyledText], Int, Int?, Int?)
        switch overlay {
        case .prompt: return nil
        case .help(let first):
            (title, lines, width, cursor, top) = ("Keys (↑↓ scroll, Esc close)", help(width: helpWidth(state) - 4), helpWidth(state), nil, first)
        case .links(let at):
            let links = state.current?.analysis.links ?? []
            (title, lines, width, cursor, top) = (
                "Links of \(state.current?.exchange.url ?? "the page") (\(links.count))", state.current?.linkLines ?? [Presentation.noLinks], maxWidth, at, nil
            )
        case .history(let at):
            let exchanges = state.exchanges.isEmpty
                ? [StyledText("(nothing visited yet)", .dim)]
                : state.exchanges.enumerated().map { historyLine($0.offset, $0.element) }
            let others = state.recordedOthers.isEmpty ? [] : [StyledText("Also recorded (\(state.recordedOthers.count), not a page's document or data):", .dim)]
                + state.recordedOthers.map { StyledText("    " + $0, .dim) }
            (title, lines, width, cursor, top) = ("History (Enter shows an exchange again)", exchanges + others, maxWidth, at, nil)
        case .sizes:
            (title, lines, width, cursor, top) = ("Props size by key", state.current?.sizeLines ?? [Presentation.noProps], min(maxWidth, 90), nil, nil)
        case .compare(let path, let result):
            // As wide as the longest value needs, when the terminal has the room.
            let longest = result?.rows.flatMap { [$0.hard, $0.client] }.map { DisplayWidth.of($0) }.max() ?? 40
            let wide = min(maxWidth, max(60, compareLabelWidth + 2 * (longest + 2) + 4))
            let shown = result.map { compareLines($0, width: wide - 4) } ?? [StyledText("fetching \(path) both ways…", .dim)]
            (title, lines, width, cursor, top) = ("Compare \(path): hard navigation vs client transition", shown, wide, nil, nil)
        case .site(let at, let column):
            let (heading, rows) = siteLines(state, column: column)
            (title, lines, width, cursor, top) = (heading, rows, maxWidth, state.siteReport == nil ? nil : at + 1, nil)
        case .copyPath(let path, let value, let at):
            let forms = copyForms(path, value: value)
            let labelWidth = forms.map { DisplayWidth.of($0.label) }.max() ?? 0
            let rows = forms.map { form in
                var line = StyledText(form.label.padding(toLength: labelWidth + 2, withPad: " ", startingAt: 0), .dim)
                line.append(form.text, .input)
                return line
            } + ["", StyledText("Enter copies the highlighted one (OSC 52, where the terminal allows it).", .dim)]
            (title, lines, width, cursor, top) = ("Copy \(path.jq)", rows, maxWidth, at, nil)
        case .value(let path, let text, let first):
            (title, lines, width, cursor, top) = (path, valueLines(text, state), valueWidth(state), nil, first)
        case .curl(let command):
            var rows = wrap(command, width: min(maxWidth, 100) - 2).map { StyledText($0, .input) }
            rows.append("")
            rows.append(StyledText("Copied to the clipboard (OSC 52, where the terminal allows it).", .dim))
            if state.origin.hasPrefix("in-process") {
                rows.append(StyledText("In-process: the URL is where `explorer serve` answers by default.", .dim))
            }
            (title, lines, width, cursor, top) = ("Request as curl", rows, min(maxWidth, 100), nil, nil)
        }
        return place(title, lines, width: width, cursor: cursor, top: top, state)
    }

    /// A window centred on the screen, as wide as `width` allows and as tall as its lines (both
    /// within the screen), scrolled to `top` or so that the cursor's line is in the middle.
    private static func place(_ title: String, _ lines: [StyledText], width: Int, cursor: Int? = nil, top: Int? = nil, _ state: AppState) -> Window {
        let boxWidth = max(20, min(width, state.width - 4))
        let height = max(3, min(lines.count + 2, state.height - 2))
        let box = Rect(x: (state.width - boxWidth) / 2, y: max(1, (state.height - height) / 2), width: boxWidth, height: height)
        let inner = box.inner
        let wantedTop = top ?? cursor.map { $0 - inner.height / 2 } ?? 0
        return Window(title: title, lines: lines, box: box, top: max(0, min(wantedTop, lines.count - inner.height)), cursor: cursor)
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
    private static func draw(_ window: Window, _ state: AppState, _ grid: inout Grid) {
        let box = window.box, lines = window.lines, top = window.top
        grid.fill(box)
        grid.box(box, title: StyledText(window.title, .heading), focused: true)
        let inner = box.inner
        for (offset, line) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            grid.put(StyledText(" ").appending(line.truncated(to: inner.width - 1)), x: inner.x, y: inner.y + offset, limit: inner.width)
            if top + offset == window.cursor { grid.highlight(.cursor, y: inner.y + offset, in: inner) }
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
        draw(place(prompt.title, lines, width: min(state.width - 4, 80), state), state, &grid)
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
        lines.append(StyledText("Mouse", .heading))
        lines += wrap(KeyMap.mouseHelp, width: width - 2).map { StyledText("  " + $0) }
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

import Browser
import Foundation
import SSR

/// Draws the state into a grid: the address line, the routes, the views, a window on top,
/// and the key bar. Pure: the same state always gives the same grid.
package enum Screen {
    package static func render(_ state: AppState) -> Grid {
        var grid = Grid(width: state.width, height: state.height)
        let layout = state.layout
        if layout.isTooSmall {
            tooSmall(state, &grid)
            return grid
        }
        addressLine(state, layout.address, &grid)
        if let routes = layout.routes { routeList(state, routes, &grid) }
        for (kind, box) in layout.views { view(kind, state, box, tabbed: layout.tabbed, &grid) }
        keyBar(state, layout.keyBar, &grid)
        if let overlay = state.overlay { draw(overlay, state, &grid) }
        return grid
    }

    private static func tooSmall(_ state: AppState, _ grid: inout Grid) {
        let lines = [
            "Terminal too small: \(state.width)×\(state.height).",
            "The explorer needs \(Layout.minimumWidth)×\(Layout.minimumHeight).",
            "Enlarge the window, or press q to quit.",
        ]
        let top = max(0, (state.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let width = DisplayWidth.of(line)
            grid.put(line, x: max(0, (state.width - width) / 2), y: top + offset, limit: state.width, style: offset == 0 ? .warning : .plain)
        }
    }

    /// Back and forward (lit when there is somewhere to go), what is on its way, the URL as a
    /// browser shows it, what happened; the origin on the right when there is room.
    private static func addressLine(_ state: AppState, _ rect: Rect, _ grid: inout Grid) {
        var arrows = StyledText(" ")
        arrows.append("←", state.canGoBack ? .strong : .dim)
        arrows.append("→ ", state.canGoForward ? .strong : .dim)
        var parts: [FittedLine.Part] = []
        if let loading = state.loading {
            parts.append(.init(StyledText("⋯ \(loading.label) (Esc stops)", .warning), shrinks: true))
        } else if let diffing = state.diffing {
            parts.append(.init(StyledText("⋯ \(diffing.label) (Esc stops)", .warning), shrinks: true))
        }
        if let diff = state.diffShown {
            parts.append(.init(StyledText("Diff", .heading)))
            parts.append(.init(StyledText("a: " + diff.sideText(diff.a, diff.labels.a), .input), shrinks: true, priority: 1))
            parts.append(.init(StyledText("b: " + diff.sideText(diff.b, diff.labels.b), .input), shrinks: true, priority: 1))
            parts.append(.init(StyledText(diff.diff.verdict, diff.diff.agree ? .success : .warning), priority: 2))
        } else if let current = state.current {
            // While another page is on its way, the one shown matters less.
            let demoted = state.loading == nil ? 0 : 3
            parts += current.addressParts.map { part in
                var part = part
                part.priority += demoted
                return part
            }
        } else if state.loading == nil {
            parts.append(.init(StyledText("gssp explorer", .heading)))
            let hint = state.siteUnreachable == nil ? "pick a route and press Enter, or g to type a path" : "the site does not answer: r tries again"
            parts.append(.init(StyledText(hint, state.siteUnreachable == nil ? .dim : .serverError), shrinks: true, priority: 3))
        }
        let room = rect.width - DisplayWidth.of(arrows.plainText)
        let origin = state.diffShown == nil ? state.current?.recording.map { "recorded: \($0)" } ?? state.origin : state.origin
        let originWidth = DisplayWidth.of(origin) + 3  // two spaces before it, one after
        let full = FittedLine.fit(parts, width: Int.max)
        let line: StyledText
        if DisplayWidth.of(full.plainText) + originWidth <= room {
            line = full
            grid.put(origin, x: rect.width - originWidth + 2, y: rect.y, limit: originWidth, style: .dim)
        } else {
            line = FittedLine.fit(parts, width: room)
        }
        grid.put(arrows.appending(line), x: 0, y: rect.y, limit: rect.width)
    }

    private static func routeList(_ state: AppState, _ box: Rect, _ grid: inout Grid) {
        let focused = state.focus == .routes
        grid.box(box, title: StyledText("Routes", focused ? .heading : .strong), focused: focused)
        let inner = box.inner
        guard inner.height > 0 else { return }
        if state.routes.isEmpty {
            let text = state.siteUnreachable != nil ? "none: the site does not answer" : state.siteProblem ?? "loading the site…"
            for (offset, line) in wrap(text, width: inner.width).prefix(inner.height).enumerated() {
                grid.put(line, x: inner.x, y: inner.y + offset, limit: inner.width, style: state.siteUnreachable == nil ? .dim : .serverError)
            }
            return
        }
        let (top, rows) = routeRows(state, inner)
        let legendRows = inner.height - rows
        for (offset, route) in state.routes.dropFirst(top).prefix(rows).enumerated() {
            let y = inner.y + offset
            var line = StyledText(" ")
            line.append(route.symbol, route.symbol == "ƒ" ? .number : .dim)
            line.append(" ")
            line.append(route.pattern, route.isDynamic ? .key : .plain)
            grid.put(line.truncated(to: inner.width), x: inner.x, y: y, limit: inner.width)
            if top + offset == state.routeCursor { grid.highlight(focused ? .cursor : .match, y: y, in: inner) }
        }
        if legendRows > 0 {
            let legend = routeLegend(state, width: inner.width)
            for (offset, text) in legend.enumerated() {
                grid.put(text, x: inner.x + 1, y: inner.y + inner.height - legend.count + offset, limit: inner.width - 1, style: .dim)
            }
        }
    }

    /// What the symbols of the list mean (those it uses), and the proxy when the site has one:
    /// in words, or as `next build` says them when the pane is narrow.
    static func routeLegend(_ state: AppState, width: Int) -> [String] {
        let symbols = Set(state.routes.map(\.symbol))
        let proxy = state.site?.proxyLine
        let entries: [(symbol: String, full: String, short: String)] = [
            ("ƒ", "ƒ server-rendered", "ƒ dynamic"), ("●", "● getStaticProps", "● SSG"), ("○", "○ static", "○ static"),
            ("?", "? not said (remote)", "? unknown"),
        ].filter { symbols.contains($0.symbol) }
        let full = entries.map(\.full) + (proxy.map { [$0] } ?? [])
        if full.allSatisfy({ DisplayWidth.of($0) < width }) { return full }
        return entries.map(\.short) + (proxy == nil ? [] : ["ƒ proxy"])
    }

    /// The first route shown in the list's box, and how many rows show routes (the legend
    /// takes the last ones of a tall box).
    static func routeRows(_ state: AppState, _ inner: Rect) -> (top: Int, rows: Int) {
        let legendRows = inner.height >= 8 ? routeLegend(state, width: inner.width).count : 0
        let rows = inner.height - legendRows
        return (max(0, min(state.routeCursor - rows / 2, state.routes.count - rows)), rows)
    }

    private static func view(_ kind: ViewKind, _ state: AppState, _ box: Rect, tabbed: Bool, _ grid: inout Grid) {
        let focused = state.focus == .view(kind)
        grid.box(box, title: title(kind, state, tabbed: tabbed, focused: focused, room: box.width - 6), focused: focused)
        let inner = box.inner
        guard state.current != nil else {
            if let problem = state.siteUnreachable, kind == state.layout.views.first?.kind {
                // Where the eye goes first, in full: the cause, then what to do.
                var lines = wrap("The site cannot be reached: \(problem)", width: inner.width).map { StyledText($0, .serverError) }
                lines.append("")
                lines += wrap("Start the server, then press r to try again (or g to type a path).", width: inner.width).map { StyledText($0, .dim) }
                for (offset, line) in lines.prefix(inner.height).enumerated() { grid.put(line, x: inner.x, y: inner.y + offset, limit: inner.width) }
            } else if inner.height > 0 {
                grid.put(state.loading == nil ? "nothing yet" : "loading…", x: inner.x, y: inner.y, limit: inner.width, style: .dim)
            }
            return
        }
        let pane = state.pane(kind)
        let count = state.lineCount(kind)
        let search = state.search?.view == kind ? state.search?.query : nil
        let wraps = state.wrapIndex[kind] != nil
        for (offset, (line, skip)) in state.rows(kind, pane.top..<(pane.top + inner.height)).enumerated() {
            let row = pane.top + offset, y = inner.y + offset
            grid.put(line, x: inner.x, y: y, limit: inner.width, skip: skip)
            let lineWidth = DisplayWidth.of(line.plainText)
            if !wraps, lineWidth > skip + inner.width {
                // More to the right: → scrolls there, w wraps, z gives the view the whole width.
                grid.put("›", x: inner.x + inner.width - 1, y: y, limit: 1, style: .dim)
            }
            if !wraps, skip > 0, lineWidth > 0 {
                // Scrolled: the start of the line is to the left (←).
                grid.put("‹", x: inner.x, y: y, limit: 1, style: .dim)
            }
            if let search { mark(search, in: line, skip: skip, x: inner.x, y: y, limit: inner.width, &grid) }
            if focused && row == pane.cursor { grid.highlight(.cursor, y: y, in: inner) }
        }
        if count > inner.height, inner.height > 0 {
            // Where the window is, on the right edge of the box.
            let position = "\(pane.top + 1)–\(min(count, pane.top + inner.height))/\(count)"
            let width = DisplayWidth.of(position)
            if width + 4 < box.width { grid.put(position, x: box.x + box.width - width - 2, y: box.y + box.height - 1, limit: width, style: .dim) }
        }
    }

    /// Underlines each occurrence of `query` in a drawn line.
    private static func mark(_ query: String, in line: StyledText, skip: Int, x: Int, y: Int, limit: Int, _ grid: inout Grid) {
        let text = line.plainText
        var searchStart = text.startIndex
        while let range = text.range(of: query, options: .caseInsensitive, range: searchStart..<text.endIndex) {
            let start = DisplayWidth.of(String(text[..<range.lowerBound])) - skip
            let end = start + DisplayWidth.of(String(text[range]))
            if start >= limit { break }
            // A match scrolled off to the left (or on an earlier piece of a wrapped line) is not drawn.
            if end > 0 { grid.highlight(.match, y: y, columns: (x + max(0, start))..<(x + min(limit, end))) }
            searchStart = range.upperBound
        }
    }

    private static func title(_ kind: ViewKind, _ state: AppState, tabbed: Bool, focused: Bool, room: Int) -> StyledText {
        var title = StyledText()
        if tabbed {
            for (index, (other, name)) in tabNames(kind, state, room: room).enumerated() {
                if index > 0 { title.append(" │ ", .border) }
                title.append(name, other == kind ? .heading : .dim)
            }
        } else {
            title.append("\(kind.number) \(kind.title)", focused ? .heading : .strong)
        }
        if let detail = detail(kind, state) {
            title.append(" · ", .dim)
            title.append(detail)
        }
        return title
    }

    /// The tabs of a tabbed view's title, in order: when the tabs and the detail do not fit,
    /// the other tabs keep their numbers only.
    private static func tabNames(_ kind: ViewKind, _ state: AppState, room: Int) -> [(ViewKind, String)] {
        let detailWidth = detail(kind, state).map { DisplayWidth.of($0.plainText) + 3 } ?? 0
        let named = ViewKind.allCases.reduce(0) { $0 + DisplayWidth.of("\($1.number) \($1.title)") } + 9
        return ViewKind.allCases.map { other in
            (other, other == kind || named + detailWidth <= room ? "\(other.number) \(other.title)" : "\(other.number)")
        }
    }

    /// The view whose tab is at column `x` of the title row of the tabbed view `kind` in `box`.
    static func tab(at x: Int, _ kind: ViewKind, _ state: AppState, box: Rect) -> ViewKind? {
        // The title starts after the corner, a border cell and a space (``Grid/box``).
        var start = box.x + 3
        for (other, name) in tabNames(kind, state, room: box.width - 6) {
            let end = start + DisplayWidth.of(name)
            if (start..<end).contains(x) { return other }
            start = end + 3
        }
        return nil
    }

    /// What the title says about the view's content.
    private static func detail(_ kind: ViewKind, _ state: AppState) -> StyledText? {
        if let diff = state.diffShown { return diffDetail(kind, diff) }
        guard let current = state.current else { return nil }
        switch kind {
        case .props:
            if let query = state.propsQuery {
                return StyledText("\(query.matches.count) match\(query.matches.count == 1 ? "" : "es") of \(DisplayWidth.truncated(query.text, to: 30))", .warning)
            }
            guard let size = current.analysis.propsSize else { return nil }
            let percent = Double(size.total) / Double(size.threshold) * 100
            var text = StyledText("\(PrettyBytes.format(size.total)) (\(percent < 1 ? "<1" : String(Int(percent.rounded())))% of 128 kB)",
                                  size.isOverThreshold ? .warning : .dim)
            if !current.analysis.sensitive.isEmpty { text.append(" ⚠ \(current.analysis.sensitive.count) secret?", .warning) }
            return text
        case .html:
            guard let hydration = current.exchange.hydration else { return nil }
            return hydration.verdict == .match ? StyledText("hydration ✓", .success) : StyledText("hydration ✗", .serverError)
        case .headers:
            guard let fetch = current.exchange.lastFetch else { return nil }
            return StyledText("\(fetch.response.status.code)", Style.status(fetch.response.status.code))
        case .timing:
            // A static page's transition times nothing: no figure rather than "0.00 ms".
            guard !current.exchange.fetches.isEmpty || current.exchange.clientRenderMilliseconds != nil else { return nil }
            return StyledText(Timing.text(milliseconds: current.exchange.totalMilliseconds), .number)
        }
    }

    /// What a view's title says about a diff shown in it.
    private static func diffDetail(_ kind: ViewKind, _ diff: DiffPresentation) -> StyledText {
        switch kind {
        case .props:
            return StyledText("diff: " + DiffPresentation.propsSummary(diff.diff), diff.diff.props?.isEmpty == false ? .warning : .dim)
        case .html:
            guard let html = diff.diff.html else { return StyledText("diff: not compared", .dim) }
            let changed = html.lines.filter { if case .same = $0 { false } else if case .skipped = $0 { false } else { true } }.count
            return html.isEmpty ? StyledText("diff: the same", .success) : StyledText("diff: \(changed) lines", .warning)
        case .headers:
            let count = diff.diff.page.count + diff.diff.headers.count
            return count == 0 ? StyledText("diff: the same", .success) : StyledText("diff: \(count) differ", .warning)
        case .timing:
            return StyledText("a \(Timing.text(milliseconds: diff.diff.milliseconds.a)) · b \(Timing.text(milliseconds: diff.diff.milliseconds.b))", .number)
        }
    }

    private static func keyBar(_ state: AppState, _ rect: Rect, _ grid: inout Grid) {
        if let message = state.message {
            grid.put(StyledText(" ").appending(message.truncated(to: rect.width - 1)), x: 0, y: rect.y, limit: rect.width)
            return
        }
        let rows: [HelpRow] = switch (state.overlay, state.focus) {
        case (.prompt?, _): KeyMap.promptBar
        case (.links?, _), (.history?, _), (.copyPath?, _): KeyMap.listBar
        case (.site?, _): KeyMap.siteBar
        case (.some, _): KeyMap.windowBar
        case (nil, .routes): KeyMap.routesBar
        case (nil, .view(.props)): KeyMap.propsBar
        case (nil, .view): KeyMap.viewBar
        }
        var keys = rows.map(\.bar)
        if state.overlay == nil, state.diffShown != nil { keys.insert(KeyMap.leaveDiffRow.bar, at: 0) }
        var line = StyledText(" ")
        if state.overlay == nil, let search = state.search {
            // The search in force, and where the cursor is among its matches.
            line.append("/", .strong)
            line.append(DisplayWidth.truncated(search.query, to: 20), .input)
            line.append(" \(search.progress) in \(search.view.title)  ", search.isScanning || !search.matches.isEmpty ? .dim : .warning)
            let searching = [KeyMap.matchRow, HelpRow(KeyMap.close, action: "clear")]
            keys = searching.map(\.bar) + keys.filter { bar in !(searching + [KeyMap.searchRow]).contains { $0.bar.keys == bar.keys } }
        }
        // What does not fit goes, from the middle: help and quit stay.
        var shown = keys
        let used = DisplayWidth.of(line.plainText)
        func width(_ keys: [(keys: String, action: String)]) -> Int { keys.reduce(used) { $0 + DisplayWidth.of($1.0) + DisplayWidth.of($1.1) + 3 } }
        while shown.count > 2, width(shown) > rect.width { shown.remove(at: shown.count - 3) }
        for (key, action) in shown {
            line.append(key, .strong)
            line.append(" \(action)  ", .dim)
        }
        grid.put(line, x: 0, y: rect.y, limit: rect.width)
    }

    /// Text broken into lines of at most `width` columns, at spaces where it can.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = "", lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var word = String(word)
                var wordWidth = DisplayWidth.of(word)
                if lineWidth > 0 && lineWidth + 1 + wordWidth > width {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                while wordWidth > width {
                    // A word longer than the line: cut it.
                    var head = "", headWidth = 0
                    for character in word {
                        let w = DisplayWidth.of(String(character))
                        if headWidth + w > width - lineWidth - (lineWidth > 0 ? 1 : 0) { break }
                        head.append(character)
                        headWidth += w
                    }
                    if head.isEmpty { lines.append(line); line = ""; lineWidth = 0; continue }
                    lines.append(line + (lineWidth > 0 ? " " : "") + head)
                    line = ""
                    lineWidth = 0
                    word.removeFirst(head.count)
                    wordWidth = DisplayWidth.of(word)
                }
                if lineWidth > 0 { line += " "; lineWidth += 1 }
                line += word
                lineWidth += wordWidth
            }
            lines.append(line)
        }
        return lines
    }
}

extension StyledText {
    func appending(_ other: StyledText) -> StyledText {
        var copy = self
        copy.append(other)
        return copy
    }
}

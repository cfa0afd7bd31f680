/// The lines of each view for the current exchange, read one at a time so that a view of a
/// million lines costs only the rows drawn.
extension AppState {
    /// Rows of a view: its lines, or with long lines wrapped (`w`), their pieces.
    func lineCount(_ view: ViewKind) -> Int {
        if let index = wrapIndex[view] { return index.rows }
        return rawLineCount(view)
    }

    /// The lines of a view, before wrapping.
    func rawLineCount(_ view: ViewKind) -> Int {
        guard let current else { return 0 }
        switch view {
        case .props: return current.tree?.visible.count ?? 1
        case .html: return current.htmlPreamble.count + current.html.lines.count
        case .headers: return current.headerLines(width: paneSize(view).width).count
        case .timing: return current.timingLines(width: paneSize(view).width).count
        }
    }

    /// Rows `range` of a view (clamped to its rows), each a line and the columns of it to skip:
    /// the piece of a wrapped line, or the view's sideways scroll.
    func rows(_ view: ViewKind, _ range: Range<Int>) -> [(line: StyledText, skip: Int)] {
        let rows = range.clamped(to: 0..<lineCount(view))
        if let index = wrapIndex[view] {
            return rows.map { row in
                let (line, piece) = index.locate(row)
                return (self.line(view, line), piece * index.width)
            }
        }
        let column = pane(view).column
        switch view {
        case .headers, .timing:
            guard let current else { return [] }
            let all = view == .headers ? current.headerLines(width: paneSize(view).width) : current.timingLines(width: paneSize(view).width)
            return all[rows].map { ($0, column) }
        case .props, .html:
            return rows.map { (line(view, $0), column) }
        }
    }

    /// Line `row` of a view, before wrapping.
    func line(_ view: ViewKind, _ row: Int) -> StyledText {
        guard let current else { return "" }
        switch view {
        case .props:
            guard let tree = current.tree else { return StyledText(noPropsReason(current), .dim) }
            return tree.line(tree.visible[row])
        case .html:
            let preamble = current.htmlPreamble
            return row < preamble.count ? preamble[row] : current.html.styled(row - preamble.count)
        case .headers: return current.headerLines(width: paneSize(view).width)[row]
        case .timing: return current.timingLines(width: paneSize(view).width)[row]
        }
    }

    private func noPropsReason(_ current: Presentation) -> String {
        switch current.exchange.outcome {
        case .clientNotFound: "(no props: the client renders its 404 page without any)"
        case .failed(let message): "(no props: \(message))"
        case .leftSite(let url): "(no props: the browser leaves for \(url))"
        case .page: "(no props)"
        }
    }

    /// The inside of a view's box, or of the box it would have.
    func paneSize(_ view: ViewKind) -> (width: Int, height: Int) {
        let layout = layout
        let box = layout.box(of: view) ?? layout.views.first?.box ?? Rect(x: 0, y: 0, width: width, height: height)
        return (max(1, box.width - 2), max(1, box.height - 2))
    }

    /// The columns of every line of a text view, for wrapping. HTML lines are measured from
    /// their text (ASCII by its length), not laid out: a 50,000-line document takes milliseconds.
    func lineWidths(_ view: ViewKind) -> [Int] {
        guard let current else { return [] }
        if view == .html {
            let preamble = current.htmlPreamble.map { DisplayWidth.of($0.plainText) }
            return preamble + current.html.lines.map { line in
                let text = line.text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) ? line.text.utf8.count : DisplayWidth.of(line.text)
                return 2 * min(line.indent, 20) + text
            }
        }
        return (0..<rawLineCount(view)).map { DisplayWidth.of(line(view, $0).plainText) }
    }
}

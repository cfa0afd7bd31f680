/// The lines of each view for the current exchange (or the diff shown in its place), read one
/// at a time so that a view of a million lines costs only the rows drawn.
extension AppState {
    /// The Props view's tree: the diff's when one is shown.
    var propsTree: JSONTree? {
        get { propsQuery != nil ? nil : diffShown.map(\.tree) ?? current?.tree }
        set {
            if diffShown != nil { diffShown?.tree = newValue } else { current?.tree = newValue }
        }
    }

    /// Rows of a view: its lines, or with long lines wrapped (`w`), their pieces.
    func lineCount(_ view: ViewKind) -> Int {
        if let index = wrapIndex[view] { return index.rows }
        return rawLineCount(view)
    }

    /// The lines of a view, before wrapping.
    func rawLineCount(_ view: ViewKind) -> Int {
        if let diffShown {
            switch view {
            case .props: return diffShown.tree?.visible.count ?? 1
            case .html: return diffShown.htmlLines.count
            case .headers, .timing: return textLines(view)!.count
            }
        }
        guard let current else { return 0 }
        if view == .props, let propsQuery { return max(1, propsQuery.matches.count) }
        switch view {
        case .props: return current.tree?.visible.count ?? 1
        case .html: return current.htmlPreamble.count + current.html.lines.count
        case .headers, .timing: return textLines(view)!.count
        }
    }

    /// Rows `range` of a view (clamped to its rows), each a line and the columns of it to skip:
    /// the piece of a wrapped line, or the view's sideways scroll.
    func rows(_ view: ViewKind, _ range: Range<Int>) -> [(line: StyledText, skip: Int)] {
        let rows = range.clamped(to: 0..<lineCount(view))
        // Headers and Timing are laid out for the width as a whole: once for all the rows.
        let laidOut = textLines(view)
        func text(_ line: Int) -> StyledText { laidOut?[line] ?? self.line(view, line) }
        if let index = wrapIndex[view] {
            return rows.map { row in
                let (line, piece) = index.locate(row)
                return (text(line), piece * index.width)
            }
        }
        let column = pane(view).column
        return rows.map { (text($0), column) }
    }

    /// The Headers or Timing view's lines, laid out for its width; `nil` for the others.
    private func textLines(_ view: ViewKind) -> [StyledText]? {
        if let diffShown {
            switch view {
            case .headers: return diffShown.headerLines
            case .timing: return diffShown.timingLines(width: paneSize(view).width)
            case .props, .html: return nil
            }
        }
        guard let current else { return nil }
        switch view {
        case .headers: return current.headerLines(width: paneSize(view).width)
        case .timing: return current.timingLines(width: paneSize(view).width)
        case .props, .html: return nil
        }
    }

    /// Line `row` of a view, before wrapping.
    func line(_ view: ViewKind, _ row: Int) -> StyledText {
        if let diffShown {
            switch view {
            case .props:
                guard let tree = diffShown.tree else { return diffShown.noPropsLine }
                return tree.line(tree.visible[row])
            case .html: return diffShown.htmlLines[row]
            case .headers, .timing: return textLines(view)![row]
            }
        }
        guard let current else { return "" }
        if view == .props, let propsQuery { return propsQuery.line(row) }
        switch view {
        case .props:
            guard let tree = current.tree else { return current.noPropsLine }
            return current.propsLine(tree, tree.visible[row])
        case .html:
            let preamble = current.htmlPreamble
            return row < preamble.count ? preamble[row] : current.html.styled(row - preamble.count)
        case .headers, .timing: return textLines(view)![row]
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
        if view == .html, diffShown == nil {
            let preamble = current.htmlPreamble.map { DisplayWidth.of($0.plainText) }
            return preamble + current.html.lines.map { line in
                let text = line.text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) ? line.text.utf8.count : DisplayWidth.of(line.text)
                return 2 * min(line.indent, 20) + text
            }
        }
        if view == .html, let diffShown { return diffShown.htmlLines.map { DisplayWidth.of($0.plainText) } }
        return (textLines(view) ?? []).map { DisplayWidth.of($0.plainText) }
    }
}

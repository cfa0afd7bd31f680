import Foundation

/// `/`, `n` and `N`: a search scans its view in slices (the loop calls `continueWork` between
/// frames while `isBusy`), then moves the cursor from match to match.
extension AppState {
    /// Whether work remains for the frames to come (a search still scanning).
    package var isBusy: Bool { search?.isScanning == true }

    /// Starts a search of `view` from its cursor; an empty query repeats the last search.
    mutating func startSearch(_ query: String, in view: ViewKind) {
        guard !query.isEmpty else {
            // As in less and vim.
            if search != nil { findNext(backwards: false) }
            return
        }
        search = SearchState(query: query, view: view, total: searchItemCount(view))
        continueWork()
    }

    mutating func findNext(backwards: Bool) {
        guard let search else {
            message = StyledText("No search yet: press / in a view.", .dim)
            return
        }
        if search.isScanning { return }
        guard !search.matches.isEmpty else {
            message = StyledText("“\(search.query)” is not in \(search.view.title).", .warning)
            return
        }
        moveToMatch(backwards: backwards, including: false)
    }

    /// One slice of the scan; at its end, the cursor goes to the first match from where it is.
    package mutating func continueWork() {
        guard var run = search, run.isScanning, current != nil else { return }
        let matcher = TextSearch(run.query)
        let end = min(run.total, run.scanned + SearchState.slice)
        if run.view == .props, let tree = propsTree {
            for node in run.scanned..<end where tree.matches(node, matcher) { run.matches.append(node) }
        } else {
            for row in run.scanned..<end where matcher.matches(searchText(run.view, row)) { run.matches.append(row) }
        }
        run.scanned = end
        search = run
        guard !run.isScanning else { return }
        if run.matches.isEmpty {
            message = StyledText("“\(run.query)” is not in \(run.view.title).", .warning)
            return
        }
        moveToMatch(backwards: run.backwards, including: true)
    }

    /// Rows (nodes, for the props) a search of `view` looks at.
    private func searchItemCount(_ view: ViewKind) -> Int {
        if view == .props, let tree = propsTree { return tree.nodes.count }
        return rawLineCount(view)
    }

    /// A row's text without its colours; HTML lines without their indentation.
    private func searchText(_ view: ViewKind, _ row: Int) -> String {
        if view == .html, diffShown == nil, let current {
            let preamble = current.htmlPreamble
            return row < preamble.count ? preamble[row].plainText : current.html.lines[row - preamble.count].text
        }
        return line(view, row).plainText
    }

    private mutating func moveToMatch(backwards: Bool, including: Bool) {
        guard var run = search else { return }
        let view = run.view
        var pane = pane(view)
        if view == .props, var tree = propsTree {
            let node = tree.visible.isEmpty ? 0 : tree.visible[min(pane.cursor, tree.visible.count - 1)]
            guard let position = run.next(after: node, backwards: backwards, including: including) else { return }
            let found = run.matches[position]
            tree.reveal(found)
            propsTree = tree
            pane.cursor = tree.row(of: found)
            run.position = position
        } else {
            // Matches are lines; with wrapping on, the cursor is on a row of one.
            let cursorLine = wrapIndex[view]?.locate(pane.cursor).line ?? pane.cursor
            guard let position = run.next(after: cursorLine, backwards: backwards, including: including) else { return }
            let found = run.matches[position]
            pane.cursor = wrapIndex[view]?.firstRow(of: found) ?? found
            run.position = position
            let text = line(view, found).plainText
            if wrapIndex[view] == nil, let range = text.range(of: run.query, options: .caseInsensitive) {
                let before = DisplayWidth.of(String(text[..<range.lowerBound]))
                let width = paneSize(view).width
                if before < pane.column || before >= pane.column + width - 4 { pane.column = max(0, before - width / 3) }
            }
        }
        search = run
        focus = .view(view)
        activeView = view
        panes[view] = pane
        scrollToCursor(view)
    }
}

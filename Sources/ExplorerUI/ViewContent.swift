/// The lines of each view for the current exchange, read one at a time so that a view of a
/// million lines costs only the rows drawn.
extension AppState {
    func lineCount(_ view: ViewKind) -> Int {
        guard let current else { return 0 }
        switch view {
        case .props: return current.tree?.visible.count ?? 1
        case .html: return current.htmlPreamble.count + current.html.lines.count
        case .headers: return current.headerLines(width: paneSize(view).width).count
        case .timing: return current.timingLines(width: paneSize(view).width).count
        }
    }

    /// Rows `range` of a view (clamped to its lines): the lines laid out for a width are built once.
    func lines(_ view: ViewKind, _ range: Range<Int>) -> [StyledText] {
        guard let current else { return [] }
        switch view {
        case .headers, .timing:
            let all = view == .headers ? current.headerLines(width: paneSize(view).width) : current.timingLines(width: paneSize(view).width)
            return Array(all[range.clamped(to: 0..<all.count)])
        case .props, .html:
            return range.clamped(to: 0..<lineCount(view)).map { line(view, $0) }
        }
    }

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
}

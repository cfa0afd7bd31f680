import Foundation

/// Keys in a focused view: moving, scrolling, folding the props, searching.
extension AppState {
    mutating func pressInView(_ view: ViewKind, _ key: Key) {
        let count = lineCount(view)
        let height = paneSize(view).height
        var pane = panes[view] ?? PaneState()
        switch key {
        case KeyMap.up: pane.cursor -= 1
        case KeyMap.down: pane.cursor += 1
        case KeyMap.pageUp: pane.cursor -= height
        case KeyMap.pageDown: pane.cursor += height
        case KeyMap.home: pane.cursor = 0
        case KeyMap.end: pane.cursor = count - 1
        case KeyMap.left where view != .props && !wrapping.contains(view): pane.column = max(0, pane.column - 8)
        case KeyMap.right where view != .props && !wrapping.contains(view): pane.column += 8
        case KeyMap.wrap where view != .props:
            panes[view] = pane
            toggleWrapping(view)
            return
        case KeyMap.wrap:
            message = StyledText("Props cut a long value at the edge: Enter on it shows it whole.", .dim)
        case KeyMap.open where view == .props && propsQuery != nil:
            if let match = propsQuery?.matches[safe: pane.cursor] {
                overlay = .value(path: match.path.description, text: match.value.jsonText, top: 0)
            }
        default:
            if view == .props { pressInProps(key, &pane) }
        }
        // Folding changes the number of rows: clamp to what there is now.
        pane.cursor = max(0, min(pane.cursor, lineCount(view) - 1))
        panes[view] = pane
        scrollToCursor(view)
    }

    /// Folding: Enter/Space toggle, ← fold or go to the parent, → unfold or go to the first
    /// child, +/- one level more or less everywhere, e everything open, x everything folded.
    private mutating func pressInProps(_ key: Key, _ pane: inout PaneState) {
        guard var tree = propsTree, !tree.visible.isEmpty else { return }
        let node = tree.visible[min(pane.cursor, tree.visible.count - 1)]
        switch key {
        case KeyMap.open where !tree.nodes[node].isContainer:
            overlay = .value(path: "props" + tree.path(of: node), text: tree.nodes[node].fullText, top: 0)
            return
        case KeyMap.fold: tree.setFolded(node, !tree.isFolded(node))
        case KeyMap.left:
            if tree.nodes[node].isContainer && !tree.isFolded(node) {
                tree.setFolded(node, true)
            } else if tree.nodes[node].parent >= 0 {
                pane.cursor = tree.row(of: tree.nodes[node].parent)
                return
            }
        case KeyMap.right:
            if tree.isFolded(node) {
                tree.setFolded(node, false)
            } else {
                if tree.nodes[node].isContainer { pane.cursor += 1 }
                return
            }
        case KeyMap.openLevel: tree.setLevel(tree.openLevel + 1)
        case KeyMap.foldLevel: tree.setLevel(max(tree.foldedLevel, tree.openLevel - 1))
        case KeyMap.openAll: tree.setLevel(Int.max)
        case KeyMap.foldAll: tree.setLevel(tree.foldedLevel)
        case KeyMap.sizes:
            overlay = .sizes
            return
        case KeyMap.copyPath:
            guard diffShown == nil, let props = current?.exchange.props else {
                message = StyledText("The diff's tree mixes two sides: leave it (d) to copy a path.", .warning)
                return
            }
            let path = PropsPath(tree.steps(of: node))
            let value = path.value(in: props)?.jsonText ?? ""
            overlay = .copyPath(path, value: value, cursor: 0)
            return
        default: return
        }
        // The cursor stays on its node (or the nearest shown ancestor) as rows fold and open.
        pane.cursor = tree.row(of: node)
        propsTree = tree
    }

    /// Moves the view so that its cursor row is on screen.
    mutating func scrollToCursor(_ view: ViewKind) {
        guard var pane = panes[view] else { return }
        let height = paneSize(view).height
        let count = lineCount(view)
        pane.cursor = max(0, min(pane.cursor, count - 1))
        if pane.cursor < pane.top { pane.top = pane.cursor }
        if pane.cursor >= pane.top + height { pane.top = pane.cursor - height + 1 }
        pane.top = max(0, min(pane.top, count - height))
        panes[view] = pane
    }

    func pane(_ view: ViewKind) -> PaneState { panes[view] ?? PaneState() }

    /// `w`: long lines of a text view wrap, or run off to the right again; the cursor stays on
    /// its line.
    private mutating func toggleWrapping(_ view: ViewKind) {
        var pane = pane(view)
        let line = wrapIndex[view]?.locate(pane.cursor).line ?? pane.cursor
        if wrapping.contains(view) {
            wrapping.remove(view)
            message = StyledText("Long lines run off to the right again (→ scrolls, w wraps).", .dim)
        } else {
            wrapping.insert(view)
            message = StyledText("Long lines wrap (w again: one row each).", .dim)
        }
        rewrap()
        pane.column = 0
        pane.cursor = wrapIndex[view]?.firstRow(of: line) ?? line
        panes[view] = pane
        scrollToCursor(view)
    }

    /// The wrap indexes of the wrapping views, for the current exchange and size.
    mutating func rewrap() {
        wrapIndex = [:]
        guard current != nil else { return }
        for view in wrapping { wrapIndex[view] = WrapIndex(widths: lineWidths(view), width: paneSize(view).width) }
    }
}

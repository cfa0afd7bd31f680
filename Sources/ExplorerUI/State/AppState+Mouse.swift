/// The mouse: a press does what the keys would do where it lands (open a route, focus a pane,
/// pick a tab, move to a row and fold it, pick a line of a window); the wheel scrolls what is
/// under the pointer.
extension AppState {
    /// Rows the wheel moves per notch.
    static let wheelRows = 3

    mutating func mouse(_ event: MouseEvent) -> [Effect] {
        if layout.isTooSmall { return [] }
        if let overlay { return mouseInWindow(overlay, event) }
        let layout = self.layout
        if let box = layout.routes, box.contains(x: event.x, y: event.y) {
            focus = .routes
            switch event.action {
            case .wheelUp, .wheelDown:
                let step = event.action == .wheelUp ? -AppState.wheelRows : AppState.wheelRows
                routeCursor = max(0, min(routes.count - 1, routeCursor + step))
                return []
            case .press:
                let inner = box.inner
                let (top, rows) = Screen.routeRows(self, inner)
                let row = event.y - inner.y
                guard inner.contains(x: event.x, y: event.y), row < rows, routes.indices.contains(top + row) else { return [] }
                routeCursor = top + row
                return handle(.key(.enter))
            }
        }
        guard let (kind, box) = layout.views.first(where: { $0.box.contains(x: event.x, y: event.y) }) else { return [] }
        if event.action == .press, event.y == box.y {
            // The title row: a tab, or the view's own title.
            let picked = layout.tabbed ? Screen.tab(at: event.x, kind, self, box: box) : kind
            if let picked {
                activeView = picked
                focus = .view(picked)
            }
            return []
        }
        activeView = kind
        focus = .view(kind)
        guard current != nil else { return [] }
        let inner = box.inner
        var pane = self.pane(kind)
        switch event.action {
        case .wheelUp, .wheelDown:
            // The page moves under a cursor that stays on screen.
            let count = lineCount(kind)
            let step = event.action == .wheelUp ? -AppState.wheelRows : AppState.wheelRows
            pane.top = max(0, min(pane.top + step, count - inner.height))
            pane.cursor = max(pane.top, min(pane.cursor, pane.top + inner.height - 1))
            panes[kind] = pane
            scrollToCursor(kind)
        case .press:
            let row = pane.top + event.y - inner.y
            guard inner.contains(x: event.x, y: event.y), row < lineCount(kind) else { return [] }
            pane.cursor = row
            panes[kind] = pane
            // In the props tree a press on an object or array opens or folds it, as Space does.
            if kind == .props, propsQuery == nil, let tree = propsTree, tree.visible.indices.contains(row), tree.nodes[tree.visible[row]].isContainer {
                pressInView(.props, .character(" "))
            }
        }
        return []
    }

    /// In a window: a press on a line picks it (and, where Enter does something with it, does
    /// that); a press outside closes the window, except a prompt's, which keeps what was typed.
    private mutating func mouseInWindow(_ overlay: Overlay, _ event: MouseEvent) -> [Effect] {
        guard let window = Screen.window(of: overlay, self) else { return [] }
        switch event.action {
        case .wheelUp, .wheelDown:
            var effects: [Effect] = []
            for _ in 0..<AppState.wheelRows { effects += handle(.key(event.action == .wheelUp ? .up : .down)) }
            return effects
        case .press:
            guard window.box.contains(x: event.x, y: event.y) else { return handle(.key(.escape)) }
            let inner = window.box.inner
            guard inner.contains(x: event.x, y: event.y) else { return [] }
            let line = window.top + event.y - inner.y
            switch overlay {
            case .links:
                guard (current?.analysis.links ?? []).indices.contains(line) else { return [] }
                self.overlay = .links(cursor: line)
            case .history:
                guard exchanges.indices.contains(line) else { return [] }
                self.overlay = .history(cursor: line)
            case .site(_, let column):
                // The table's first line is its heading.
                guard let report = siteReport, report.pages.indices.contains(line - 1) else { return [] }
                self.overlay = .site(cursor: line - 1, column: column)
            case .copyPath(let path, let value, _):
                guard (0..<Screen.copyForms(path, value: value).count).contains(line) else { return [] }
                self.overlay = .copyPath(path, value: value, cursor: line)
            default:
                return []
            }
            return handle(.key(.enter))
        }
    }
}

import Browser
import Foundation

extension AppState {
    /// Applies an event; returns what to do outside (fetch, copy, quit).
    package mutating func handle(_ event: Event) -> [Effect] {
        let before = layout
        let effects = apply(event)
        // A view's box changed (a resize, zoom, another tab): its wrapped lines are laid out again.
        if layout != before, !wrapping.isEmpty {
            rewrap()
            for view in wrapping { scrollToCursor(view) }
        }
        return effects
    }

    private mutating func apply(_ event: Event) -> [Effect] {
        switch event {
        case .key(.mouse(let event)):
            message = nil
            return mouse(event)
        case .key(let key):
            message = nil
            return press(key)
        case .resize(let width, let height):
            self.width = width
            self.height = height
            for view in ViewKind.allCases { scrollToCursor(view) }
            // The Headers and Timing views wrap to the width: their rows are found again.
            if let search, search.view == .headers || search.view == .timing { startSearch(search.query, in: search.view) }
            return []
        case .siteLoaded(.success(let site)):
            self.site = site
            routes = (site.routes ?? []).map(RouteRow.init)
            routeCursor = min(routeCursor, max(0, routes.count - 1))
            siteProblem = site.routes == nil ? "this server lists no routes: press g and type a path" : nil
            siteUnreachable = nil
            return []
        case .siteLoaded(.failure(let error)):
            siteUnreachable = error.message
            return []
        case .navigated(let id, let presentation, let back, let forward):
            // A navigation that was stopped or superseded: its result is dropped.
            guard loading?.id == id else { return [] }
            loading = nil
            canGoBack = back
            canGoForward = forward
            show(presentation)
            exchanges.append(presentation)
            if exchanges.count > AppState.historyLimit { exchanges.removeFirst(exchanges.count - AppState.historyLimit) }
            if case .failed(let reason) = presentation.exchange.outcome {
                message = StyledText("Navigation failed: \(reason)", .serverError)
            }
            // A diff still on its way was of the page before: it is not wanted any more.
            var effects: [Effect] = []
            if diffing != nil {
                diffing = nil
                effects.append(.stopDiffing)
            }
            if let buildId = presentation.exchange.newBuildId {
                // The routes of the new build may differ: read them again, as the client does.
                message = StyledText("The site was deployed again (build \(buildId)): the data request failed, the page loaded in full; routes read again.", .warning)
                effects.append(.loadSite)
            }
            return effects
        case .headingTo(let id, let url, let back, let forward):
            // History moved even if a newer navigation supersedes this one.
            canGoBack = back
            canGoForward = forward
            if loading?.id == id { loading?.target = url }
            return []
        case .historyEnd(let id, let back):
            guard loading?.id == id else { return [] }
            loading = nil
            message = StyledText(back ? "No earlier page in this tab's history." : "No later page in this tab's history.", .warning)
            return []
        case .compared(let comparison):
            if case .compare(let path, nil)? = overlay, path == comparison.path { overlay = .compare(path: path, result: comparison) }
            return []
        case .requestSettings(let settings):
            requestSettings = settings
            return []
        case .opened(let recording, let file):
            let opened = recording.exchanges.map { exchange in
                var presentation = Presentation(exchange)
                presentation.recording = URL(fileURLWithPath: file).lastPathComponent
                return presentation
            }
            exchanges = Array((exchanges + opened).suffix(AppState.historyLimit))
            recordedOthers = RecordedSession.lines(recording.others)
            if let first = opened.first { show(first) }
            message = StyledText(
                "\(file), recorded by \(recording.recordedBy): \(opened.count) navigation\(opened.count == 1 ? "" : "s") in the history (h), \(recording.others.count) other request\(recording.others.count == 1 ? "" : "s") listed there.",
                opened.isEmpty ? .warning : .success)
            return []
        case .saved(let result):
            switch result {
            case .success(let text): message = StyledText(text, .success)
            case .failure(let error): message = StyledText("Not saved: \(error.message)", .serverError)
            }
            return []
        case .crawlProgress(let progress):
            if crawling != nil { crawling = progress }
            return []
        case .crawled(let result):
            guard crawling != nil else { return [] }
            crawling = nil
            switch result {
            case .success(let report):
                siteReport = report
                if case .site(_, let column)? = overlay { overlay = .site(cursor: 0, column: column) }
            case .failure(let error):
                message = StyledText("The crawl stopped: \(error.message)", .serverError)
            }
            return []
        case .diffed(let id, let result):
            guard diffing?.id == id else { return [] }
            diffing = nil
            switch result {
            case .success(let diff): showDiff(diff)
            case .failure(let failure): message = StyledText("No diff: \(failure.reason)", .serverError)
            }
            return []
        }
    }

    mutating func show(_ presentation: Presentation) {
        leaveDiff()
        propsQuery = nil
        current = presentation
        panes = [:]
        search = nil
        rewrap()
        if let page = presentation.exchange.page, let index = routes.firstIndex(where: { $0.pattern == page }) {
            routeCursor = index
        }
    }

    private mutating func press(_ key: Key) -> [Effect] {
        if layout.isTooSmall {
            if case KeyMap.quit = key { quitting = true; return [.quit] }
            return []
        }
        if overlay != nil { return pressInOverlay(key) }
        switch key {
        case KeyMap.quit:
            quitting = true
            return [.quit]
        case KeyMap.help: overlay = .help(top: 0)
        case KeyMap.stop:
            if let loading {
                // As a browser's stop button: the page on screen stays.
                self.loading = nil
                message = StyledText("Stopped the \(loading.label): the page shown is the one before.", .warning)
                return [.stopNavigation]
            }
            if diffing != nil {
                diffing = nil
                message = StyledText("Stopped the diff: nothing more is fetched for it.", .warning)
                return [.stopDiffing]
            }
            if zoomed {
                zoomed = false
            } else if search != nil {
                search = nil
            } else if propsQuery != nil {
                propsQuery = nil
                panes[.props] = nil
                message = StyledText("All the props again.", .dim)
            } else if diffShown != nil {
                leaveDiff()
            }
        case KeyMap.nextPane: cycleFocus(forward: true)
        case KeyMap.previousPane: cycleFocus(forward: false)
        case KeyMap.view:
            focusView(ViewKind(rawValue: KeyMap.view.keys.firstIndex(of: key)!)!)
        case KeyMap.routes: focus = .routes
        case KeyMap.zoom: zoomed.toggle()
        case KeyMap.goTo: overlay = .prompt(Prompt(purpose: .address(.clientTransition), editor: LineEditor()))
        case KeyMap.hard: return navigate(.hardNavigation, to: currentPath)
        case KeyMap.repeatNavigation:
            // What the address bar shows: the page on its way, else the page on screen.
            if let loading, let target = loading.target { return navigate(loading.kind, to: target) }
            if let current { return navigate(current.exchange.requested, to: current.exchange.url) }
            if routes.isEmpty {
                // The site could not be read (a server that was down): try again.
                siteUnreachable = nil
                return [.loadSite]
            }
        case KeyMap.links:
            if current == nil { message = StyledText("Open a page first: its links are listed here.", .dim) } else { overlay = .links(cursor: 0) }
        case KeyMap.history: overlay = .history(cursor: max(0, exchanges.count - 1))
        case KeyMap.back:
            let id = startNavigation(.clientTransition, target: nil, step: "back")
            return [.back(id: id)]
        case KeyMap.forward:
            let id = startNavigation(.clientTransition, target: nil, step: "forward")
            return [.forward(id: id)]
        case KeyMap.mark:
            guard let current else {
                message = StyledText("Nothing to mark yet: open a page first.", .warning)
                return []
            }
            mark(current)
        case KeyMap.diff:
            if diffShown != nil {
                leaveDiff()
                return []
            }
            guard let marked, let current else {
                message = StyledText(marked == nil ? "Mark an exchange first (m), then open another and press d." : "Open a page to diff against the marked one.", .warning)
                return []
            }
            return startDiff(a: marked, b: .shown(current), labels: ("marked", "shown"), saying: "diffing the marked exchange with this one")
        case KeyMap.query:
            guard current?.exchange.props != nil, diffShown == nil else {
                message = StyledText(diffShown != nil ? "Leave the diff (d) to query the props." : "No props to query: open a page first.", .warning)
                return []
            }
            overlay = .prompt(Prompt(purpose: .jsonPath, editor: LineEditor(propsQuery?.text ?? "$")))
        case KeyMap.saveHAR:
            guard !exchanges.isEmpty else {
                message = StyledText("Nothing to save yet: the history is empty.", .warning)
                return []
            }
            overlay = .prompt(Prompt(purpose: .saveHAR, editor: LineEditor("explorer-session.har")))
        case KeyMap.site:
            overlay = .site(cursor: 0, column: SiteTable.defaultColumn)
            if siteReport == nil, crawling == nil { return startCrawl() }
        case KeyMap.diffAgainst:
            guard current != nil else {
                message = StyledText("Open a page first: D diffs it against itself again, as another identity or on another server.", .warning)
                return []
            }
            overlay = .prompt(Prompt(purpose: .diffAgainst(otherSite: otherSite), editor: LineEditor()))
        case KeyMap.compare:
            let path = currentPath
            overlay = .compare(path: path, result: nil)
            return [.compare(path)]
        case KeyMap.curl:
            guard let request = current?.exchange.lastFetch?.request else {
                message = StyledText("Nothing was requested yet: open a page first.", .warning)
                return []
            }
            let command = CurlCommand.make(request, base: curlBase)
            overlay = .curl(command)
            return [.copy(command)]
        case KeyMap.requestSetting: overlay = .prompt(Prompt(purpose: .requestSetting, editor: LineEditor()))
        case KeyMap.search:
            if case .view(let view) = focus {
                overlay = .prompt(Prompt(purpose: .search(view), editor: LineEditor()))
            } else {
                message = StyledText("Focus a view first (Tab or 1–4): search looks in the focused view.", .dim)
            }
        case KeyMap.nextMatch: findNext(backwards: false)
        case KeyMap.previousMatch: findNext(backwards: true)
        default:
            switch focus {
            case .routes: return pressInRoutes(key)
            case .view(let view): pressInView(view, key)
            }
        }
        return []
    }

    /// The path of the page shown, or else the selected route's example.
    var currentPath: String {
        current?.exchange.url ?? routes[safe: routeCursor]?.example ?? "/"
    }

    mutating func navigate(_ kind: Exchange.Kind, to path: String) -> [Effect] {
        var path = path.trimmingCharacters(in: .whitespaces)
        if path.isEmpty { return [] }
        if !path.hasPrefix("/"), !path.contains("://") { path = "/" + path }
        let id = startNavigation(kind, target: path, step: nil)
        return [.navigate(id: id, kind, path)]
    }

    /// A new navigation supersedes the one in flight: only the newest one's result is shown.
    private mutating func startNavigation(_ kind: Exchange.Kind, target: String?, step: String?) -> Int {
        lastNavigationID += 1
        loading = Loading(id: lastNavigationID, kind: kind, target: target, step: step)
        return lastNavigationID
    }

    private mutating func cycleFocus(forward: Bool) {
        let order: [Focus] = [.routes] + ViewKind.allCases.map { .view($0) }
        let index = order.firstIndex(of: focus) ?? 0
        let next = order[(index + (forward ? 1 : order.count - 1)) % order.count]
        if case .view(let view) = next { focusView(view) } else { focus = next }
    }

    private mutating func focusView(_ view: ViewKind) {
        focus = .view(view)
        activeView = view
    }

    private mutating func pressInRoutes(_ key: Key) -> [Effect] {
        guard !routes.isEmpty else { return [] }
        let page = max(1, (layout.routes?.height ?? 3) - 2)
        switch key {
        case KeyMap.up: routeCursor = max(0, routeCursor - 1)
        case KeyMap.down: routeCursor = min(routes.count - 1, routeCursor + 1)
        case KeyMap.pageUp: routeCursor = max(0, routeCursor - page)
        case KeyMap.pageDown: routeCursor = min(routes.count - 1, routeCursor + page)
        case KeyMap.home: routeCursor = 0
        case KeyMap.end: routeCursor = routes.count - 1
        case KeyMap.open, KeyMap.right:
            let route = routes[routeCursor]
            if route.isDynamic {
                overlay = .prompt(Prompt(purpose: .routeParameters(pattern: route.pattern), editor: LineEditor(route.example)))
                return []
            }
            return navigate(.clientTransition, to: route.example)
        default: break
        }
        return []
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

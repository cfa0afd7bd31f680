import Browser
import Foundation
import HTTPTypes

/// Keys while a window is open over the screen: Esc closes any of them.
extension AppState {
    mutating func pressInOverlay(_ key: Key) -> [Effect] {
        guard let overlay else { return [] }
        if case KeyMap.close = key {
            self.overlay = nil
            return stopWork(overlay)
        }
        // q quits from every window but a prompt, where it is a letter typed.
        if case KeyMap.quit = key {
            if case .prompt = overlay {} else {
                quitting = true
                return [.quit]
            }
        }
        switch overlay {
        case .prompt(var prompt):
            if case KeyMap.submit = key {
                self.overlay = nil
                switch submit(prompt) {
                case .success(let effects): return effects
                case .failure(let problem):
                    prompt.problem = problem.reason
                    self.overlay = .prompt(prompt)
                    return []
                }
            }
            prompt.problem = nil
            if case KeyMap.switchKind = key, case .address(let kind) = prompt.purpose {
                prompt.purpose = .address(kind == .clientTransition ? .hardNavigation : .clientTransition)
                self.overlay = .prompt(prompt)
                return []
            }
            if prompt.editor.apply(key) { self.overlay = .prompt(prompt) }
        case .links(let cursor):
            let links = current?.analysis.links ?? []
            switch key {
            case KeyMap.open:
                guard let link = links[safe: cursor] else { return [] }
                self.overlay = nil
                switch link.destination {
                case .page(let href):
                    // The site's HTML writes its basePath in its links; a navigation takes the path without it.
                    let path: String? = site.map { $0.pagePath(ofLink: href) } ?? href
                    guard let path else {
                        message = StyledText("\(href) is outside the site's basePath (\(site?.basePath ?? "")): another app, not followed.", .warning)
                        return []
                    }
                    return navigate(.clientTransition, to: path)
                case .external(let url):
                    message = StyledText("\(url) is on another site: next/link would leave the explorer's site, so it is not followed.", .warning)
                case .fragment:
                    message = StyledText("\(link.href) scrolls within the page: no navigation.", .dim)
                }
            default:
                self.overlay = .links(cursor: moved(cursor, key, count: links.count))
            }
        case .history(let cursor):
            if case KeyMap.mark = key, let presentation = exchanges[safe: cursor] {
                mark(presentation)
            } else if case KeyMap.open = key, let presentation = exchanges[safe: cursor] {
                self.overlay = nil
                show(presentation)
                message = StyledText("An earlier exchange, as it was (not fetched again): r repeats it.", .dim)
            } else {
                self.overlay = .history(cursor: moved(cursor, key, count: exchanges.count))
            }
        case .help(let top):
            if KeyMap.open ~= key || KeyMap.help ~= key {
                self.overlay = nil
            } else {
                let lines = Screen.help(width: Screen.helpWidth(self) - 4).count
                self.overlay = .help(top: moved(top, key, count: max(1, lines - (height - 4))))
            }
        case .site(let cursor, let column):
            let pages = siteReport.map { SiteTable.sorted($0.pages, by: column) } ?? []
            switch key {
            case KeyMap.open:
                guard let page = pages[safe: cursor] else { return [] }
                self.overlay = nil
                return navigate(.clientTransition, to: page.url)
            case KeyMap.left, KeyMap.right:
                let step = KeyMap.right ~= key ? 1 : SiteTable.columns.count - 1
                self.overlay = .site(cursor: 0, column: (column + step) % SiteTable.columns.count)
            case KeyMap.repeatNavigation:
                if crawling == nil { return startCrawl() }
            default:
                self.overlay = .site(cursor: moved(cursor, key, count: pages.count), column: column)
            }
        case .copyPath(let path, let value, let cursor):
            let forms = Screen.copyForms(path, value: value)
            if KeyMap.open ~= key {
                self.overlay = nil
                let form = forms[cursor]
                message = StyledText("Copied the \(form.label) (OSC 52): \(form.text)", .success)
                return [.copy(form.text)]
            }
            self.overlay = .copyPath(path, value: value, cursor: moved(cursor, key, count: forms.count))
        case .value(let path, let text, let top):
            if KeyMap.open ~= key {
                self.overlay = nil
            } else {
                let rows = Screen.valueLines(text, self).count - (height - 4)
                self.overlay = .value(path: path, text: text, top: moved(top, key, count: max(1, rows)))
            }
        case .sizes, .compare, .curl:
            if KeyMap.open ~= key || KeyMap.help ~= key {
                self.overlay = nil
                return stopWork(overlay)
            }
        }
        return []
    }

    /// Closing the compare window before its result came stops the fetching; closing the
    /// site's while it is crawled stops the crawl.
    private mutating func stopWork(_ closed: Overlay) -> [Effect] {
        if case .compare(_, nil) = closed { return [.stopComparing] }
        if case .site = closed, crawling != nil {
            crawling = nil
            message = StyledText("Stopped the crawl.", .warning)
            return [.stopCrawling]
        }
        return []
    }

    /// A crawl of the whole site, off the UI thread.
    mutating func startCrawl() -> [Effect] {
        crawling = SiteCrawl.Progress(crawled: 0, known: 0)
        return [.crawl]
    }

    private func moved(_ cursor: Int, _ key: Key, count: Int) -> Int {
        let next: Int
        switch key {
        case KeyMap.up: next = cursor - 1
        case KeyMap.down: next = cursor + 1
        case KeyMap.pageUp: next = cursor - 10
        case KeyMap.pageDown: next = cursor + 10
        case KeyMap.home: next = 0
        case KeyMap.end: next = count - 1
        default: next = cursor
        }
        return max(0, min(next, count - 1))
    }

    /// What was typed was not taken: the prompt says why and keeps it.
    struct Refused: Error {
        let reason: String
    }

    private mutating func submit(_ prompt: Prompt) -> Result<[Effect], Refused> {
        let text = prompt.editor.text
        switch prompt.purpose {
        case .address, .routeParameters:
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return .failure(Refused(reason: "Type a path first, such as /posts/1.")) }
            if case .address(let kind) = prompt.purpose { return .success(navigate(kind, to: text)) }
            return .success(navigate(.clientTransition, to: text))
        case .search(let view):
            startSearch(text, in: view)
            return .success([])
        case .requestSetting:
            return requestSetting(text)
        case .jsonPath:
            return queryProps(text)
        case .saveHAR:
            let path = text.trimmingCharacters(in: .whitespaces)
            guard !path.isEmpty else { return .failure(Refused(reason: "Type a file name, such as session.har.")) }
            message = StyledText("Saving \(exchanges.count) exchanges to \(path)…", .dim)
            return .success([.saveHAR(HARSave(path: path, exchanges: exchanges.map(\.exchange)))])
        case .diffAgainst:
            guard let current else { return .success([]) }
            return diffAgainst(text).map { side, label in
                startDiff(a: current, b: side, labels: ("shown", label), saying: "diffing \(current.exchange.url) against it \(label)")
            }
        }
    }

    /// Narrows the Props view to what the query selects; a query that is not JSONPath keeps the
    /// prompt, with the reason and where.
    private mutating func queryProps(_ text: String) -> Result<[Effect], Refused> {
        guard let props = current?.exchange.props else { return .success([]) }
        let query: JSONPath
        do throws(JSONPath.SyntaxError) { query = try JSONPath(text) } catch {
            return .failure(Refused(reason: "\(error.message), at character \(error.offset + 1)"))
        }
        let matches = query.evaluate(props)
        propsQuery = PropsQuery(text: text, matches: matches)
        panes[.props] = nil
        focus = .view(.props)
        activeView = .props
        message = StyledText("\(matches.count) node\(matches.count == 1 ? "" : "s") match \(text): Esc shows all the props again.", matches.isEmpty ? .warning : .success)
        return .success([])
    }

    /// A change to what every request sends (``RequestChange``), said in the key bar; removing
    /// what is not set is refused.
    private mutating func requestSetting(_ text: String) -> Result<[Effect], Refused> {
        if text.isEmpty { return .success([]) }
        let change: RequestChange
        switch RequestChange.parse(text) {
        case .success(let parsed): change = parsed
        case .failure(let refused): return .failure(refused)
        }
        switch change {
        case .serverDocument(let on):
            message = StyledText(
                on ? "After a client transition on a remote site, its document is fetched for the HTML view."
                    : "After a client transition the server's document is no longer fetched (getServerSideProps runs once).", .success)
        case .browserHeader(let header, let on):
            message = StyledText(on ? "Every request now sends \(header.rawValue), as a browser does." : "\(header.rawValue) is no longer sent.", .success)
        case .header(let name, let value?):
            message = StyledText(value.isEmpty ? "Every request now sends \(name) empty." : "Every request now sends \(name): \(value)", .success)
        case .header(let name, nil):
            guard requestSettings.headers.contains(where: { $0.name.lowercased() == name.lowercased() }) else {
                return .failure(Refused(reason: "\(name) is not set, so there is nothing to remove. Name: \"\" sends it empty."))
            }
            message = StyledText("Header \(name) removed.", .success)
        case .cookie(let name, let value?):
            message = StyledText("Every request now sends the cookie \(name)=\(value)", .success)
        case .cookie(let name, nil):
            guard requestSettings.cookies.contains(where: { $0.name == name }) else {
                return .failure(Refused(reason: "The cookie \(name) is not set, so there is nothing to remove."))
            }
            message = StyledText("Cookie \(name) removed.", .success)
        }
        return .success([.changeRequests(change)])
    }
}

/// Keys that do one thing: the update function matches a key against them (`case KeyMap.quit:`),
/// and the help window, the key bar and the prompts' hints write them from the same values, so
/// that what is shown is what works (Bubble Tea's `key.Binding`).
package struct Binding: Sendable {
    package let keys: [Key]

    init(_ keys: Key...) { self.keys = keys }

    /// The keys as help writes them: `↑ k`, `b Backspace`.
    package var label: String { keys.map(Binding.name).joined(separator: " ") }

    /// The first key, as the key bar writes it.
    var shortLabel: String { Binding.name(keys[0]) }

    static func ~= (binding: Binding, key: Key) -> Bool { binding.keys.contains(key) }

    static func name(_ key: Key) -> String {
        switch key {
        case .character(" "): "Space"
        case .character("\u{15}"): "Ctrl-U"
        case .character(let c): String(c)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .mouse(let event):
            switch event.action {
            case .press: "Click"
            case .wheelUp, .wheelDown: "Wheel"
            }
        }
    }
}

/// One line of help (several bindings when they are one idea: up and down) and, when it has
/// one, its short form in the key bar.
package struct HelpRow: Sendable {
    package let bindings: [Binding]
    package let action: String
    /// The key bar's word for it: `move`, `open`.
    let brief: String?

    init(_ bindings: Binding..., action: String, brief: String? = nil) {
        self.bindings = bindings
        self.action = action
        self.brief = brief
    }

    /// `↑ k  ↓ j`: each binding's keys, two spaces between bindings.
    package var label: String { bindings.map(\.label).joined(separator: "  ") }

    /// `↑/↓ move`, `Tab next` in the key bar: every binding's first key when each is one column
    /// wide, else the first binding's.
    var bar: (keys: String, action: String) {
        let labels = bindings.map(\.shortLabel)
        return (labels.allSatisfy { $0.count == 1 } ? labels.joined(separator: "/") : labels[0], brief ?? action)
    }
}

/// Every key of the UI.
package enum KeyMap {
    // Lists and views
    static let up = Binding(.up, .character("k"))
    static let down = Binding(.down, .character("j"))
    static let pageUp = Binding(.pageUp)
    static let pageDown = Binding(.pageDown)
    static let home = Binding(.home)
    static let end = Binding(.end)
    static let left = Binding(.left)
    static let right = Binding(.right)
    // Navigation
    static let open = Binding(.enter)
    static let goTo = Binding(.character("g"))
    static let hard = Binding(.character("H"))
    static let links = Binding(.character("l"))
    static let back = Binding(.character("b"), .backspace)
    static let forward = Binding(.character("f"))
    static let repeatNavigation = Binding(.character("r"))
    static let stop = Binding(.escape)
    static let history = Binding(.character("h"))
    static let compare = Binding(.character("c"))
    static let mark = Binding(.character("m"))
    static let diff = Binding(.character("d"))
    static let diffAgainst = Binding(.character("D"))
    static let site = Binding(.character("S"))
    // Panes
    static let nextPane = Binding(.tab)
    static let previousPane = Binding(.backTab)
    static let view = Binding(.character("1"), .character("2"), .character("3"), .character("4"))
    static let routes = Binding(.character("0"))
    static let zoom = Binding(.character("z"))
    static let wrap = Binding(.character("w"))
    static let search = Binding(.character("/"))
    static let nextMatch = Binding(.character("n"))
    static let previousMatch = Binding(.character("N"))
    // Props
    static let fold = Binding(.enter, .character(" "))
    static let openLevel = Binding(.character("+"), .character("="))
    static let foldLevel = Binding(.character("-"))
    static let openAll = Binding(.character("e"))
    static let foldAll = Binding(.character("x"))
    static let sizes = Binding(.character("s"))
    static let copyPath = Binding(.character("p"))
    static let query = Binding(.character("$"))
    // Requests
    static let requestSetting = Binding(.character("o"))
    static let curl = Binding(.character("y"))
    static let saveHAR = Binding(.character("W"))
    // Everywhere
    static let help = Binding(.character("?"))
    static let close = Binding(.escape)
    static let quit = Binding(.character("q"))
    // In a prompt
    static let submit = Binding(.enter)
    static let switchKind = Binding(.tab)
    static let clear = Binding(.character("\u{15}"))

    static let moveRow = HelpRow(up, down, action: "move in the focused list or view", brief: "move")
    static let openRow = HelpRow(open, action: "open the route (client transition; [id] asks)", brief: "open")
    static let goToRow = HelpRow(goTo, action: "go to a path (client transition; Tab: hard)", brief: "go to")
    static let hardRow = HelpRow(hard, action: "hard navigation to the current path", brief: "hard")
    static let linksRow = HelpRow(links, action: "links of the page: pick one to follow (next/link)", brief: "links")
    static let backRow = HelpRow(back, forward, action: "back, forward (re-fetched, as Next.js does); ←→ top left: lit when possible", brief: "back/fwd")
    static let compareRow = HelpRow(compare, action: "compare hard navigation and client transition", brief: "compare")
    static let panesRow = HelpRow(nextPane, previousPane, action: "next / previous pane", brief: "next")
    static let zoomRow = HelpRow(zoom, action: "zoom the focused pane (again to restore)", brief: "zoom")
    static let sidewaysRow = HelpRow(left, right, action: "scroll sideways (HTML, Headers, Timing)", brief: "sideways")
    static let wrapRow = HelpRow(wrap, action: "wrap long lines, or not (HTML, Headers, Timing)", brief: "wrap")
    static let searchRow = HelpRow(search, action: "search the focused view (any case); the key bar shows the match (3/9)", brief: "search")
    static let matchRow = HelpRow(nextMatch, previousMatch, action: "next, previous match", brief: "next/prev")
    static let foldRow = HelpRow(fold, action: "fold or unfold the node; Enter on a value shows it whole", brief: "fold")
    static let levelRow = HelpRow(openLevel, foldLevel, action: "open or fold one level everywhere", brief: "level")
    static let sizesRow = HelpRow(sizes, action: "size by key against the 128 kB threshold", brief: "sizes")
    static let curlRow = HelpRow(curl, action: "the request as a curl command, shown and copied (OSC 52)", brief: "curl")
    static let helpRow = HelpRow(help, action: "this help", brief: "help")
    static let leaveDiffRow = HelpRow(diff, action: "leave the diff", brief: "back from the diff")
    static let quitRow = HelpRow(quit, action: "quit, from any window but a prompt (Ctrl-C too; the terminal is restored either way)", brief: "quit")

    /// The help window's sections (the README's key table says the same; a test compares them).
    package static let sections: [(title: String, rows: [HelpRow])] = [
        ("Navigate", [
            moveRow, openRow, goToRow, hardRow, linksRow, backRow,
            HelpRow(repeatNavigation, action: "repeat the navigation (the one on its way, while one is), or reload the site"),
            HelpRow(stop, action: "stop the navigation on its way"),
            HelpRow(history, action: "history of this session's exchanges; Enter shows one again as it was, m marks it"),
            compareRow,
            HelpRow(mark, action: "mark this exchange, to diff another against it"),
            HelpRow(diff, action: "diff the marked exchange with this one in the four views (d or Esc again: back)"),
            HelpRow(site, action: "the whole site crawled: every page in figures, sortable (←→); Enter opens one; r crawls again"),
            HelpRow(diffAgainst, action: "diff this page against itself again now, as another identity (name=value), on another server (a URL)"),
        ]),
        ("Views", [
            panesRow,
            HelpRow(view, routes, action: "Props, HTML, Headers, Timing; 0 the routes"),
            zoomRow,
            HelpRow(pageUp, pageDown, home, end, action: "scroll"),
            sidewaysRow, wrapRow, searchRow, matchRow,
        ]),
        ("Props", [
            foldRow,
            HelpRow(left, right, action: "fold / go to parent; unfold / go to child"),
            levelRow,
            HelpRow(openAll, foldAll, action: "open everything; fold everything"),
            sizesRow,
            HelpRow(query, action: "narrow the Props view to what a JSONPath query selects, with paths (Esc: all again)"),
            HelpRow(copyPath, action: "the node's path as jq, JavaScript and JSONPath, and its value: Enter copies one (OSC 52)"),
        ]),
        ("Requests", [
            HelpRow(requestSetting, action: "your headers and cookies, the browser's (-Referer); -document"),
            curlRow,
            HelpRow(saveHAR, action: "save the session's exchanges as a HAR 1.2 file (explorer --har opens it)"),
        ]),
        ("", [
            helpRow,
            HelpRow(close, action: "close a window, leave zoom, clear the search, leave the diff"),
            quitRow,
        ]),
    ]

    /// The help window's last section: what the mouse does (README: "The mouse").
    static let mouseHelp = "a click opens a route, focuses a pane, shows a tab, opens or folds an object or array in Props, picks a line of a window (a link is followed) or, outside it, closes the window; the wheel scrolls what is under the pointer. explorer --no-mouse leaves the mouse to the terminal (its text selection); with the mouse on, Shift-drag selects."

    /// What the key bar offers, most useful first (what does not fit goes from the middle).
    static let routesBar = [moveRow, openRow, goToRow, hardRow, linksRow, backRow, compareRow, panesRow, helpRow, quitRow]
    static let propsBar = [moveRow, foldRow, levelRow, sizesRow, searchRow, zoomRow, panesRow, goToRow, helpRow, quitRow]
    static let viewBar = [moveRow, sidewaysRow, wrapRow, searchRow, matchRow, zoomRow, panesRow, curlRow, helpRow, quitRow]
    static let listBar = [moveRow, HelpRow(open, action: "open"), HelpRow(close, action: "close")]
    static let promptBar = [HelpRow(submit, action: "ok"), HelpRow(close, action: "cancel"), HelpRow(clear, action: "clear")]
    static let windowBar = [HelpRow(close, action: "close")]
    static let siteBar = [
        moveRow, HelpRow(open, action: "open"), HelpRow(left, right, action: "sort", brief: "sort"),
        HelpRow(repeatNavigation, action: "crawl again"), HelpRow(close, action: "close"),
    ]
}

import Browser
import SSR

/// Everything the explorer's screen shows, as a value: `handle(_:)` turns events (keys,
/// results) into a new state and the effects to run; `Screen.render` draws it. No terminal,
/// no waiting: the tests drive it as a user would.
package struct AppState: Sendable {
    package var width: Int
    package var height: Int
    /// Where the site runs, for the address line (`in-process (production)`, a URL).
    package let origin: String
    /// The base URL `curl` commands use.
    package let curlBase: String

    /// The site as the client reads it (build ID, basePath, locales), once loaded.
    package internal(set) var site: SiteInfo?
    package internal(set) var routes: [RouteRow] = [] {
        didSet { longestRoute = routes.map { DisplayWidth.of($0.pattern) }.max() ?? 20 }
    }
    /// The columns of the longest route pattern, for the layout.
    private(set) var longestRoute = 20
    /// The site lists no routes (a server without a build manifest).
    package internal(set) var siteProblem: String?
    /// The site did not answer: why, shown where the views go until it does.
    package internal(set) var siteUnreachable: String?
    package internal(set) var routeCursor = 0
    package internal(set) var focus: Focus = .routes
    /// The view shown when the layout has room for one only.
    package internal(set) var activeView: ViewKind = .props
    package internal(set) var zoomed = false

    /// The exchange on screen, and every exchange of the session (newest last).
    package internal(set) var current: Presentation?
    package internal(set) var exchanges: [Presentation] = []
    /// Cursor and scroll of each view, reset for each exchange.
    var panes: [ViewKind: PaneState] = [:]
    /// The text views whose long lines wrap (`w`) rather than run off to the right.
    package internal(set) var wrapping: Set<ViewKind> = []
    /// Where their lines start, for the current exchange and size.
    var wrapIndex: [ViewKind: WrapIndex] = [:]

    package internal(set) var overlay: Overlay?
    /// The navigation in flight, while it is: a newer one or Esc stops it.
    package internal(set) var loading: Loading?
    /// The number of the last navigation asked for: results of older ones are dropped.
    var lastNavigationID = 0
    /// A line for the key bar until the next key: a result, an error.
    package internal(set) var message: StyledText?
    /// The last search: its view, its matches, where the cursor is among them.
    package internal(set) var search: SearchState?
    /// What every request sends, and what is fetched (as the navigator has them).
    package internal(set) var requestSettings = RequestSettings()
    /// A JSONPath query narrowing the Props view (`$`), until Esc or the next page.
    package internal(set) var propsQuery: PropsQuery?
    /// The last crawl of the site (`S`), and how far the one running has come.
    package internal(set) var siteReport: SiteReport?
    package internal(set) var crawling: SiteCrawl.Progress?
    /// The exchange `m` marked, which `d` diffs the current one against.
    package internal(set) var marked: Presentation?
    /// The diff the four views show in place of the current exchange, until Esc, `d` or a
    /// navigation.
    package internal(set) var diffShown: DiffPresentation?
    /// A diff on its way (computed, and for `D` fetched, off the UI thread).
    package internal(set) var diffing: Diffing?
    var lastDiffID = 0
    /// The views' places before the diff came, for when it goes.
    var panesBeforeDiff: [ViewKind: PaneState] = [:]
    /// The other site `D` can diff a page on (the second `--url`, or the sample site here when
    /// exploring a server), as the address line names it.
    package let otherSite: String?
    /// The requests of an opened recording (`--har`) that are not navigations, one line each,
    /// listed under the history.
    package internal(set) var recordedOthers: [String] = []
    package internal(set) var canGoBack = false
    package internal(set) var canGoForward = false
    package internal(set) var quitting = false

    /// Exchanges kept for the history list.
    static let historyLimit = 200

    package init(width: Int, height: Int, origin: String, curlBase: String, otherSite: String? = nil) {
        self.width = width
        self.height = height
        self.origin = origin
        self.curlBase = curlBase
        self.otherSite = otherSite
    }

    package var layout: Layout {
        Layout(width: width, height: height, zoomed: zoomed, focus: focus, activeView: activeView, longestRoute: longestRoute)
    }

    /// A navigation, diff or crawl is on its way: its result should be drawn as soon as it comes.
    package var isAwaitingResult: Bool { loading != nil || diffing != nil || crawling != nil }
}

/// What happens to the state.
package enum Event: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    case siteLoaded(Result<SiteInfo, TransportError>)
    /// Navigation `id` finished; history's new position comes with it.
    case navigated(id: Int, Presentation, canGoBack: Bool, canGoForward: Bool)
    /// Back or forward `id` moved in history to `url`, which it now loads.
    case headingTo(id: Int, url: String, canGoBack: Bool, canGoForward: Bool)
    /// Back or forward `id` had nowhere to go.
    case historyEnd(id: Int, back: Bool)
    case compared(Comparison)
    case requestSettings(RequestSettings)
    /// Diff `id` is ready, or its side b could not be fetched.
    case diffed(id: Int, Result<DiffPresentation, DiffFailure>)
    case crawlProgress(SiteCrawl.Progress)
    case crawled(Result<SiteReport, TransportError>)
    /// A recording was read (`--har`): its navigations join the history, the first is shown.
    case opened(RecordedSession, file: String)
    /// The session was saved as a HAR (`W`): where, or why not.
    case saved(Result<String, HARError>)
}

/// Why a diff's side b could not be had.
package struct DiffFailure: Error, Sendable {
    package let reason: String
}

/// What the state asks the outside world to do; results come back as events.
package enum Effect: Sendable, Equatable {
    case loadSite
    /// Navigation `id`; it stops the one in flight.
    case navigate(id: Int, Exchange.Kind, String)
    case back(id: Int), forward(id: Int)
    /// Stop the navigation in flight (Esc).
    case stopNavigation
    case compare(String)
    /// The compare window closed before its result came.
    case stopComparing
    /// Change what every request sends.
    case changeRequests(RequestChange)
    /// Compute a diff (fetching its side b first when asked); it stops the one in flight.
    case diff(DiffRequest)
    case stopDiffing
    /// Crawl the whole site (`S`); it stops the crawl running.
    case crawl
    case stopCrawling
    /// Write the session's exchanges to a HAR file.
    case saveHAR(HARSave)
    /// Put text on the clipboard (OSC 52).
    case copy(String)
    case quit
}

/// A navigation on its way.
package struct Loading: Sendable, Equatable {
    package let id: Int
    package let kind: Exchange.Kind
    /// Where it goes: `nil` for back or forward until history says.
    package internal(set) var target: String?
    /// `back` or `forward`, for those.
    package let step: String?

    /// For the address line: `client transition to /slow`, `back to /about`.
    package var label: String {
        guard let step else { return "\(kind.rawValue) to \(target ?? "")" }
        return target.map { "\(step) to \($0)" } ?? step
    }
}

/// The session to save as a HAR, and where.
package struct HARSave: Sendable, Equatable {
    package let path: String
    package let exchanges: [Exchange]

    /// One file written once per request.
    package static func == (x: HARSave, y: HARSave) -> Bool { x.path == y.path && x.exchanges.count == y.exchanges.count }
}

/// A diff asked for and not shown yet.
package struct Diffing: Sendable, Equatable {
    package let id: Int
    /// For the address line: `diffing against /hello again now…`.
    package let label: String
}

/// A diff to compute off the UI thread: side a, and side b or how to fetch it.
package struct DiffRequest: Sendable, Equatable {
    package enum SideB: Sendable {
        /// An exchange already made (the current one, against the marked one).
        case shown(Presentation)
        /// a's URL fetched again now, the same way.
        case again
        /// a's URL fetched again with one thing sent differently.
        case changed(RequestChange)
        /// a's URL on another server: a URL, or `nil` for the session's other site.
        case server(String?)
    }

    package let id: Int
    package let a: Presentation
    package let b: SideB
    package let labels: (a: String, b: String)

    /// The same request when the same number: one diff is asked for once.
    package static func == (x: DiffRequest, y: DiffRequest) -> Bool { x.id == y.id }
}

/// A window over the screen.
package enum Overlay: Sendable {
    /// The key map, scrolled to `top`.
    case help(top: Int)
    case prompt(Prompt)
    /// The current page's links, to follow one.
    case links(cursor: Int)
    /// The session's exchanges, to show one again.
    case history(cursor: Int)
    /// The props' weight by key against the 128 kB threshold.
    case sizes
    /// Hard navigation against client transition, for a path; `nil` while fetching.
    case compare(path: String, result: Comparison?)
    /// A curl command for the current request.
    case curl(String)
    /// The site's pages in a table (`S`): the row under the cursor, and the column sorted by.
    case site(cursor: Int, column: Int)
    /// A props node's path as jq, JavaScript and JSONPath write it, and its value: the one under
    /// the cursor is copied with Enter.
    case copyPath(PropsPath, value: String, cursor: Int)
    /// One value of the props in full (a long string), scrolled to `top`.
    case value(path: String, text: String, top: Int)
}

/// A line of input, and what it is for.
package struct Prompt: Sendable {
    package enum Purpose: Sendable, Equatable {
        /// A path to go to, as a client transition or (Tab) a hard navigation.
        case address(Exchange.Kind)
        case routeParameters(pattern: String)
        case search(ViewKind)
        case requestSetting
        /// A JSONPath query on the props.
        case jsonPath
        /// What side b of a diff of the current page is: again now, another identity, another server.
        case diffAgainst(otherSite: String?)
        /// The file to save the session's exchanges in, as HAR.
        case saveHAR
    }
    package var purpose: Purpose
    package var editor: LineEditor
    /// Why Enter did not take what was typed; the window stays open with the text.
    package var problem: String?

    package var title: String {
        switch purpose {
        case .address(let kind): "Go to (\(kind.rawValue))"
        case .routeParameters(let pattern): "Open \(pattern)"
        case .search(let view): "Search \(view.title)"
        case .requestSetting: "Requests: headers, cookies, what is fetched"
        case .jsonPath: "Query the props (JSONPath, RFC 9535)"
        case .diffAgainst: "Diff this page against"
        case .saveHAR: "Save the session as HAR 1.2"
        }
    }

    package var hint: String {
        let go = "\(KeyMap.submit.label) go", cancel = "\(KeyMap.close.label) cancel"
        return switch purpose {
        case .address: "a path such as /posts/1?ref=x · \(go) · \(KeyMap.switchKind.label) client/hard · \(cancel)"
        case .routeParameters: "fill in the parameters · \(go) · \(cancel)"
        case .search: "text to find, any case · \(KeyMap.submit.label) alone repeats the last · then \(KeyMap.matchRow.bar.keys) next/previous"
        case .requestSetting:
            "Name: value sets a header · Name: \"\" an empty one · name=value a cookie · Name: or name= removes · -Name leaves out a browser's header, +Name sends it · -document, +document"
        case .jsonPath: "$ is the props as the Props view shows them: $.pageProps.posts[?@.id > 3].title, $..title · \(go) · \(cancel)"
        case .diffAgainst(let other):
            "\(KeyMap.submit.label) alone: the page again now · name=value: as another identity (a cookie), Name: value (a header), -Referer · http://…: on another server"
                + (other.map { " · \(AppState.otherSiteWord): on \($0)" } ?? "") + " · \(cancel)"
        case .saveHAR: "a file name; .har.gz is gzipped · every exchange of the history, with bodies and timing · \(go) · \(cancel)"

        }
    }
}

/// Cursor and scroll of one view.
struct PaneState: Sendable, Equatable {
    var cursor = 0
    var top = 0
    /// Columns scrolled to the right.
    var column = 0
}

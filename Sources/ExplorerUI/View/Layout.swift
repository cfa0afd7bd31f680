/// Where everything goes for a terminal size: the address line on top, the key bar at the
/// bottom, the routes on the left, and the four views. Wide terminals show the views in a 2×2
/// grid; narrower ones show one at a time, as tabs; zoom gives the focused view everything.
package struct Layout: Sendable, Equatable {
    /// Below this, the UI shows a message instead of a squeezed screen.
    package static let minimumWidth = 60
    package static let minimumHeight = 16

    package let width: Int
    package let height: Int
    package let address: Rect
    package let keyBar: Rect
    package let routes: Rect?
    /// Each shown view's box.
    package let views: [(kind: ViewKind, box: Rect)]
    /// One view at a time: its box's title lists all four as tabs.
    package let tabbed: Bool

    package static func == (a: Layout, b: Layout) -> Bool {
        a.width == b.width && a.height == b.height && a.routes == b.routes && a.tabbed == b.tabbed
            && a.views.map(\.kind) == b.views.map(\.kind) && a.views.map(\.box) == b.views.map(\.box)
    }

    package var isTooSmall: Bool { width < Layout.minimumWidth || height < Layout.minimumHeight }

    /// `longestRoute`: the columns of the longest route pattern, which the routes pane fits
    /// when the terminal is wide enough (a fifth of it at most: the views need the rest).
    package init(width: Int, height: Int, zoomed: Bool, focus: Focus, activeView: ViewKind, longestRoute: Int = 20) {
        self.width = width
        self.height = height
        address = Rect(x: 0, y: 0, width: width, height: 1)
        keyBar = Rect(x: 0, y: height - 1, width: width, height: 1)
        let body = Rect(x: 0, y: 1, width: width, height: height - 2)
        if zoomed {
            if focus == .routes {
                routes = body
                views = []
            } else {
                routes = nil
                views = [(activeView, body)]
            }
            tabbed = false
            return
        }
        // " ƒ " before the pattern, a space after it, two borders.
        let routesWidth = max(18, min(longestRoute + 6, 34, width / 5))
        routes = Rect(x: 0, y: body.y, width: routesWidth, height: body.height)
        let right = Rect(x: routesWidth, y: body.y, width: width - routesWidth, height: body.height)
        if right.width >= 90 && right.height >= 20 {
            let leftWidth = right.width / 2, topHeight = right.height / 2
            views = [
                (.props, Rect(x: right.x, y: right.y, width: leftWidth, height: topHeight)),
                (.html, Rect(x: right.x + leftWidth, y: right.y, width: right.width - leftWidth, height: topHeight)),
                (.headers, Rect(x: right.x, y: right.y + topHeight, width: leftWidth, height: right.height - topHeight)),
                (.timing, Rect(x: right.x + leftWidth, y: right.y + topHeight, width: right.width - leftWidth, height: right.height - topHeight)),
            ]
            tabbed = false
        } else {
            views = [(activeView, right)]
            tabbed = true
        }
    }

    package func box(of kind: ViewKind) -> Rect? { views.first { $0.kind == kind }?.box }
}

/// The four views of an exchange.
package enum ViewKind: Int, CaseIterable, Sendable {
    case props, html, headers, timing

    package var title: String {
        switch self {
        case .props: "Props"
        case .html: "HTML"
        case .headers: "Headers"
        case .timing: "Timing"
        }
    }

    /// The key that focuses it.
    package var number: Int { rawValue + 1 }
}

/// Where keys go.
package enum Focus: Equatable, Sendable {
    case routes
    case view(ViewKind)
}

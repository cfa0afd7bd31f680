import Browser

/// Diffs: `m` marks an exchange and `d` diffs the current one against it; `D` diffs the current
/// page against itself fetched again (now, as another identity, on another server). The diff is
/// made off the UI thread, then shown in the four views in place of the exchange until Esc, `d`
/// or the next navigation; the views' places are kept for when it goes.
extension AppState {
    /// The word of the `D` prompt that names the session's other site.
    static let otherSiteWord = "other"

    /// `a` of the next diff.
    mutating func mark(_ presentation: Presentation) {
        marked = presentation
        message = StyledText("Marked \(presentation.exchange.url) (\(presentation.exchange.kind.rawValue)): open another exchange and press d to diff.", .success)
    }

    mutating func startDiff(a: Presentation, b: DiffRequest.SideB, labels: (a: String, b: String), saying label: String) -> [Effect] {
        lastDiffID += 1
        diffing = Diffing(id: lastDiffID, label: label)
        return [.diff(DiffRequest(id: lastDiffID, a: a, b: b, labels: labels))]
    }

    mutating func showDiff(_ diff: DiffPresentation) {
        if diffShown == nil { panesBeforeDiff = panes }
        // The diff's Props view is its tree, not a query's nodes.
        propsQuery = nil
        diffShown = diff
        panes = [:]
        search = nil
        rewrap()
        message = StyledText(diff.diff.agree ? "The two agree (time aside)." : "The views show the diff: b's props with a's differences marked. Esc or d goes back.",
                             diff.diff.agree ? .success : .dim)
    }

    mutating func leaveDiff() {
        guard diffShown != nil else { return }
        diffShown = nil
        panes = panesBeforeDiff
        panesBeforeDiff = [:]
        search = nil
        rewrap()
    }

    /// The `D` prompt's text: empty for again now, a URL or the other site's word for another
    /// server, else a change to what is sent (``RequestChange``).
    func diffAgainst(_ text: String) -> Result<(DiffRequest.SideB, label: String), Refused> {
        let text = text.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return .success((.again, "again now")) }
        if text.lowercased() == AppState.otherSiteWord {
            guard let otherSite else {
                return .failure(Refused(reason: "There is no other site: start the explorer with --url twice (or --url once, against the sample site here), or type a URL."))
            }
            return .success((.server(nil), "on \(otherSite)"))
        }
        if text.hasPrefix("http://") || text.hasPrefix("https://") { return .success((.server(text), "on \(text)")) }
        return RequestChange.parse(text).map { (.changed($0), $0.label) }
    }
}

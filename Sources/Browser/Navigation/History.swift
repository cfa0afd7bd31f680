/// The session history of the simulated browser tab: the URLs visited, and where back and
/// forward lead. A redirect's source never enters it, as in Next.js.
public struct History: Sendable, Equatable {
    public private(set) var entries: [String] = []
    /// The current entry, `-1` before the first navigation.
    public private(set) var index = -1

    public init() {}

    public var current: String? { entries.indices.contains(index) ? entries[index] : nil }
    public var canGoBack: Bool { index > 0 }
    public var canGoForward: Bool { index + 1 < entries.count }

    /// A new page: entries after the current one are dropped, as `history.pushState` does.
    /// The current URL again adds nothing (Next.js's router skips `pushState` for it).
    mutating func push(_ url: String) {
        guard url != current else { return }
        entries.removeSubrange((index + 1)...)
        entries.append(url)
        index = entries.count - 1
    }

    /// The current entry's URL changes (a navigation from back/forward that redirected).
    mutating func replaceCurrent(_ url: String) {
        guard entries.indices.contains(index) else { return push(url) }
        entries[index] = url
    }

    mutating func back() -> String? {
        guard canGoBack else { return nil }
        index -= 1
        return entries[index]
    }

    mutating func forward() -> String? {
        guard canGoForward else { return nil }
        index += 1
        return entries[index]
    }
}

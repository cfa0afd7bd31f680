/// The session history of the simulated browser tab: the URLs visited, and where back and
/// forward lead. A redirect's source never enters it, as in Next.js. Each entry remembers the
/// document it belongs to: back or forward within one document is Next.js's client transition
/// (`popstate`), to another document a load of that document.
public struct History: Sendable, Equatable {
    public private(set) var entries: [String] = []
    /// The document load each entry belongs to.
    private(set) var documents: [Int] = []
    /// The current entry, `-1` before the first navigation.
    public private(set) var index = -1

    public init() {}

    public var current: String? { entries.indices.contains(index) ? entries[index] : nil }
    var currentDocument: Int? { documents.indices.contains(index) ? documents[index] : nil }
    public var canGoBack: Bool { index > 0 }
    public var canGoForward: Bool { index + 1 < entries.count }

    /// A new entry: entries after the current one are dropped, as `history.pushState` does.
    /// The current URL again adds nothing (Next.js's router skips `pushState` for it).
    mutating func push(_ url: String, document: Int = 0) {
        guard url != current || document != currentDocument else { return }
        if url == current, document != currentDocument {
            // A load of the URL shown: the browser adds an entry for the new document.
            documents[index] = document
            return
        }
        entries.removeSubrange((index + 1)...)
        documents.removeSubrange((index + 1)...)
        entries.append(url)
        documents.append(document)
        index = entries.count - 1
    }

    /// The current entry's URL changes (`replaceState`, a redirect of back or forward).
    mutating func replaceCurrent(_ url: String, document: Int? = nil) {
        guard entries.indices.contains(index) else { return push(url, document: document ?? 0) }
        entries[index] = url
        if let document { documents[index] = document }
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

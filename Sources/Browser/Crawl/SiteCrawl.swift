import SSR

/// A whole site walked as a reader's clicks would walk it: from `/` and every route without
/// parameters, then the site's own links of each page found (what `next/link` follows), so that
/// dynamic routes are filled with the paths the site links to. Each page is loaded as a first
/// visit (its document) and, when it fetches data on a client transition, as one (its data
/// request). Pages go a few at a time, in waves, so that the order of the pages, and of the
/// links found, is the same on every run.
public struct SiteCrawl: Sendable {
    public struct Page: Sendable {
        /// The path crawled (with its query), as the site linked to it.
        public let url: String
        /// The page loaded as a first visit: the document.
        public let document: Exchange
        /// The page reached by a client transition; `nil` for a page that fetches no data.
        public let transition: Exchange?
        /// The page whose link led here; `nil` for `/` and the routes without parameters.
        public let foundOn: String?
        /// The site's pages its document links to, in order, without the basePath.
        public let links: [String]
    }

    public let site: SiteInfo
    /// In the order crawled.
    public let pages: [Page]
    /// Paths found but left out at the page limit.
    public let leftOut: [String]

    /// How far a crawl has come, for a progress bar.
    public struct Progress: Sendable, Equatable {
        public let crawled: Int
        /// Pages crawled plus those waiting, at most the limit.
        public let known: Int

        public init(crawled: Int, known: Int) {
            self.crawled = crawled
            self.known = known
        }
    }

    public static let defaultMaxPages = 200
    public static let defaultConcurrency = 4

    /// Crawls the site `navigator` explores, with what it sends (headers, cookies); its own
    /// history is left alone.
    public static func run(
        _ navigator: Navigator, maxPages: Int = SiteCrawl.defaultMaxPages, concurrency: Int = SiteCrawl.defaultConcurrency,
        progress: @Sendable (Progress) -> Void = { _ in }
    ) async throws(TransportError) -> SiteCrawl {
        let site = try await navigator.siteInfo()
        let hidden = Set(site.errorPages)
        let starts = ["/"] + (site.routes ?? []).filter { route in
            route.pattern.segments.allSatisfy { if case .literal = $0 { true } else { false } }
        }.map(\.pattern.description).filter { $0 != "/" && !hidden.contains($0) }
        var queue: [(url: String, foundOn: String?)] = starts.map { ($0, nil) }
        var seen = Set(starts)
        var pages: [Page] = []
        var leftOut: [String] = []
        while !queue.isEmpty, pages.count < maxPages, !Task.isCancelled {
            let wave = Array(queue.prefix(min(concurrency, maxPages - pages.count)))
            queue.removeFirst(wave.count)
            let loaded = await withTaskGroup(of: (Int, Page).self) { group in
                for (index, entry) in wave.enumerated() {
                    group.addTask { (index, await load(entry.url, foundOn: entry.foundOn, site: site, with: navigator)) }
                }
                var loaded: [Page?] = Array(repeating: nil, count: wave.count)
                for await (index, page) in group { loaded[index] = page }
                return loaded.compactMap { $0 }
            }
            for page in loaded {
                pages.append(page)
                for path in page.links where seen.insert(path).inserted { queue.append((path, page.url)) }
            }
            progress(Progress(crawled: pages.count, known: min(maxPages, pages.count + queue.count)))
        }
        leftOut = queue.map(\.url)
        return SiteCrawl(site: site, pages: pages, leftOut: leftOut)
    }

    /// One page, both ways, by navigators of its own (each with the crawl's settings).
    private static func load(_ url: String, foundOn: String?, site: SiteInfo, with navigator: Navigator) async -> Page {
        let document = await navigator.copy().navigate(.hardNavigation, to: url, recordingHistory: false)
        var transition: Exchange?
        let route = document.page.flatMap { page in site.routes?.first { $0.pattern.description == page } }
        let answered = document.documentFetch.map { (200..<300).contains($0.response.status.code) } ?? false
        if route?.fetchesData ?? true, document.outcome == .page, answered {
            transition = await navigator.copy().navigate(.clientTransition, to: url, recordingHistory: false)
        }
        // The site's own links (next/link's), read once: the crawl follows them, the report checks them.
        let links = (document.html.map { PageLinks.find(in: $0, base: document.url) } ?? []).compactMap { link -> String? in
            guard case .page(let href) = link.destination else { return nil }
            return site.pagePath(ofLink: href)
        }
        return Page(url: url, document: document, transition: transition, foundOn: foundOn, links: links)
    }
}

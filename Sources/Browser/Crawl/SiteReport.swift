/// A crawl in figures: each page's, with the links that lead to a page that answered 404.
public struct SiteReport: Sendable {
    public let site: SiteInfo
    public let pages: [PageFigures]
    /// Paths found but left out at the page limit.
    public let leftOut: [String]

    public init(_ crawl: SiteCrawl) {
        site = crawl.site
        leftOut = crawl.leftOut
        var missing = Set<String>()
        for page in crawl.pages where page.document.documentFetch?.response.status.code == 404 || page.transition?.outcome == .clientNotFound {
            missing.insert(page.url)
        }
        pages = crawl.pages.map { page in
            var figures = PageFigures(page, site: crawl.site)
            var broken: [String] = []
            for path in page.links where missing.contains(path) && !broken.contains(path) { broken.append(path) }
            figures.brokenLinks = broken
            return figures
        }
    }
}

import SSR

/// The sample site: the pages under `sample-site/pages/` (routed by their file paths), over the
/// SQLite database built from `seed.sql`.
///
/// ```swift
/// let engine = Engine(site: try SampleSite.site(), mode: .production)
/// ```
public enum SampleSite {
    /// The site, with its route table, shell and error pages.
    public static func site(buildId: String? = nil) throws -> Site {
        try Site(
            pages: PageRoutes.all, document: PageRoutes.document, notFoundPage: PageRoutes.notFoundPage,
            errorPage: PageRoutes.errorPage, buildId: buildId)
    }
}

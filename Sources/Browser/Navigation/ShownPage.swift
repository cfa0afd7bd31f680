import SSR

/// What Next.js's client holds for the page the tab shows, from one document load to the next:
/// the router's state, the data answers it keeps (`sdc`: every answer but getServerSideProps's
/// is reused for the page's lifetime, redirects of the proxy included), and the links it has
/// prefetched. A document load starts a new one, empty.
struct ShownPage: Sendable {
    /// The page's route (`router.route`: `/posts/[id]`), `nil` before any page.
    var route: String?
    /// The URL the router shows, without basePath and locale (`router.asPath`).
    var asPath: String?
    var locale: String?
    /// The document was a `fallback: true` placeholder (`__NEXT_DATA__.isFallback`).
    var isFallback = false
    /// From a document load until the first navigation (`router.isSsr`): a data request then
    /// tries a 5xx three times.
    var isSsr = false
    /// The document's `__NEXT_DATA__`.
    var nextData: JSONValue?
    /// `sdc`: data answers by data URL.
    var dataCache: [String: NextDataFetch] = [:]
    /// `sbc`: the answers of background checks (`HEAD`) kept: the hydration's, so that a later
    /// transition to the page sends none.
    var backgroundCache: [String: NextDataFetch] = [:]
    /// The links prefetched (Link's `prefetched` set: each once per document).
    var prefetched: Set<String> = []
    /// Paths a prefetch found the App Router serves (`components[path].__appRouter`).
    var appRouterPaths: Set<String> = []
    /// Which document this is (history entries of another document load it again).
    var document = 0
    /// The deployment the document came from (`<html data-dpl-id>`, Next.js 16): sent with every
    /// data request, and a data answer from another one makes the client load the page again.
    var deploymentId: String?
}

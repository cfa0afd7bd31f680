import HTTPTypes
import SSR

/// Next.js's own response headers in plain words: what its cache of prerendered pages did
/// (`x-nextjs-cache`), and what its proxy (middleware) did to a data request (`x-nextjs-redirect`,
/// `x-nextjs-rewrite`, `x-middleware-skip`, …), as its client reads them.
///
/// ```swift
/// NextHeadersReading(response: headers).sentences
/// // ["x-nextjs-cache: STALE — served from Next.js's cache of prerendered pages, …"]
/// ```
public struct NextHeadersReading: Sendable {
    /// One sentence a header, in the order the response has them; empty when it has none of them.
    public let sentences: [String]

    public init(response: HTTPFields) {
        var sentences: [String] = []
        for field in response {
            guard let words = NextHeadersReading.words(field.name, field.value) else { continue }
            sentences.append("\(field.name.canonicalName): \(field.value) — \(words)")
        }
        self.sentences = sentences
    }

    private static func words(_ name: HTTPField.Name, _ value: String) -> String? {
        switch name {
        case .nextjsCache:
            switch value.uppercased() {
            case "HIT":
                "served from Next.js's cache of prerendered pages (getStaticProps), fresh: the page's code did not run."
            case "STALE":
                "served from Next.js's cache, but older than the page's revalidate: Next.js regenerates it in the background and the next request gets the new copy."
            case "MISS":
                "not in Next.js's cache (a path not built yet, or a fallback page's first visit): rendered now, and kept for the next requests."
            case "REVALIDATED":
                "regenerated on demand (res.revalidate) for this request."
            default: "a cache state this reading does not know."
            }
        case .nextjsRedirect:
            "the proxy (middleware) redirected this data request; the client navigates to it itself (the 3xx has no Location for the browser to follow)."
        case .nextjsRewrite:
            "the proxy (middleware) rewrote the request to this path: the client renders the page it resolves to, and keeps the address the user asked for."
        case .nextjsMatchedPath:
            "the page that answered, after rewrites."
        case .matchedPath:
            "the route the server matched (a deployment platform's header)."
        case .middlewareSkip:
            "the proxy let this prefetch through without running the page: the click asks for the data again."
        case .middlewareCache:
            value.lowercased() == "no-cache" ? "the client keeps no copy of this answer: every navigation asks again." : nil
        case .nextjsDeploymentId:
            "the deployment that answered: a page of another deployment that gets this answer loads the document instead."
        case .nextjsPrerender:
            "a prerendered page (getStaticProps or a static page)."
        default: nil
        }
    }
}

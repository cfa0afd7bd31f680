import HTTPTypes

/// Header names swift-http-types does not define.
extension HTTPField.Name {
    static let refresh = HTTPField.Name("Refresh")!
    /// What the engine reports its phases in (`gssp`, `render`).
    public static let serverTiming = HTTPField.Name("Server-Timing")!
    /// Marks a client transition's data request, as Next.js's router sends it.
    public static let nextjsData = HTTPField.Name("x-nextjs-data")!
    /// The page that answered, for a request that sent `x-nextjs-data`.
    public static let nextjsMatchedPath = HTTPField.Name("x-nextjs-matched-path")!
}

/// What Next.js's proxy (middleware) answers a data request with, and what the client sends for
/// a prefetch: the headers its client reads (`getMiddlewareData`, `fetchNextData`).
extension HTTPField.Name {
    /// The proxy rewrote the request to this path (or an external URL).
    public static let nextjsRewrite = HTTPField.Name("x-nextjs-rewrite")!
    /// The proxy redirected: the client transitions to this path (a 3xx without `Location`).
    public static let nextjsRedirect = HTTPField.Name("x-nextjs-redirect")!
    /// The path a deployment platform matched (Next.js's `MATCHED_PATH_HEADER`).
    public static let matchedPath = HTTPField.Name("x-matched-path")!
    /// A prefetch the server answered without running the page (`{}`): asked again on the click.
    public static let middlewareSkip = HTTPField.Name("x-middleware-skip")!
    /// `no-cache`: the client keeps no copy of this data answer.
    public static let middlewareCache = HTTPField.Name("x-middleware-cache")!
    /// Sent with a prefetch of a path the proxy matches.
    public static let middlewarePrefetch = HTTPField.Name("x-middleware-prefetch")!
    /// `prefetch`: the data request is a prefetch.
    public static let purpose = HTTPField.Name("purpose")!
    /// The deployment a page came from, sent with its data requests (Next.js 16).
    public static let deploymentId = HTTPField.Name("x-deployment-id")!
    /// The deployment that answered a data request (newer Next.js 16 releases).
    public static let nextjsDeploymentId = HTTPField.Name("x-nextjs-deployment-id")!
    /// Whether an ISR page came from the cache (`HIT`), was stale (`STALE`), or was rendered (`MISS`).
    public static let nextjsCache = HTTPField.Name("x-nextjs-cache")!
    /// `1` on a prerendered page's answer (Next.js 15).
    public static let nextjsPrerender = HTTPField.Name("x-nextjs-prerender")!
}

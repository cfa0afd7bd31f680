import HTTPTypes
import Synchronization

/// What `getServerSideProps` receives: Next.js's `context` (`params`, `query`, `req`, `res`,
/// `resolvedUrl`, `locale`, `locales`, `defaultLocale`).
public struct ServerSideContext: Sendable {
    /// The route parameters, only on dynamic pages (`nil` otherwise): `/posts/[id]` at `/posts/7`
    /// gives `id: "7"`; catch-alls give arrays; an empty optional catch-all is absent.
    public let params: QueryParameters?
    /// Search parameters merged with `params` (params win). Internal `__next*`, `nxtP*` and
    /// `_rsc` keys from the client are dropped.
    public let query: QueryParameters
    /// The incoming request.
    public let request: IncomingRequest
    /// The response being prepared: set a status or headers (e.g. `Cache-Control`) here.
    public let response: ServerSideResponse
    /// The page path with params filled in plus the original query string, without basePath,
    /// locale, or the `/_next/data/<buildId>` prefix and `.json`: `/posts/7?ref=home`.
    public let resolvedUrl: String
    /// The active locale when the site has i18n, else `nil`.
    public let locale: String?
    /// The site's locales (`[]` without i18n, as current Next.js passes).
    public let locales: [String]
    /// The default locale when the site has i18n, else `nil`.
    public let defaultLocale: String?
    /// The page's route, e.g. `/posts/[id]`.
    public let page: String
}

/// The request as `getServerSideProps` sees it (Next.js's `req`).
public struct IncomingRequest: Sendable {
    public let method: HTTPRequest.Method
    /// The original URL (path and query) with basePath and locale removed. For a data request it
    /// is the data URL, as in Next.js.
    public let url: String
    public let headerFields: HTTPFields
    /// Cookies parsed from the `Cookie` header (the first value wins for a repeated name).
    public let cookies: [String: String]
    public let body: [UInt8]
}

/// The response a page can shape from `getServerSideProps` (Next.js's `res`): a status for a
/// rendered page and headers kept on the HTML and data responses alike.
///
/// ```swift
/// context.response.headerFields[.cacheControl] = "public, s-maxage=10, stale-while-revalidate=59"
/// ```
public final class ServerSideResponse: Sendable {
    private struct State {
        var status: HTTPResponse.Status = .ok
        var headerFields = HTTPFields()
    }

    private let state = Mutex(State())

    init() {}

    /// The status of the rendered page (200 unless set).
    public var status: HTTPResponse.Status {
        get { state.withLock { $0.status } }
        set { state.withLock { $0.status = newValue } }
    }

    /// Headers added to the response. A `Cache-Control` set here replaces the default.
    public var headerFields: HTTPFields {
        get { state.withLock { $0.headerFields } }
        set { state.withLock { $0.headerFields = newValue } }
    }
}

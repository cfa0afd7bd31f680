import HTTPTypes
import Logging

/// Answers HTTP requests for a ``Site`` as a Next.js Pages Router server does: one route match,
/// one `getServerSideProps` call, then either the HTML document (with `__NEXT_DATA__`) or, for
/// `/_next/data/<buildId>/<path>.json`, the props as JSON. It is a pure async function from
/// request to response, so it runs in-process (the explorer, tests) or behind an HTTP server.
///
/// ```swift
/// let engine = Engine(site: site, mode: .production)
/// let response = await engine.respond(to: Request(.get, "/posts/1"))
/// ```
public struct Engine: Sendable {
    /// As `next dev` or `next start`.
    public enum Mode: Sendable {
        /// Errors and invalid results render an error page with the exact message; props are
        /// checked as Next.js's dev server checks them; the large-page warning repeats.
        case development
        /// Errors serve the 500 page and are logged; nothing internal reaches the client.
        case production
    }

    /// Next.js's default for server-rendered pages, also sent on every synthetic response.
    public static let privateNoStore = "private, no-cache, no-store, max-age=0, must-revalidate"
    /// What Next.js's `renderError` sends with error pages.
    static let errorNoStore = "no-cache, no-store, max-age=0, must-revalidate"

    public let site: Site
    public let mode: Mode
    /// The build ID in data URLs and `__NEXT_DATA__`: the site's, else `development` in dev,
    /// else one derived from the running executable (a new one for each build).
    public let buildId: String
    let logger: Logger
    private let warnedPages = LockedValue(Set<String>())

    /// An engine for `site`. Errors and warnings (the large-page-data warning, a failed
    /// `getServerSideProps` in production) go to `logger`.
    public init(site: Site, mode: Mode = .production, logger: Logger = Logger(label: "ssr")) {
        self.site = site
        self.mode = mode
        self.logger = logger
        self.buildId = site.buildId ?? (mode == .development ? "development" : BuildID.ofExecutable())
    }

    /// The response to `request`. Never throws: every failure is an HTTP answer.
    public func respond(to request: Request) async -> Response {
        var (response, _) = await answer(request, keepingProps: false)
        finish(&response, for: request.head)
        return response
    }

    /// The error page for `statusCode` as the answer to `request` (no body for HEAD): for what
    /// a server decides before or instead of the engine (a request too large, a time limit).
    public func errorResponse(_ statusCode: Int, for request: HTTPRequest) -> Response {
        var response = errorPage(statusCode)
        finish(&response, for: request)
        return response
    }

    /// The response to `request`, and a way to render, afterwards, the HTML the server renders
    /// inside `<div id="__next">` from the page's props: for a document request and also for a
    /// data request (which does not send it). The explorer compares it with the HTML a client
    /// renders from the JSON. Rendering on demand keeps it out of the request's timing.
    public func respondForInspection(to request: Request) async -> InspectedResponse {
        var (response, html) = await answer(request, keepingProps: true)
        finish(&response, for: request.head)
        return InspectedResponse(response: response, renderServerHTML: html)
    }

    private func answer(_ request: Request, keepingProps: Bool) async -> (Response, (@Sendable () -> String)?) {
        guard let path = request.head.path else { return (errorPage(400), nil) }
        if BuildManifest.isRequest(path, basePath: site.basePath, buildId: buildId) {
            return (BuildManifest(site: site).response(generateEtags: site.generateEtags), nil)
        }
        switch RequestTarget(path: path, site: site, buildId: buildId) {
        case .normalize(let location):
            return (redirect(to: location, status: 308, cacheControl: Engine.privateNoStore, extra: [:]), nil)
        case .badRequest:
            return (errorPage(400), nil)
        case .notFound:
            return (errorPage(404), nil)
        case .page(let target):
            if let location = localeRedirect(target, request: request.head) {
                return (redirect(to: location, status: 307, cacheControl: Engine.privateNoStore, extra: [:]), nil)
            }
            guard let match = site.routes.match(path: target.path) else { return (errorPage(404, locale: target.locale), nil) }
            let page = match.entry.page
            if target.isData && !page.isServerSide { return (errorPage(404, locale: target.locale), nil) }
            if !page.isServerSide && request.head.method != .get && request.head.method != .head {
                var response = errorPage(405, locale: target.locale)
                response.head.headerFields[.allow] = "GET, HEAD"
                return (response, nil)
            }
            return await render(
                page, route: match.pattern, params: match.params, target: target, request: request, keepingProps: keepingProps)
        }
    }

    func i18nData(_ locale: String?) -> (locale: String, locales: [String], defaultLocale: String)? {
        guard let i18n = site.i18n else { return nil }
        return (locale ?? i18n.defaultLocale, i18n.locales, i18n.defaultLocale)
    }

    // MARK: - Warnings and the last touches

    /// Next.js's large-page-data warning: every time in dev, once per page in production.
    func warnIfLarge(page: String, asPath: String, bytes: Int) {
        guard bytes > site.largePageDataBytes else { return }
        if mode == .production {
            let first = warnedPages.withLock { $0.insert(page).inserted }
            guard first else { return }
        }
        let path = page == asPath ? "" : " (path \"\(asPath)\")"
        logger.warning(
            "Warning: data for page \"\(page)\"\(path) is \(PrettyBytes.format(bytes)) which exceeds the threshold of \(PrettyBytes.format(site.largePageDataBytes)), this amount of data can reduce performance.\nSee more info here: https://nextjs.org/docs/messages/large-page-data")
    }

    /// `/` without a locale, from a visitor who prefers another locale than the default: where
    /// Next.js's locale detection sends them (`/fr`, with basePath and the query kept).
    private func localeRedirect(_ target: RequestTarget.PageRequest, request: HTTPRequest) -> String? {
        guard let i18n = site.i18n, i18n.localeDetection, !target.isData, !target.hasLocalePrefix, target.path == "/",
            let preferred = LocaleDetection.preferredLocale(request.headerFields, locales: i18n.locales),
            preferred.lowercased() != i18n.defaultLocale.lowercased()
        else { return nil }
        return site.basePath + "/" + preferred + (target.query.isEmpty ? "" : "?" + target.query)
    }

    /// Conditional GET (`If-None-Match` → 304) and HEAD, applied to any response.
    private func finish(_ response: inout Response, for request: HTTPRequest) {
        if response.head.status == .ok, request.method == .get || request.method == .head,
            ETag.isConditional(request.headerFields), let etag = response.head.headerFields.first(.eTag),
            ETag.isFresh(request: request.headerFields, etag: etag)
        {
            response.head.status = .notModified
            response.head.headerFields[.contentLength] = nil
            response.head.headerFields[.contentType] = nil
            response.body = []
        }
        if request.method == .head { response.body = [] }
    }
}

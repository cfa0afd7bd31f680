import HTTPTypes
import Logging

/// Answers HTTP requests for a ``Site`` as a Next.js Pages Router server does: one route match,
/// one `getServerSideProps` call, then either the HTML document (with `__NEXT_DATA__`) or, for
/// `/_next/data/<buildId>/<path>.json`, the props as JSON. It is a pure async function from
/// request to response, so it runs in-process (the explorer, tests) or behind an HTTP server.
///
/// ```swift
/// let engine = Engine(site: site, mode: .production)
/// let response = await engine.respond(to: EngineRequest(.get, "/posts/1"))
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

    /// Next.js's default for server-rendered pages, their data, redirects and 404s.
    public static let privateNoStore = "private, no-cache, no-store, max-age=0, must-revalidate"
    /// What `next dev` sends on everything it renders, the page's own value overwritten.
    public static let devNoStore = "no-store, must-revalidate"

    public let site: Site
    public let mode: Mode
    /// The build ID in data URLs and `__NEXT_DATA__`: the site's, else `development` in dev,
    /// else one derived from the running executable (a new one for each build).
    public let buildId: String
    /// The host name the server was started with (`next start -H`): Next.js's `_error` page
    /// puts it in its props. `localhost` when none was given, as in Next.js.
    public let hostname: String
    let logger: Logger
    private let warnedPages = LockedValue(Set<String>())

    /// An engine for `site`. Errors and warnings (the large-page-data warning, a failed
    /// `getServerSideProps` in production) go to `logger`.
    public init(site: Site, mode: Mode = .production, logger: Logger = Logger(label: "ssr"), hostname: String = "localhost") {
        self.site = site
        self.mode = mode
        self.logger = logger
        self.hostname = hostname
        self.buildId = site.buildId ?? (mode == .development ? "development" : BuildID.ofExecutable())
    }

    /// The response to `request`. Never throws: every failure is an HTTP answer.
    public func respond(to request: EngineRequest) async -> EngineResponse {
        var (response, _) = await answer(request, keepingProps: false)
        finish(&response, for: request.head)
        return response
    }

    /// The error page for `statusCode` as the answer to `request` (no body for HEAD): for what
    /// a server decides before or instead of the engine (a request too large, a time limit).
    public func errorResponse(_ statusCode: Int, for request: HTTPRequest) -> EngineResponse {
        var response = errorPage(statusCode)
        finish(&response, for: request)
        return response
    }

    /// The response to `request`, and a way to render, afterwards, the HTML the server renders
    /// inside `<div id="__next">` from the page's props: for a document request and also for a
    /// data request (which does not send it). The explorer compares it with the HTML a client
    /// renders from the JSON. Rendering on demand keeps it out of the request's timing.
    package func respondForInspection(to request: EngineRequest) async -> InspectedResponse {
        var (response, html) = await answer(request, keepingProps: true)
        finish(&response, for: request.head)
        return InspectedResponse(response: response, renderServerHTML: html)
    }

    private func answer(_ request: EngineRequest, keepingProps: Bool) async -> (EngineResponse, (@Sendable () -> String)?) {
        guard let path = request.head.path else { return (errorPage(400), nil) }
        if BuildManifest.isRequest(path, basePath: site.basePath, buildId: buildId) {
            return (BuildManifest(site: site).response(generateEtags: site.generateEtags, cacheControl: rendered(BuildManifest.cacheControl)), nil)
        }
        switch RequestTarget(path: path, site: site, buildId: buildId) {
        case .normalize(let location):
            return (redirect(to: location, status: 308, cacheControl: nil, extra: [:]), nil)
        case .badRequest:
            return (errorPage(400), nil)
        case .notFound:
            return (errorPage(404), nil)
        case .page(let target):
            if let location = localeRedirect(target, request: request.head) {
                return (redirect(to: location, status: 307, cacheControl: Engine.privateNoStore, extra: [:]), nil)
            }
            if !target.isData || (mode == .development && !target.isIndexedAsset), let status = ErrorStatus(visitedPath: target.path) {
                // `/404` and `/500` visited directly: the page with its own status, as a static
                // page; `next dev` renders it for their data URLs too, as for any static page
                // (`500.json`, not `index/500.json`, which it answers 404).
                var response = errorPage(status.statusCode, locale: target.locale, cacheControl: rendered(nil))
                matched(target.path, target, request, &response)
                return (response, nil)
            }
            let match: (pattern: RoutePattern, entry: PageRoute, params: QueryParameters)
            do {
                guard let found = try site.routes.match(path: target.path) else { return (notFound(target), nil) }
                match = found
            } catch {
                // OPTIONS: the error page refuses it too, after the 400's Cache-Control was set
                // (the private one, `next dev` included).
                if request.head.method == .options {
                    var refused = Engine.optionsRefused
                    refused.head.headerFields[.cacheControl] = Engine.privateNoStore
                    return (refused, nil)
                }
                // `_error` renders for the request, with its query.
                let query = SearchParams.mergedQuery(SearchParams.parse(target.query), params: nil)
                return (errorPage(400, locale: target.locale, cacheControl: rendered(Engine.privateNoStore), query: query), nil)
            }
            let page = match.entry.page
            // `next start` has no data route for a static page; `next dev` renders the page.
            if target.isData && !page.isServerSide && mode == .production { return (errorPage(404, locale: target.locale), nil) }
            var (response, html) = await respond(page, match.pattern, params: match.params, target: target, request: request, keepingProps: keepingProps)
            matched(Substring(match.pattern.description), target, request, &response)
            return (response, html)
        }
    }

    /// The 404 for a path no route matches. One that decodes to a page without params
    /// (`/abou%74`) is Next.js's file check finding the page that the route then refuses: that
    /// 404 has no Cache-Control in `next start`.
    private func notFound(_ target: RequestTarget.PageRequest) -> EngineResponse {
        let decoded = PercentDecoding.decode(target.path)
        let cacheControl = decoded.map { site.routes.isStaticRoute($0) } == true ? nil : Engine.privateNoStore
        return errorPage(404, locale: target.locale, cacheControl: rendered(cacheControl))
    }

    /// What Next.js tells a client that sends `x-nextjs-data` (its router does): the page that
    /// answered, `x-nextjs-matched-path: /posts/[id]` (after the locale, with i18n).
    private func matched(_ page: Substring, _ target: RequestTarget.PageRequest, _ request: EngineRequest, _ response: inout EngineResponse) {
        guard let data = request.head.headerFields.first(.nextjsData), !data.isEmpty else { return }
        let locale = site.i18n == nil ? "" : "/" + (target.locale ?? "")
        response.head.headerFields.append(HTTPField(name: .nextjsMatchedPath, value: locale + page))
    }

    /// A matched page's answer: its methods first, then the page itself.
    private func respond(
        _ page: ErasedPage, _ route: RoutePattern, params: QueryParameters, target: RequestTarget.PageRequest, request: EngineRequest,
        keepingProps: Bool
    ) async -> (EngineResponse, (@Sendable () -> String)?) {
        let method = request.head.method
        if !page.isServerSide && mode == .production && method != .get && method != .head {
            // A prerendered page: only GET and HEAD, and a plain-text answer.
            var allow = HTTPFields()
            allow.append(HTTPField(name: .allow, value: "GET"))
            allow.append(HTTPField(name: .allow, value: "HEAD"))
            return (EngineResponse(
                status: .methodNotAllowed, headers: allow, contentType: nil, cacheControl: nil,
                body: Array("Method Not Allowed".utf8), timing: ServerTiming()), nil)
        }
        if method == .options { return (Engine.optionsRefused, nil) }
        return await render(page, route: route, params: params, target: target, request: request, keepingProps: keepingProps)
    }

    /// "An OPTIONS request to a page handler is invalid" (Next.js): an empty 400.
    private static let optionsRefused = EngineResponse(
        status: .badRequest, headers: [:], contentType: nil, cacheControl: nil, body: [], timing: ServerTiming())

    /// The Cache-Control of something the engine renders: `production` (`nil` for none) as
    /// `next start` sends it, overwritten in dev as `next dev` does.
    func rendered(_ production: String?) -> String? { mode == .development ? Engine.devNoStore : production }

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

    /// Conditional requests (`If-None-Match` → 304) and HEAD, applied to any response. As in
    /// Next.js, any response with an ETag can be a 304, whatever its status or method.
    private func finish(_ response: inout EngineResponse, for request: HTTPRequest) {
        if ETag.isConditional(request.headerFields), let etag = response.head.headerFields.first(.eTag),
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

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
    public let buildId: String
    let logger: Logger
    private let warnedPages = LockedValue(Set<String>())

    public init(site: Site, mode: Mode = .production, logger: Logger = Logger(label: "ssr")) {
        self.site = site
        self.mode = mode
        self.logger = logger
        self.buildId = site.buildId ?? (mode == .development ? "development" : BuildID.ofExecutable())
    }

    /// The response to `request`. Never throws: every failure is an HTTP answer.
    public func respond(to request: Request) async -> Response {
        var response = await answer(request)
        finish(&response, for: request.head)
        return response
    }

    private func answer(_ request: Request) async -> Response {
        guard let path = request.head.path else { return errorPage(400) }
        switch RequestTarget(path: path, site: site, buildId: buildId) {
        case .normalize(let location):
            return redirect(to: location, status: 308, cacheControl: Engine.privateNoStore, extra: [:])
        case .badRequest:
            return errorPage(400)
        case .notFound:
            return errorPage(404)
        case .page(let target):
            guard let match = site.routes.match(target.segments) else { return errorPage(404, locale: target.locale) }
            let page = match.entry.page
            if target.isData && !page.isServerSide { return errorPage(404, locale: target.locale) }
            if !page.isServerSide && request.head.method != .get && request.head.method != .head {
                var response = errorPage(405, locale: target.locale)
                response.head.headerFields[.allow] = "GET, HEAD"
                return response
            }
            return await render(page, route: match.pattern, params: match.params, target: target, request: request)
        }
    }

    // MARK: - A page

    private func render(
        _ page: ErasedPage, route: RoutePattern, params: QueryParameters, target: RequestTarget.PageRequest, request: Request
    ) async -> Response {
        let pairs = SearchParams.parse(target.query)
        let routeParams: QueryParameters? = route.isDynamic ? params : nil
        let paramNames = Set(params.names)
        let keptQuery = pairs.filter { !SearchParams.isInternal($0.name) && !paramNames.contains($0.name) }.map(\.raw)
        let resolvedUrl = String(target.path) + (keptQuery.isEmpty ? "" : "?" + keptQuery.joined(separator: "&"))
        let query = SearchParams.mergedQuery(pairs, params: routeParams)
        let response = ServerSideResponse()
        let context = ServerSideContext(
            params: routeParams,
            query: query,
            request: IncomingRequest(
                method: request.head.method, url: target.url, headerFields: request.head.headerFields,
                cookies: Cookies.parse(request.head.headerFields), body: request.body),
            response: response,
            resolvedUrl: resolvedUrl,
            locale: target.locale,
            locales: site.i18n?.locales ?? [],
            defaultLocale: site.i18n?.defaultLocale,
            page: route.description)

        let clock = ContinuousClock()
        let started = clock.now
        let outcome: ErasedPage.Outcome
        do {
            outcome = try await page.run(context)
        } catch {
            return failure(error, page: route.description, url: target.url, timing: ServerTiming(gssp: clock.now - started))
        }
        var timing = page.isServerSide ? ServerTiming(gssp: clock.now - started) : ServerTiming()
        var headers = response.headerFields
        let cacheControl = headers[.cacheControl] ?? Engine.privateNoStore
        headers[.cacheControl] = nil

        switch outcome {
        case .notFound:
            if target.isData {
                return Response(
                    status: .notFound, headers: headers, contentType: "application/json; charset=utf-8",
                    cacheControl: Engine.privateNoStore, body: Array("{\"notFound\":true}".utf8), timing: timing)
            }
            var notFound = errorPage(404, locale: target.locale, cacheControl: Engine.privateNoStore)
            notFound.head.headerFields.append(contentsOf: headers)
            return notFound

        case .redirect(let redirect):
            let problems = redirect.problems
            guard problems.isEmpty else {
                let message = "Invalid redirect object returned from getServerSideProps for \(target.url)\n"
                    + problems.joined(separator: " and ")
                    + "\nSee more info here: https://nextjs.org/docs/messages/invalid-redirect-gssp"
                return failure(ServerSidePropsError(message), page: route.description, url: target.url, timing: timing)
            }
            if target.isData {
                var pageProps: JSONValue = ["__N_REDIRECT": .string(redirect.destination), "__N_REDIRECT_STATUS": .number(Double(redirect.status))]
                if redirect.basePath == false, case .object(var members) = pageProps {
                    members.append(.init("__N_REDIRECT_BASE_PATH", false))
                    pageProps = .object(members)
                }
                var body = Array("{\"pageProps\":".utf8)
                _ = try? PropsEncoder().encode(pageProps, into: &body)
                body.append(contentsOf: ",\"__N_SSP\":true}".utf8)
                return Response(
                    status: .ok, headers: headers, contentType: "application/json; charset=utf-8",
                    cacheControl: Engine.privateNoStore, body: body, timing: timing)
            }
            var location = redirect.destination
            if location.hasPrefix("/") {
                if redirect.basePath != false { location = site.basePath + location }
                location = RequestTarget.normalizeRepeatedSlashes(location)
            }
            var response = self.redirect(to: location, status: redirect.status, cacheControl: cacheControl, extra: headers)
            response.head.headerFields[.serverTiming] = timing.headerValue
            return response

        case .props(let props):
            if target.isData {
                let renderStart = clock.now
                var body = Array("{\"pageProps\":".utf8)
                do {
                    _ = try props.encode(&body, false)
                    if mode == .development { try Engine.checkPlainObject(body, from: "{\"pageProps\":".utf8.count) }
                } catch {
                    return failure(serializationFailure(error, page: route.description), page: route.description, url: target.url, timing: timing)
                }
                body.append(contentsOf: ",\"__N_SSP\":true}".utf8)
                timing.render = clock.now - renderStart
                return Response(
                    status: response.status, headers: headers, contentType: "application/json; charset=utf-8",
                    cacheControl: cacheControl, body: body, timing: timing, etag: site.generateEtags)
            }
            let renderStart = clock.now
            var head = HTMLOutput()
            props.renderHead(&head)
            var nextData = NextData(
                props: page.isServerSide ? .serverSide(props) : .empty, page: route.description, query: query, buildId: buildId)
            nextData.autoExport = !page.isServerSide
            nextData.i18n = i18nData(target.locale)
            let document: DocumentWriter.Output
            do {
                document = try DocumentWriter(shell: site.document).write(
                    lang: target.locale, pageHead: head, pageBody: props.body(), nextData: nextData, capacity: 0)
                if mode == .development, page.isServerSide {
                    try Engine.checkPlainObject(document.bytes, from: document.pagePropsOffset)
                }
            } catch {
                return failure(serializationFailure(error, page: route.description), page: route.description, url: target.url, timing: timing)
            }
            timing.render = clock.now - renderStart
            warnIfLarge(page: route.description, asPath: resolvedUrl, bytes: document.nextDataLength)
            return Response(
                status: response.status, headers: headers, contentType: "text/html; charset=utf-8",
                cacheControl: cacheControl, body: document.bytes, timing: timing, etag: site.generateEtags)
        }
    }

    // MARK: - Errors

    /// A thrown error or an invalid result: 500, with the details in dev and the 500 page in
    /// production (logged there, never shown).
    private func failure(_ error: any Error, page: String, url: String, timing: ServerTiming) -> Response {
        let message = (error as? ServerSidePropsError)?.message ?? String(describing: error)
        logger.error("Error in getServerSideProps for \(page) (\(url)): \(message)")
        guard mode == .development else {
            var response = errorPage(500)
            response.head.headerFields[.serverTiming] = timing.headerValue
            return response
        }
        let name = error is ServerSidePropsError ? "Error" : String(reflecting: type(of: error))
        var value = ""
        dump(error, to: &value)  // Swift errors carry no stack trace: show the error's structure instead
        let devError = NextData.DevError(name: name, message: message, stack: value)
        var nextData = NextData(props: .statusCode(500), page: "/_error", query: QueryParameters(), buildId: buildId)
        nextData.err = devError
        nextData.gip = true
        let shell = DevErrorPage(error: devError, page: page)
        var head = HTMLOutput()
        title { "500: Internal Server Error" }.render(into: &head)
        let document = (try? DocumentWriter(shell: site.document).write(
            lang: nil, pageHead: head,
            pageBody: PageBody { shell.body().render(into: &$0) }, nextData: nextData, capacity: 0))?.bytes ?? Array("Internal Server Error".utf8)
        return Response(
            status: .internalServerError, headers: [:], contentType: "text/html; charset=utf-8",
            cacheControl: Engine.errorNoStore, body: document, timing: timing)
    }

    private func serializationFailure(_ error: any Error, page: String) -> ServerSidePropsError {
        guard let error = error as? SerializationError else { return ServerSidePropsError(String(describing: error)) }
        let what = error.path.isEmpty ? "props" : "`\(error.pathDescription)`"
        return ServerSidePropsError(
            "Error serializing \(what) returned from `getServerSideProps` in \"\(page)\".\nReason: \(error.reason)")
    }

    /// Dev's `isSerializableProps` root check: props must encode to a JSON object. `start` is
    /// where the props JSON begins (script-safe escaping never changes its first byte).
    private static func checkPlainObject(_ json: [UInt8], from start: Int) throws(SerializationError) {
        guard start < json.count, json[start] != UInt8(ascii: "{") else { return }
        let label: String
        switch json[start] {
        case UInt8(ascii: "["): label = "[object Array]"
        case UInt8(ascii: "\""): label = "[object String]"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): label = "[object Boolean]"
        case UInt8(ascii: "n"): label = "[object Null]"
        default: label = "[object Number]"
        }
        throw SerializationError(
            path: [], reason: "Props must be returned as a plain object from getServerSideProps: `{ props: { ... } }` (received: `\(label)`).")
    }

    /// The 404, 500 (custom or default), 400 or 405 page.
    func errorPage(_ statusCode: Int, locale: String? = nil, cacheControl: String = Engine.errorNoStore) -> Response {
        let status = ErrorStatus(statusCode: statusCode)
        let custom: (any ErrorPage)? = statusCode == 404 ? site.notFoundPage : statusCode == 500 ? site.errorPage : nil
        let errorPage = custom ?? DefaultErrorPage()
        var nextData: NextData
        if custom != nil {
            nextData = NextData(props: .empty, page: "/\(statusCode)", query: QueryParameters(), buildId: buildId)
            nextData.autoExport = true
        } else {
            nextData = NextData(props: .statusCode(statusCode), page: "/_error", query: QueryParameters(), buildId: buildId)
            nextData.nextExport = statusCode == 404 || statusCode == 500
            nextData.gip = true
        }
        nextData.i18n = i18nData(locale)
        var head = HTMLOutput()
        errorPage.head(status).render(into: &head)
        let bytes = (try? DocumentWriter(shell: site.document).write(
            lang: locale, pageHead: head, pageBody: PageBody { errorPage.render(status).render(into: &$0) }, nextData: nextData, capacity: 0))?.bytes
        return Response(
            status: HTTPResponse.Status(code: statusCode), headers: [:], contentType: "text/html; charset=utf-8",
            cacheControl: cacheControl, body: bytes ?? Array("Internal Server Error".utf8), timing: ServerTiming(), etag: site.generateEtags)
    }

    private func redirect(to location: String, status: Int, cacheControl: String, extra: HTTPFields) -> Response {
        var response = Response(
            status: HTTPResponse.Status(code: status), headers: extra, contentType: "text/plain; charset=utf-8",
            cacheControl: cacheControl, body: Array(location.utf8), timing: ServerTiming())
        response.head.headerFields[.location] = location
        if status == 308 { response.head.headerFields[.refresh] = "0;url=\(location)" }
        return response
    }

    private func i18nData(_ locale: String?) -> (locale: String, locales: [String], defaultLocale: String)? {
        guard let i18n = site.i18n else { return nil }
        return (locale ?? i18n.defaultLocale, i18n.locales, i18n.defaultLocale)
    }

    // MARK: - Warnings and the last touches

    /// Next.js's large-page-data warning: every time in dev, once per page in production.
    private func warnIfLarge(page: String, asPath: String, bytes: Int) {
        guard bytes > site.largePageDataBytes else { return }
        if mode == .production {
            let first = warnedPages.withLock { $0.insert(page).inserted }
            guard first else { return }
        }
        let path = page == asPath ? "" : " (path \"\(asPath)\")"
        logger.warning(
            "Warning: data for page \"\(page)\"\(path) is \(PrettyBytes.format(bytes)) which exceeds the threshold of \(PrettyBytes.format(site.largePageDataBytes)), this amount of data can reduce performance.\nSee more info here: https://nextjs.org/docs/messages/large-page-data")
    }

    /// Conditional GET (`If-None-Match` → 304) and HEAD, applied to any response.
    private func finish(_ response: inout Response, for request: HTTPRequest) {
        if response.head.status == .ok, let etag = response.head.headerFields[.eTag],
            request.method == .get || request.method == .head,
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

/// An invalid `getServerSideProps` result, with Next.js's message.
public struct ServerSidePropsError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension HTTPField.Name {
    static let refresh = HTTPField.Name("Refresh")!
    static let serverTiming = HTTPField.Name("Server-Timing")!
}

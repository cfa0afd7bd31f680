import HTTPTypes

/// Error responses: a failed `getServerSideProps` (dev details or the 500 page), the error
/// pages (400, 404, 500, and the server's own), and the redirect response shared by
/// normalization and pages.
extension Engine {
    /// A thrown error or an invalid result: 500, with the details in dev and the 500 page in
    /// production (logged there, never shown).
    func failure(_ error: any Error, page: String, url: String, query: QueryParameters, timing: ServerTiming) -> EngineResponse {
        let message = (error as? ServerSidePropsError)?.message ?? String(describing: error)
        logger.error("Error in getServerSideProps for \(page) (\(url)): \(message)")
        guard mode == .development else {
            // The 500 page, with no Cache-Control (as `next start` serves it).
            var response = errorPage(500, locale: nil, cacheControl: nil)
            response.head.headerFields[.serverTiming] = timing.headerValue
            return response
        }
        let name = error is ServerSidePropsError ? "Error" : String(reflecting: type(of: error))
        var value = ""
        dump(error, to: &value)  // Swift errors carry no stack trace: show the error's structure instead
        let devError = NextData.DevError(name: name, message: message, stack: value)
        var nextData = NextData(props: .statusCode(500, hostname: hostname), page: "/_error", query: query, buildId: buildId)
        nextData.err = devError
        nextData.gip = true
        let shell = DevErrorPage(error: devError, page: page)
        let document = errorDocument(
            head: EmptyMarkup(), body: PageBody { shell.body().render(into: &$0) },  // no title, as next dev's
            nextData: nextData, lang: nil)
        return EngineResponse(
            status: .internalServerError, headers: [:], contentType: "text/html; charset=utf-8",
            cacheControl: Engine.devNoStore, body: document, timing: timing, etag: site.generateEtags)
    }

    /// A serialization error in Next.js's words: ``Error serializing `.path` returned from …``.
    static func describe(_ error: SerializationError, page: String) -> ServerSidePropsError {
        let what = error.path.isEmpty ? "props" : "`\(error.pathDescription)`"
        return ServerSidePropsError(
            "Error serializing \(what) returned from `getServerSideProps` in \"\(page)\".\nReason: \(error.reason)")
    }

    /// Dev's `isSerializableProps` root check: props must encode to a JSON object. `start` is
    /// where the props JSON begins (script-safe escaping never changes its first byte).
    static func checkPlainObject(_ json: [UInt8], from start: Int) throws(SerializationError) {
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

    /// The 404, 400 or 500 page (custom or default), for what went wrong before or around a page:
    /// `private, no-cache, no-store` in production, as Next.js sends its 404s and 400s.
    func errorPage(_ statusCode: Int, locale: String? = nil) -> EngineResponse {
        errorPage(statusCode, locale: locale, cacheControl: rendered(Engine.privateNoStore))
    }

    /// The error page for `statusCode` with `cacheControl` (`nil` for none). `query` is the
    /// request's, which `_error` shows when rendered for the request; `notFoundSrcPage` names, in
    /// dev, the page whose `notFound` it shows.
    func errorPage(
        _ statusCode: Int, locale: String?, cacheControl: String?, query: QueryParameters = QueryParameters(), notFoundSrcPage: String? = nil
    ) -> EngineResponse {
        let status = ErrorStatus(statusCode: statusCode)
        let custom = site.customErrorPage(statusCode)
        let errorPage = custom ?? DefaultErrorPage()
        var nextData: NextData
        if custom != nil {
            nextData = NextData(props: .empty, page: "/\(statusCode)", query: QueryParameters(), buildId: buildId)
            nextData.autoExport = true
        } else {
            // `next build` prerenders `_error` as the 404 and 500 pages; the others, and all of
            // them in dev, are rendered for the request (and so know the server's host name).
            let prerendered = mode == .production && (statusCode == 404 || statusCode == 500)
            nextData = NextData(
                props: .statusCode(statusCode, hostname: prerendered ? nil : hostname), page: "/_error",
                query: prerendered ? QueryParameters() : query, buildId: buildId)
            nextData.nextExport = prerendered
            nextData.experimentalCompile = mode == .production && !prerendered
            nextData.gip = true
        }
        nextData.i18n = i18nData(locale)
        nextData.notFoundSrcPage = notFoundSrcPage
        let document = errorDocument(
            head: errorPage.head(status), body: PageBody { errorPage.render(status).render(into: &$0) }, nextData: nextData, lang: locale)
        return EngineResponse(
            status: .standard(statusCode), headers: [:], contentType: "text/html; charset=utf-8",
            cacheControl: cacheControl, body: document, timing: ServerTiming(), etag: site.generateEtags)
    }

    /// An error page's document. Its `__NEXT_DATA__` holds no page props, so writing it cannot
    /// fail in practice; if it did, the body is Next.js's last resort, `Internal Server Error`.
    private func errorDocument(head: any Markup, body: PageBody, nextData: NextData, lang: String?) -> [UInt8] {
        let document = try? DocumentWriter(shell: site.document).write(
            lang: lang, pageHead: { head.render(into: &$0) }, pageBody: body, nextData: nextData)
        return document?.bytes ?? Array("Internal Server Error".utf8)
    }

    /// A redirect as Next.js sends it: `Location`, the destination as the body, no Content-Type,
    /// and for 308 `Refresh`.
    func redirect(to location: String, status: Int, cacheControl: String?, extra: HTTPFields) -> EngineResponse {
        var response = EngineResponse(
            status: .standard(status), headers: extra, contentType: nil,
            cacheControl: cacheControl, body: Array(location.utf8), timing: ServerTiming())
        response.head.headerFields[.location] = location
        if status == 308 { response.head.headerFields[.refresh] = "0;url=\(location)" }
        return response
    }
}

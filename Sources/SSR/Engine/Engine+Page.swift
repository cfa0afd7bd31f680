import HTTPTypes

/// How the engine answers for a matched page: it builds the context, runs
/// `getServerSideProps`, then encodes the outcome for a document or a data request.
extension Engine {
    /// Runs the page for a request that matched it. With `keepingProps`, also returns a
    /// function that renders the page's HTML (inside `#__next`) from its props, even for a
    /// data request.
    func render(
        _ page: ErasedPage, route: RoutePattern, params: QueryParameters, target: RequestTarget.PageRequest, request: EngineRequest,
        keepingProps: Bool
    ) async -> (EngineResponse, (@Sendable () -> String)?) {
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
            return (failure(error, page: route.description, url: target.url, query: query, timing: ServerTiming(gssp: clock.now - started)), nil)
        }
        var headers = response.headerFields
        let pageCacheControl = headers.first(.cacheControl)
        if pageCacheControl != nil { headers[.cacheControl] = nil }
        let responder = PageResponder(
            engine: self, route: route, target: target, isServerSide: page.isServerSide, query: query,
            resolvedUrl: resolvedUrl, status: response.status, pageCacheControl: pageCacheControl, headers: headers,
            timing: page.isServerSide ? ServerTiming(gssp: clock.now - started) : ServerTiming())

        switch outcome {
        case .notFound: return (responder.notFound(), nil)
        case .redirect(let redirect): return (responder.redirect(redirect), nil)
        case .props(let props):
            // `next dev` answers a static page's data URL with the page itself.
            let response = target.isData && page.isServerSide ? responder.data(props) : responder.document(props)
            guard keepingProps else { return (response, nil) }
            let shell = site.document
            return (response, { shell.appHTML(props.body()) })
        }
    }
}

/// Encodes a page's outcome as the response for a document or a data request.
struct PageResponder {
    let engine: Engine
    let route: RoutePattern
    let target: RequestTarget.PageRequest
    let isServerSide: Bool
    let query: QueryParameters
    let resolvedUrl: String
    /// Status and headers set by the page (its Cache-Control apart).
    let status: HTTPResponse.Status
    /// The Cache-Control the page set, if it did.
    let pageCacheControl: String?
    let headers: HTTPFields
    let timing: ServerTiming

    private var site: Site { engine.site }
    private var mode: Engine.Mode { engine.mode }

    /// What a gSSP page's own answers carry: the page's value, else Next.js's private default.
    private var cacheControl: String { pageCacheControl ?? Engine.privateNoStore }

    private func failure(_ error: any Error) -> EngineResponse {
        let reported = (error as? SerializationError).map { Engine.describe($0, page: route.description) } ?? error
        return engine.failure(reported, page: route.description, url: target.url, query: query, timing: timing)
    }

    /// `notFound`: the 404 page, or `{"notFound":true}` for a data request (no Content-Type, no
    /// ETag, as Next.js sends it; `next dev` sends no Cache-Control either).
    func notFound() -> EngineResponse {
        if target.isData {
            return EngineResponse(
                status: .notFound, headers: headers, contentType: nil,
                cacheControl: mode == .development ? nil : Engine.privateNoStore, body: Array("{\"notFound\":true}".utf8), timing: timing)
        }
        var notFound = engine.errorPage(
            404, locale: target.locale, cacheControl: engine.rendered(Engine.privateNoStore),
            notFoundSrcPage: mode == .development ? route.description : nil)
        notFound.head.headerFields.append(contentsOf: headers)
        return notFound
    }

    /// A redirect: 3xx with `Location` for a document, 200 JSON with `__N_REDIRECT` for data.
    func redirect(_ redirect: Redirect) -> EngineResponse {
        let problems = redirect.problems
        guard problems.isEmpty else { return failure(Redirect.invalid(problems, url: target.url)) }
        if target.isData {
            var pageProps: [JSONValue.Member] = [
                .init("__N_REDIRECT", .string(redirect.destination)), .init("__N_REDIRECT_STATUS", .number(Double(redirect.status))),
            ]
            if redirect.basePath == false { pageProps.append(.init("__N_REDIRECT_BASE_PATH", false)) }
            var body = Array("{\"pageProps\":".utf8)
            _ = try? PropsEncoder().encode(JSONValue.object(pageProps), into: &body)
            body.append(contentsOf: ",\"__N_SSP\":true}".utf8)
            return EngineResponse(
                status: .ok, headers: headers, contentType: "application/json",
                cacheControl: engine.rendered(Engine.privateNoStore), body: body, timing: timing, etag: site.generateEtags)
        }
        var location = redirect.destination
        if location.hasPrefix("/") {
            if redirect.basePath != false { location = site.basePath + location }
            location = RequestTarget.normalizeRepeatedSlashes(location)
        }
        var response = engine.redirect(to: location, status: redirect.status, cacheControl: cacheControl, extra: headers)
        response.head.headerFields[.serverTiming] = timing.headerValue
        return response
    }

    /// Props for a client transition: `{"pageProps":…,"__N_SSP":true}`. The page is not rendered.
    func data(_ props: ErasedProps) -> EngineResponse {
        let clock = ContinuousClock()
        let started = clock.now
        var body = Array("{\"pageProps\":".utf8)
        do {
            _ = try props.encode(&body, false)
            if mode == .development { try Engine.checkPlainObject(body, from: "{\"pageProps\":".utf8.count) }
        } catch {
            return failure(error)
        }
        body.append(contentsOf: ",\"__N_SSP\":true}".utf8)
        var timing = self.timing
        timing.render = clock.now - started
        return EngineResponse(
            status: status, headers: headers, contentType: "application/json",
            cacheControl: engine.rendered(cacheControl), body: body, timing: timing, etag: site.generateEtags)
    }

    /// The HTML document, with the props inline in `__NEXT_DATA__`.
    func document(_ props: ErasedProps) -> EngineResponse {
        let clock = ContinuousClock()
        let started = clock.now
        // A static page is prerendered by `next build`: its query is always empty.
        var nextData = NextData(
            props: isServerSide ? .serverSide(props) : .empty, page: route.description, query: isServerSide ? query : QueryParameters(),
            buildId: engine.buildId)
        nextData.autoExport = !isServerSide
        nextData.experimentalCompile = isServerSide && mode == .production
        nextData.i18n = engine.i18nData(target.locale)
        let document: DocumentWriter.Output
        do {
            document = try DocumentWriter(shell: site.document).write(
                lang: target.locale, pageHead: props.renderHead, pageBody: props.body(), nextData: nextData,
                nonce: site.document.scriptNonce(responseHeaders: headers))
            if mode == .development, isServerSide {
                try Engine.checkPlainObject(document.bytes, from: document.pagePropsOffset)
            }
        } catch {
            return failure(error)
        }
        var timing = self.timing
        timing.render = clock.now - started
        engine.warnIfLarge(page: route.description, asPath: resolvedUrl, bytes: document.nextDataLength)
        // A static page is prerendered by `next build` and served with no Cache-Control.
        return EngineResponse(
            status: status, headers: headers, contentType: "text/html; charset=utf-8",
            cacheControl: engine.rendered(isServerSide ? cacheControl : nil), body: document.bytes, timing: timing,
            etag: site.generateEtags)
    }
}

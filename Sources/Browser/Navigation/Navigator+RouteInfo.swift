import HTTPTypes
import SSR

/// What `getRouteInfo` is asked.
struct RouteRequest: Sendable {
    var route: String
    var pathname: String
    var query: RouterQuery
    /// With basePath and locale.
    var asPath: String
    /// Without basePath and locale: what the data URL is made of.
    var resolvedAs: String
    var locale: String?
    /// The proxy's matchers match `asPath`.
    var hasMiddleware: Bool
    /// The query update after hydration (`_h: 1`): its data request is a `HEAD`, kept nowhere.
    var queryUpdating: Bool
    var middlewareRewrite: Bool
    /// The 404 page after `{"notFound":true}`: its data URL is `/404`'s.
    var notFound: Bool
    /// The first render after a document load (`router.isSsr`).
    var serverRender: Bool
}

/// A page `getRouteInfo` arrived at.
struct RoutePage: Sendable {
    var route: String
    var props: JSONValue
    var source: Exchange.PropsSource
    var kind: SiteInfo.Route.Kind?
    var query: RouterQuery
    var resolvedAs: String
    /// `{"notFound":true}`.
    var notFound: Bool
    var serverHTML: String?
}

/// What `getRouteInfo` answers: a page, an effect of the proxy, or a failure.
enum RouteInfo: Sendable {
    case page(RoutePage)
    case redirectInternal(newAs: String)
    case redirectExternal(String)
    /// The client cannot load the page (`handleRouteInfoError` with an asset error): it loads
    /// the URL as a new document; the reason in words.
    case hardNavigation(String)
    /// Another error: the client renders `/_error` itself.
    case errorPage(String)
    case failed(String)
}

/// Where a data answer is looked for and kept.
enum DataCache: Sendable {
    /// `sdc`: for the page's lifetime (in production, unless told not to).
    case data
    /// `sbc`: background checks (`HEAD`).
    case background
    /// A one-off: not kept.
    case none
}

extension Navigator {
    /// `getRouteInfo`: the page's props, asking the proxy first when it matches (its answer is
    /// then the page's data too), then the data URL for a page with getServerSideProps or
    /// getStaticProps. Requests go into `exchange`.
    func routeInfo(_ request: RouteRequest, site: SiteInfo, _ exchange: inout Exchange) async -> RouteInfo {
        let config = site.config
        var route = request.route, pathname = request.pathname, query = request.query, resolvedAs = request.resolvedAs
        let production = site.buildId != "development"
        let firstHref = DataHref.make(
            href: RouterURL(pathname: pathname, query: query), asPath: request.notFound ? "/404" : resolvedAs, locale: request.locale,
            skipInterpolation: true, buildId: site.buildId, config: config)
        let base = NextDataRequest(
            dataHref: firstHref, kind: request.queryUpdating ? .background : .navigation, middleware: true, persist: true,
            serverRender: request.serverRender)

        // `withMiddlewareEffects`: the proxy's answer and what it did.
        var data: NextDataFetch?
        var effect = MiddlewareEffect.next
        let asksProxy = !(request.queryUpdating && !request.middlewareRewrite)
            && (site.middleware?.matches(request.notFound ? "/404" : resolvedAs, locale: request.locale, config: config) ?? false)
        if asksProxy {
            do throws(NextDataFailure) {
                let fetched = try await fetchNextData(base, cache: request.queryUpdating ? .background : .data, site: site, &exchange)
                data = fetched
                effect = MiddlewareEffect(source: fetched.dataHref, response: fetched.response, site: site)
            } catch {
                if !request.queryUpdating { return routeInfoError(error, serverRender: request.serverRender) }
            }
        }
        if pathname == "/_error" || pathname == "/404" { effect = .next }
        // The hydration's query update keeps the document's props.
        let documentProps: JSONValue? = request.queryUpdating ? .some(shown.nextData?["props"] ?? .object([])) : .none
        switch effect {
        case .redirectInternal(let newAs): return .redirectInternal(newAs: newAs)
        case .redirectExternal(let destination): return .redirectExternal(destination)
        case .rewrite(let parsedAs, let resolvedHref, let header):
            let resolvedRoute = RouterConfig.removeTrailingSlash(resolvedHref)
            if !request.queryUpdating || site.pages.contains(resolvedRoute) {
                if resolvedRoute != route {
                    let how = data?.response.headerFields[.nextjsRewrite] != nil ? "The proxy rewrote it to \(header)" : "The server matched \(header)"
                    exchange.notes.append("\(how): the page rendered is \(resolvedRoute).")
                }
                route = resolvedRoute
                pathname = resolvedHref
                query = query.merging(parsedAs.query)
                resolvedAs = config.removeBasePath(config.normalizeLocalePath(parsedAs.pathname).pathname)
            }
        case .next: break
        }
        if route == "/api" || route.hasPrefix("/api/") {
            return .hardNavigation("\(route) is an API route: the client loads it as a new document.")
        }
        // `fetchComponent(route)`: a page the build does not list cannot load (its error pages it always has).
        if site.routes != nil, !site.pages.contains(route), !Site.specialPages.contains(route) {
            return .hardNavigation("No page matches \(route): the client cannot load a page for it (\"Failed to lookup route\"), so it falls back to a hard navigation.")
        }
        // The error pages: `/_error` has getInitialProps (Next.js's own, or the app's); `/404`
        // and `/500` are static unless a custom App has it.
        let kind: SiteInfo.Route.Kind? =
            route == "/_error" ? .initialProps : route == "/404" || route == "/500" ? site.errorPageKind : site.route(named: route)?.kind
        // A prefetch the proxy answered without running the page is asked again. (Next.js means to
        // drop it from its cache too, but deletes it by the wrong key: it stays, and a page without
        // data functions is never asked for again.)
        let skipped = data?.skipped ?? false

        var props: JSONValue
        var source: Exchange.PropsSource = .dataResponse
        var notFound = false
        var serverHTML: String?
        var keptKey: String?
        if let documentProps {
            // The query update renders the page again with the props it has (or, for
            // getInitialProps, the same function's answer for the same URL).
            props = documentProps
            source = .nextData
        } else if kind?.fetchesData ?? true {
            if let data, !skipped, let json = data.json {
                props = json
                notFound = data.notFound
                keptKey = data.dataHref
            } else {
                if skipped, let data {
                    exchange.notes.append(
                        "The proxy answered the prefetch of \(data.dataHref) without running the page (x-middleware-skip): the client asks for the page's data now.")
                }
                let href =
                    data?.dataHref
                    ?? DataHref.make(
                        href: RouterURL(pathname: pathname, query: query), asPath: resolvedAs, locale: request.locale, skipInterpolation: false,
                        buildId: site.buildId, config: config)
                let second = NextDataRequest(dataHref: href, persist: true, serverRender: request.serverRender)
                do throws(NextDataFailure) {
                    let fetched = try await fetchNextData(second, cache: skipped ? .none : .data, site: site, &exchange)
                    if fetched.json == nil, !fetched.notFound { exchange.notes.append(Exchange.unreadableDataNote) }
                    props = fetched.json ?? .object([])
                    notFound = fetched.notFound
                    serverHTML = exchange.fetches.last?.serverHTML
                    keptKey = fetched.dataHref
                    if fetched.json == nil, !fetched.notFound { source = .unreadableResponse }
                } catch {
                    return routeInfoError(error, serverRender: request.serverRender)
                }
            }
        } else {
            props = ["pageProps": .object([])]
            source = kind == .initialProps ? .clientInitialProps : .staticPage
            exchange.notes.append(
                kind == .initialProps
                    ? "\(route) has getInitialProps (\(site.appGetInitialProps ? "the custom App's" : "the page's")): on a client transition it runs in the browser, and the client fetches no data."
                    : "\(route) is static (no getServerSideProps or getStaticProps): a client transition loads the page's JavaScript and fetches no data.")
        }
        if kind == .serverSide, let keptKey { shown.dataCache[keptKey] = nil }
        // A static page's data is checked in the background after a transition (`HEAD`), so that
        // the server revalidates it.
        if kind == .staticProps, production, !request.queryUpdating {
            var check = base
            check.kind = .background
            check.persist = false
            let before = exchange.fetches.count
            _ = try? await fetchNextData(check, cache: .background, site: site, &exchange)
            if exchange.fetches.count > before {
                exchange.notes.append(
                    "After the answer, a HEAD of \(check.dataHref) in the background: the client's signal that a getStaticProps page was visited, so that the server regenerates it once stale (ISR).")
            }
        }
        if case .object(var members) = props, !members.contains(where: { $0.key == "pageProps" }) {
            members.insert(JSONValue.Member("pageProps", .object([])), at: 0)
            props = .object(members)
        }
        return .page(
            RoutePage(
                route: route, props: props, source: source, kind: kind, query: query, resolvedAs: resolvedAs, notFound: notFound,
                serverHTML: serverHTML))
    }

    /// `handleRouteInfoError`: a page or data the client cannot load makes it load the URL as a
    /// document; another error renders the error page in the browser. On the first render after
    /// a document load a failed data request is no asset error (the router avoids a reload loop).
    private func routeInfoError(_ failure: NextDataFailure, serverRender: Bool) -> RouteInfo {
        let said = failure.message.prefix(1).uppercased() + failure.message.dropFirst()
        switch failure {
        case .stopped: return .failed(failure.message)
        case .status where serverRender, .otherDeployment where serverRender:
            return .errorPage(
                "\(said); on the first render after a document load the client does not load the page again: it shows its error page (\"Application error: a client-side exception has occurred\").")
        default: return .hardNavigation("\(said), and falls back to a hard navigation.")
        }
    }

    /// `fetchNextData`: the data request as the client makes it — an answer kept for the page is
    /// used again without asking; a 5xx is asked three times on the first render after a
    /// document load; a `fetch` follows HTTP redirects (to this site only) — and read as the
    /// client reads it.
    func fetchNextData(_ request: NextDataRequest, cache: DataCache, site: SiteInfo, _ exchange: inout Exchange) async throws(NextDataFailure)
        -> NextDataFetch
    {
        let production = site.buildId != "development"
        let kept = cache == .data ? shown.dataCache[request.dataHref] : cache == .background ? shown.backgroundCache[request.dataHref] : nil
        if let kept, !request.skipCache {
            switch request.kind {
            case .navigation where !kept.skipped:  // a skipped prefetch is said where it is asked again
                exchange.notes.append("\(request.dataHref) was answered before (\(kept.response.status.code)) and the client keeps that answer for the page: no request.")
            case .navigation: break
            case .background:
                exchange.notes.append("The background check of \(request.dataHref) was made when the page loaded: the client sends no other.")
            case .prefetch: break
            }
            return kept
        }
        var request = request
        request.deploymentId = shown.deploymentId
        var attempts = request.serverRender ? 3 : 1
        var final: Fetch
        repeat {
            final = try await fetchFollowingRedirects(request, site: site, &exchange)
            attempts -= 1
        } while final.response.status.code >= 500 && attempts > 0
        let status = final.response.status.code
        if (200..<300).contains(status), let answered = final.response.headerFields[.nextjsDeploymentId], answered != shown.deploymentId {
            throw .otherDeployment(answered)
        }
        let result: NextDataFetch
        if (200..<300).contains(status), request.method == .head {
            result = NextDataFetch(dataHref: request.dataHref, response: final.response, body: [], json: .object([]), notFound: false)
        } else if !(200..<300).contains(status) {
            if request.middleware, [301, 302, 307, 308].contains(status) {
                result = NextDataFetch(dataHref: request.dataHref, response: final.response, body: final.body, json: .object([]), notFound: false)
            } else if status == 404, let json = try? JSONValue(parsing: final.body), json["notFound"]?.isTruthy == true {
                result = NextDataFetch(dataHref: request.dataHref, response: final.response, body: final.body, json: nil, notFound: true)
            } else {
                throw .status(status)
            }
        } else {
            let json = request.parseJSON ? try? JSONValue(parsing: final.body) : nil
            result = NextDataFetch(dataHref: request.dataHref, response: final.response, body: final.body, json: json, notFound: false)
        }
        if request.persist, production, final.response.headerFields[.middlewareCache] != "no-cache" {
            switch cache {
            case .data: shown.dataCache[request.dataHref] = result
            case .background: shown.backgroundCache[request.dataHref] = result
            case .none: break
            }
        }
        return result
    }

    /// One data request with its redirects followed, as `fetch` does (same site only: a redirect
    /// to another origin is refused, "Failed to fetch").
    private func fetchFollowingRedirects(_ request: NextDataRequest, site: SiteInfo, _ exchange: inout Exchange) async throws(NextDataFailure)
        -> Fetch
    {
        var path = request.dataHref
        var method = request.method
        for _ in 0...Navigator.maxRedirects {
            var fields: HTTPFields = [.accept: "*/*"]
            fields.append(contentsOf: request.headers)
            let fetch: Fetch
            do {
                fetch = try await send(path, &fields, method: method, referer: shownPage())
            } catch {
                throw Task.isCancelled ? .stopped : .network(error.message)
            }
            if case .prefetch = request.kind { exchange.prefetches.append(fetch) } else { exchange.fetches.append(fetch) }
            if Task.isCancelled { throw .stopped }
            let status = fetch.response.status.code
            guard [301, 302, 303, 307, 308].contains(status), let location = fetch.response.headerFields[.location] else { return fetch }
            switch PageLinks.destination(location, base: path) {
            case .page(let next):
                exchange.notes.append("The data request was redirected (\(status)) to \(next): fetch follows it.")
                path = next
            case .fragment: return fetch
            case .external(let url):
                guard let (next, note) = sameSitePath(url) else {
                    exchange.notes.append("The data request was redirected to another site (\(url)): the browser's fetch refuses it (no CORS).")
                    throw .network("redirected to \(url)")
                }
                if let note { exchange.notes.append(note) }
                path = next
            }
            if status == 303 { method = .get }
        }
        throw .network("redirected more than \(Navigator.maxRedirects) times")
    }
}

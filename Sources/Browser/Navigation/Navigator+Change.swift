import HTTPTypes
import SSR

/// The options of `router.change` the navigator uses.
struct ChangeOptions: Sendable {
    enum Locale: Sendable, Equatable {
        /// Not given: the page's locale.
        case unset
        /// `locale: false`: the path names its locale itself (a redirect's destination).
        case off
        case named(String)
    }
    var locale: Locale = .unset
    var shallow = false
    /// `_h: 1`: the query update that follows a document's hydration.
    var queryUpdating = false
    /// `_shouldResolveHref`.
    var shouldResolveHref = false
}

/// How a navigation ends in the address bar: a new history entry, or the current one replaced.
enum HistoryMethod: Sendable {
    case push, replace
}

extension Navigator {
    /// `router.push(target)`: a client transition from the page shown to `target` (a path
    /// without basePath), as `next/link` starts one.
    func push(_ target: String, _ exchange: inout Exchange) async {
        let site: SiteInfo
        do {
            site = try await siteInfo()
        } catch {
            return exchange.fail("cannot reach the site: \(error.message)")
        }
        if !target.hasPrefix("/") || target.hasPrefix("//") {
            // An absolute URL: of this site under its basePath, the router takes it as a path;
            // anywhere else, the browser loads it.
            guard let (path, note) = sameSitePath(target) else { return exchange.leaveSite(target) }
            if let note { exchange.notes.append(note) }
            // Outside the basePath it is another app's: the browser loads it (said by hardNavigate).
            guard site.config.hasBasePath(path) else { return await hardNavigate(to: path, &exchange) }
            var visited: [String] = []
            return await change(.push, url: path, as: path, options: ChangeOptions(), &exchange, site: site, visited: &visited)
        }
        // `prepareUrlAs`: the path normalized (trailing slash) with the basePath.
        let prepared = site.config.addBasePath(target)
        var visited: [String] = []
        await change(.push, url: prepared, as: prepared, options: ChangeOptions(), &exchange, site: site, visited: &visited)
    }

    /// `onPopState`: back or forward to `url`, a client transition that replaces the entry.
    func popState(_ url: String, _ exchange: inout Exchange) async {
        let site: SiteInfo
        do {
            site = try await siteInfo()
        } catch {
            return exchange.fail("cannot reach the site: \(error.message)")
        }
        let path = site.config.addBasePath(url)
        let locale = site.config.normalizeLocalePath(RouterConfig.parsePath(url).pathname).locale ?? site.defaultLocale
        var visited: [String] = []
        await change(.replace, url: path, as: path, options: ChangeOptions(locale: locale.map { .named($0) } ?? .unset), &exchange, site: site, visited: &visited)
    }

    /// `router.change`: one client-side navigation as Next.js's client makes it, from `url` and
    /// `as` with their basePath. Requests go into `exchange`, and so do the page, props and URL
    /// it arrives at. A redirect of the proxy or of getServerSideProps calls it again, as the
    /// router does; `visited` holds the paths of this navigation, to tell a loop.
    func change(
        _ method: HistoryMethod, url: String, as asPath: String, options: ChangeOptions, _ exchange: inout Exchange, site: SiteInfo,
        visited: inout [String]
    ) async {
        let config = site.config
        var method = method, url = url, asPath = asPath, options = options
        if Task.isCancelled { return exchange.fail("stopped before the answer came") }
        guard isLocal(url, config) else { return await hardNavigate(to: url, &exchange) }
        let queryUpdating = options.queryUpdating
        if !queryUpdating, !options.shallow, namesAppRoute([asPath], locale: localeOption(options), site: site) {
            exchange.notes.append("\(asPath) is a path of the App Router (the build's client router filter names it): the Pages Router's client loads it as a new document.")
            return await hardNavigate(to: config.addBasePath(config.addLocale(asPath, localeOption(options) ?? shown.locale, defaultLocale: site.defaultLocale)), &exchange)
        }
        var shouldResolveHref = queryUpdating || options.shouldResolveHref || RouterConfig.parsePath(url).pathname == RouterConfig.parsePath(asPath).pathname
        if !queryUpdating { shown.isSsr = false }
        let previousLocale = shown.locale
        var locale = shown.locale

        // Locales: a path's own locale wins; the router's is kept otherwise.
        if config.hasLocales {
            switch options.locale {
            case .off: locale = site.defaultLocale
            case .named(let name): locale = name
            case .unset:
                options.locale = locale.map { .named($0) } ?? .unset
            }
            var parsedAs = RouterURL(config.hasBasePath(asPath) ? config.removeBasePath(asPath) : asPath)
            let detected = config.normalizeLocalePath(parsedAs.pathname)
            if let found = detected.locale {
                locale = found
                parsedAs.pathname = config.addBasePath(parsedAs.pathname)
                asPath = parsedAs.formatted
                url = config.addBasePath(config.normalizeLocalePath(config.hasBasePath(url) ? config.removeBasePath(url) : url).pathname)
            }
            if let locale, !config.locales.contains(locale) {
                parsedAs.pathname = config.prefixLocale(parsedAs.pathname, locale)
                return await hardNavigate(to: parsedAs.formatted, &exchange)
            }
        }
        let optionLocale = localeOption(options)
        asPath = config.addBasePath(config.addLocale(config.hasBasePath(asPath) ? config.removeBasePath(asPath) : asPath, optionLocale, defaultLocale: site.defaultLocale))
        let cleanedAs = config.removeLocale(config.hasBasePath(asPath) ? config.removeBasePath(asPath) : asPath, locale)
        let localeChange = previousLocale != locale

        if !queryUpdating, !localeChange, onlyAHashChange(cleanedAs) {
            exchange.notes.append("Only the fragment changes: the client scrolls, and asks for nothing.")
            return arriveWithoutRender(&exchange, at: asPath, config: config)
        }
        guard visited.count < Navigator.maxRedirects else {
            return exchange.fail("Redirected \(Navigator.maxRedirects) times in a row: a redirect loop.")
        }
        visited.append(asPath)

        var parsed = RouterURL(url)
        var query = parsed.query
        if shown.asPath == cleanedAs, !localeChange { method = .replace }
        var resolvedAs = asPath
        var pathname = RouterConfig.removeTrailingSlash(config.removeBasePath(parsed.pathname))
        var route = pathname
        let parsedAsPathname = asPath.hasPrefix("/") ? RouterURL(asPath).pathname : nil
        if shown.appRouterPaths.contains(pathname) {
            exchange.notes.append("A prefetch found \(pathname) to be a page of the App Router: the client loads it as a new document.")
            return await hardNavigate(to: asPath, &exchange)
        }
        let isMiddlewareRewrite = parsedAsPathname.map { asPathname in
            route != asPathname && !((try? RoutePattern(route: route)).map { $0.isDynamic && $0.match(path: asPathname) != nil } ?? false)
        } ?? false
        let isMiddlewareMatch = !options.shallow && (site.middleware?.matches(asPath, locale: locale, config: config) ?? false)
        if queryUpdating && isMiddlewareMatch { shouldResolveHref = false }

        // The page for the path: the build's rewrites as the client resolves them (the proxy,
        // when it matches, is asked instead), or the dynamic route that matches.
        if shouldResolveHref, pathname != "/_error" {
            options.shouldResolveHref = true
            if !site.rewrites.isEmpty, asPath.hasPrefix("/") {
                var request = site.clientRequest
                request.cookies = documentCookies()
                let result = RewriteResolution(
                    config.addBasePath(config.prefixLocale(cleanedAs, locale)), pages: site.pages, rewrites: site.rewrites, query: &query,
                    config: config, request: request, resolveHref: { site.resolveDynamicRoute($0) })
                if result.externalDestination {
                    exchange.notes.append("A rewrite of next.config.js sends \(cleanedAs) to another site, which the client cannot render: it loads the URL from the server.")
                    return await hardNavigate(to: asPath, &exchange)
                }
                if !isMiddlewareMatch { resolvedAs = result.asPath }
                if result.matchedPage, let href = result.resolvedHref {
                    if !result.applied.isEmpty {
                        exchange.notes.append("Rewritten by next.config.js (\(result.applied.joined(separator: ", "))): the page is \(href)\(isMiddlewareMatch ? ", once the proxy agrees" : "").")
                    }
                    pathname = href
                    parsed.pathname = config.addBasePath(pathname)
                    if !isMiddlewareMatch { url = parsed.formatted }
                }
            } else {
                let resolved = site.resolveDynamicRoute(pathname)
                if resolved != pathname {
                    pathname = resolved
                    parsed.pathname = config.addBasePath(pathname)
                    if !isMiddlewareMatch { url = parsed.formatted }
                }
            }
        }
        guard isLocal(asPath, config) else { return await hardNavigate(to: asPath, &exchange) }
        resolvedAs = config.removeLocale(config.removeBasePath(resolvedAs), locale)
        route = RouterConfig.removeTrailingSlash(pathname)

        if let pattern = try? RoutePattern(route: route), pattern.isDynamic {
            let asPathname = RouterURL(resolvedAs).pathname
            let match: QueryParameters?
            do throws(MalformedParameter) {
                match = try pattern.parameters(of: asPathname)
            } catch {
                // Next.js's router decodes the params before it fetches anything, and stops there.
                return exchange.fail(
                    "\(error.segment) is not valid percent-encoding for a parameter of \(pattern): Next.js's router throws DecodeError (\"failed to decode param\") and stays on the page; a hard navigation gets the server's 400 Bad Request.")
            }
            if let match {
                query.assign(RouterQuery(match))
            } else if !isMiddlewareMatch, pattern.segments.contains(where: { if case .dynamic = $0 { true } else if case .catchAll = $0 { true } else { false } }) {
                return exchange.fail("The provided `as` value (\(asPathname)) is incompatible with the `href` value (\(route)): Next.js's router throws and stays on the page.")
            }
        }
        if site.routes != nil, !site.pages.contains(route), !isMiddlewareMatch {
            let why = PercentDecoding.isMalformed(pathname) ? " (its %-escapes are not valid UTF-8)" : ""
            exchange.notes.append("No page matches \(cleanedAs)\(why): the client cannot load a page for it (\"Failed to lookup route\"), so it falls back to a hard navigation (as Next.js's router does).")
            return await hardNavigate(to: asPath, &exchange)
        }

        let info = await routeInfo(
            RouteRequest(
                route: route, pathname: pathname, query: query, asPath: asPath, resolvedAs: resolvedAs, locale: locale, hasMiddleware: isMiddlewareMatch,
                queryUpdating: queryUpdating && !shown.isFallback, middlewareRewrite: isMiddlewareRewrite, notFound: false, serverRender: shown.isSsr),
            site: site, &exchange)
        switch info {
        case .redirectInternal(let newAs):
            exchange.redirects.append("proxy \(newAs)")
            exchange.notes.append("The proxy redirected \(cleanedAs) → \(config.removeBasePath(newAs)): the client transitions there; \(cleanedAs) does not enter history.")
            if visited.contains(newAs) {
                // Production keeps the proxy's answers: the loop goes on in the browser without a request.
                return exchange.fail(loopMessage(newAs, visited: visited, site: site, answersKept: site.buildId != "development"))
            }
            return await change(method, url: newAs, as: newAs, options: options, &exchange, site: site, visited: &visited)
        case .redirectExternal(let destination):
            exchange.notes.append("The proxy sends the browser to \(destination): a full load (window.location.href).")
            return await hardNavigate(to: destination, &exchange)
        case .hardNavigation(let reason):
            exchange.notes.append(reason)
            return await hardNavigate(to: asPath, &exchange)
        case .failed(let message):
            return exchange.fail(message)
        case .errorPage(let reason):
            exchange.notes.append(reason)
            // The router keeps the page it had (its props), and the screen shows the error page.
            return arrive(&exchange, method, route: "/_error", asPath: asPath, props: shown.nextData?["props"] ?? ["pageProps": .object([])], source: .nextData, site: site, serverHTML: nil)
        case .page(let page):
            if let redirect = page.props["pageProps"]?["__N_REDIRECT"]?.stringValue, page.kind?.fetchesData ?? true {
                let status = page.props["pageProps"]?["__N_REDIRECT_STATUS"].map { $0.jsonText } ?? "?"
                let keepsBasePath = page.props["pageProps"]?["__N_REDIRECT_BASE_PATH"] != .bool(false)
                exchange.redirects.append("\(status) \(redirect)")
                let function = page.kind == .staticProps ? "getStaticProps" : "getServerSideProps"
                guard redirect.hasPrefix("/"), keepsBasePath else {
                    exchange.notes.append(
                        redirect.hasPrefix("/")
                            ? "\(function) redirected to \(redirect) (\(status), basePath: false): the browser loads it as a new page (window.location.href)."
                            : "\(function) redirected to \(redirect) (\(status)): the browser goes there (window.location.href).")
                    return await hardNavigate(to: redirect, &exchange)
                }
                exchange.notes.append("\(function) redirected to \(redirect) (\(status)): the client transitions there; \(cleanedAs) does not enter history.")
                options.locale = .off
                let prepared = config.addBasePath(redirect)
                if visited.contains(prepared) {
                    // getStaticProps's answers are kept (getServerSideProps's are not): a loop of
                    // them goes on without a request, one of getServerSideProps asks each time.
                    let kept = page.kind == .staticProps && site.buildId != "development"
                    return exchange.fail(loopMessage(prepared, visited: visited, site: site, answersKept: kept))
                }
                return await change(method, url: prepared, as: prepared, options: options, &exchange, site: site, visited: &visited)
            }
            if page.notFound {
                return await notFoundPage(method, page: page, asPath: asPath, locale: locale, site: site, &exchange)
            }
            shown.locale = locale
            arrive(&exchange, method, route: page.route, asPath: asPath, props: page.props, source: page.source, site: site, serverHTML: page.serverHTML)
        }
    }

    /// `{"notFound":true}`: the client loads its 404 page (or `/_error`) and asks for its data,
    /// which the proxy may answer too.
    private func notFoundPage(_ method: HistoryMethod, page: RoutePage, asPath: String, locale: String?, site: SiteInfo, _ exchange: inout Exchange) async {
        let notFoundRoute = site.pages.contains("/404") ? "/404" : "/_error"
        let function = page.kind == .staticProps ? "getStaticProps" : "getServerSideProps"
        exchange.notes.append("\(function) returned notFound: the client loads its \(notFoundRoute) page at \(config(site).removeBasePath(asPath)).")
        let info = await routeInfo(
            RouteRequest(
                route: notFoundRoute, pathname: notFoundRoute, query: page.query, asPath: asPath, resolvedAs: page.resolvedAs, locale: locale,
                hasMiddleware: false, queryUpdating: false, middlewareRewrite: false, notFound: true, serverRender: shown.isSsr),
            site: site, &exchange)
        switch info {
        case .page(let notFound):
            shown.locale = locale
            arrive(&exchange, method, route: notFoundRoute, asPath: asPath, props: notFound.props, source: notFound.source, site: site, serverHTML: nil)
            exchange.outcome = .clientNotFound
            exchange.page = "/404"
            if let html = transport.renderClientSide(page: "/404", pageProps: Array("{}".utf8)), case .success(let text) = html { exchange.html = text }
        case .hardNavigation(let reason):
            exchange.notes.append(reason)
            await hardNavigate(to: asPath, &exchange)
        case .errorPage(let reason):
            // The router keeps the answer it had for the page (`{"notFound":true}`), and the screen shows the error page.
            exchange.notes.append(reason)
            arrive(&exchange, method, route: "/_error", asPath: asPath, props: ["pageProps": .object([])], source: .dataResponse, site: site, serverHTML: nil)
        case .failed(let message): exchange.fail(message)
        default: exchange.fail("Unexpected answer of the proxy on \(notFoundRoute): Next.js's router throws.")
        }
    }

    private func config(_ site: SiteInfo) -> RouterConfig { site.config }

    /// The end of a client-side navigation: the page renders at `asPath` from `props`, the
    /// address bar changes (`beforeHistoryChange`), and the render is checked against the
    /// server's HTML for the same props.
    func arrive(
        _ exchange: inout Exchange, _ method: HistoryMethod, route: String, asPath: String, props: JSONValue, source: Exchange.PropsSource, site: SiteInfo,
        serverHTML: String?
    ) {
        let shownURL = site.config.hasBasePath(asPath) ? site.config.removeBasePath(asPath) : asPath
        exchange.url = shownURL
        exchange.page = route
        exchange.props = props
        exchange.propsSource = source
        exchange.outcome = .page
        shown.route = route
        shown.asPath = site.config.removeLocale(shownURL, shown.locale)
        switch method {
        case .push: history.push(shownURL, document: shown.document)
        case .replace: history.replaceCurrent(shownURL, document: shown.document)
        }
        // The props are written out again only for a transport that renders (a remote one
        // cannot): for 10 MB of props that took a tenth of the time to open the page.
        guard rendersPages, let pageProps = props["pageProps"], let bytes = try? PropsEncoder().encode(pageProps) else { return }
        let clock = ContinuousClock()
        let started = clock.now
        guard let rendered = transport.renderClientSide(page: route, pageProps: bytes) else { return }
        exchange.clientRenderMilliseconds = (clock.now - started).inMilliseconds
        switch rendered {
        case .success(let html):
            exchange.html = html
            if let serverHTML { exchange.hydration = HydrationCheck.compare(server: serverHTML, client: html) }
        case .failure(let error):
            exchange.hydration = .failed("the client cannot render the page: \(error.message)")
        }
    }

    /// A change of fragment only: the page stays, the address bar changes.
    private func arriveWithoutRender(_ exchange: inout Exchange, at asPath: String, config: RouterConfig) {
        let shownURL = config.hasBasePath(asPath) ? config.removeBasePath(asPath) : asPath
        exchange.url = shownURL
        exchange.page = shown.route
        exchange.outcome = .page
        history.push(shownURL, document: shown.document)
    }

    /// `handleHardNavigation`: `window.location.href = url` (with basePath, or absolute). Never
    /// to the URL shown: the router throws rather than reload in a loop.
    func hardNavigate(to url: String, _ exchange: inout Exchange) async {
        var url = url
        if let site, let current = shown.asPath, case .page(let path) = PageLinks.destination(url, base: site.config.addBasePath(current)), !url.hasPrefix("/") {
            // A relative URL (`window.location.href = "other"`): against the page shown.
            url = path
        }
        if let site, let current = shown.asPath {
            let config = site.config
            // The router's own check adds the locale even when it is the default one.
            if url == config.addBasePath(config.addLocale(current, shown.locale)) {
                return exchange.fail(
                    "Next.js's router would load \(url) again, the page it shows: it throws (\"Invariant: attempted to hard navigate to the same URL\") and the page stays as it is.")
            }
            if shown.isSsr, url == config.addBasePath(config.addLocale(current, shown.locale, defaultLocale: site.defaultLocale)) {
                return exchange.fail(
                    "The page cannot load its own data once it is up, so Next.js's client loads it again (\(url)), which fails the same way: the browser would reload it forever; the explorer stops here.")
            }
        }
        if !url.hasPrefix("/") || url.hasPrefix("//") {
            guard let (path, note) = sameSitePath(url) else { return exchange.leaveSite(url) }
            if let note { exchange.notes.append(note) }
            return await load(path: path, &exchange, referer: shownPage())
        }
        await load(path: url, &exchange, referer: shownPage())
    }

    /// `isLocalURL`: a path, or an absolute URL of this site under its basePath.
    private func isLocal(_ url: String, _ config: RouterConfig) -> Bool {
        if url.hasPrefix("/") && !url.hasPrefix("//") { return true }
        guard let (path, _) = sameSitePath(url) else { return false }
        return config.hasBasePath(path)
    }

    private func localeOption(_ options: ChangeOptions) -> String? {
        if case .named(let name) = options.locale { return name }
        return nil
    }

    /// `onlyAHashChange`: the same URL but for its fragment.
    private func onlyAHashChange(_ asPath: String) -> Bool {
        guard let current = shown.asPath else { return false }
        let old = current.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let new = asPath.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        guard old.first == new.first else { return false }
        if new.count > 1, old.count > 1, old[1] == new[1] { return true }
        return (old.count > 1 ? old[1] : nil) != (new.count > 1 ? new[1] : nil)
    }

    /// `_bfl`: whether the client router filter names one of `paths` (an App Router page).
    private func namesAppRoute(_ paths: [String], locale: String?, site: SiteInfo) -> Bool {
        guard !site.routerFilters.isEmpty else { return false }
        return site.routerFilters.namesAppRoute(paths, locale: locale ?? shown.locale, config: site.config, current: shown.asPath ?? "")
    }

    /// What a redirect back to a path of this navigation means in the browser.
    private func loopMessage(_ asPath: String, visited: [String], site: SiteInfo, answersKept kept: Bool) -> String {
        let chain = (visited + [asPath]).map { site.config.removeBasePath($0) }.joined(separator: " → ")
        return kept
            ? "A redirect loop (\(chain)): Next.js's client keeps each answer, so from here it loops on them forever without asking the server again; the tab hangs."
            : "A redirect loop (\(chain)): Next.js's client would go on asking the server forever; the explorer stops here."
    }
}

import HTTPTypes
import SSR

extension Navigator {
    /// What Next.js's client does for the links of a page once it is shown (`next/link`'s
    /// prefetch of the links in view, `router.prefetch`): for a path the proxy matches it asks
    /// the proxy (`purpose: prefetch`, `x-middleware-prefetch: 1`), and for a getStaticProps
    /// page its data; the answers are kept and a click on the link uses them. Only in a
    /// production build, and each link once per document. Every same-site `<a href>` of the
    /// page with a whole href is taken as a `next/link` in view (the HTML does not tell them
    /// apart, nor what is scrolled into view).
    func prefetchLinks(_ exchange: inout Exchange) async {
        guard prefetchesLinks, let site, site.buildId != "development", !Task.isCancelled, let html = exchange.html,
            site.middleware != nil || site.routes?.contains(where: { $0.kind == .staticProps }) == true
        else { return }
        let config = site.config
        let pageURL = config.addBasePath(exchange.url)
        for link in PageLinks.find(in: html, base: pageURL) {
            // next/link writes its href whole (a path, or a URL): an empty or relative one is a
            // plain `<a>`, which prefetches nothing.
            guard link.href.hasPrefix("/") || link.href.contains("://"), case .page(let href) = link.destination, config.hasBasePath(href) else { continue }
            // The link's own path and locale: what `next/link` was given before it wrote basePath
            // and locale into the href (`locale="nl"` → `/nl/…`; a link without a locale prefix
            // on a page of another locale names the default one).
            let (asPath, locale) = Navigator.linkPath(config.removeBasePath(href), shownLocale: shown.locale, config: config)
            let key = "\(asPath)%\(locale ?? "")"
            guard !shown.prefetched.contains(key) else { continue }
            shown.prefetched.insert(key)
            await prefetch(asPath, locale: locale, site: site, &exchange)
            if Task.isCancelled { return }
        }
        if !exchange.prefetches.isEmpty {
            exchange.notes.append("Once the page was shown, the client prefetched \(exchange.prefetches.count) of its links' data (next/link, links in view).")
        }
    }

    /// A link's path without its locale, and the locale `next/link` prefetches it in.
    static func linkPath(_ path: String, shownLocale: String?, config: RouterConfig) -> (path: String, locale: String?) {
        guard config.hasLocales else { return (path, nil) }
        let (pathname, query, hash) = RouterConfig.parsePath(path)
        let (rest, locale) = config.normalizeLocalePath(pathname)
        return (rest + query + hash, locale ?? config.defaultLocale ?? shownLocale)
    }

    /// `router.prefetch(url, url, { locale })` for a link's path `url` (without basePath and locale).
    private func prefetch(_ url: String, locale: String?, site: SiteInfo, _ exchange: inout Exchange) async {
        let config = site.config
        var parsed = RouterURL(url)
        let originalPathname = parsed.pathname
        var pathname = parsed.pathname
        var query = parsed.query
        var resolvedAs = url
        let isMiddlewareMatch = site.middleware?.matches(url, locale: locale, config: config) ?? false
        if !site.rewrites.isEmpty {
            var request = site.clientRequest
            request.cookies = documentCookies()
            let result = RewriteResolution(
                config.addBasePath(config.addLocale(url, locale)), pages: site.pages, rewrites: site.rewrites, query: &parsed.query, config: config,
                request: request, resolveHref: { site.resolveDynamicRoute($0) })
            if result.externalDestination { return }
            if !isMiddlewareMatch { resolvedAs = config.removeLocale(config.removeBasePath(result.asPath), locale) }
            if result.matchedPage, let href = result.resolvedHref {
                pathname = href
                parsed.pathname = href
            }
            query = parsed.query
        }
        parsed.pathname = site.resolveDynamicRoute(parsed.pathname)
        if let pattern = try? RoutePattern(route: parsed.pathname), pattern.isDynamic {
            pathname = parsed.pathname
            query.assign(RouterQuery(pattern.match(path: RouterConfig.parsePath(url).pathname)))
            parsed.query = query
        }
        var data: NextDataFetch?
        if isMiddlewareMatch {
            let href = DataHref.make(
                href: RouterURL(pathname: originalPathname, query: query), asPath: resolvedAs, locale: locale, skipInterpolation: true,
                buildId: site.buildId, config: config)
            do throws(NextDataFailure) {
                let fetched = try await fetchNextData(
                    NextDataRequest(dataHref: href, kind: .prefetch, middleware: true), cache: .data, site: site, &exchange)
                data = fetched
                switch MiddlewareEffect(source: fetched.dataHref, response: fetched.response, site: site) {
                case .rewrite(let parsedAs, let resolvedHref, _):
                    parsed.pathname = resolvedHref
                    pathname = resolvedHref
                    query = query.merging(parsedAs.query)
                    parsed.query = query
                    resolvedAs = parsedAs.pathname
                case .redirectExternal: return
                case .redirectInternal, .next: break
                }
            } catch {
                return  // the prefetch fails quietly (Link catches it)
            }
        }
        let route = RouterConfig.removeTrailingSlash(pathname)
        if namesAppRoute(url, resolvedAs: resolvedAs, locale: locale, site: site) { shown.appRouterPaths.insert(originalPathname) }
        guard site.isStaticProps(route) else { return }
        let href =
            data?.json != nil
            ? data!.dataHref
            : DataHref.make(href: parsed, asPath: resolvedAs, locale: locale, skipInterpolation: false, buildId: site.buildId, config: config)
        _ = try? await fetchNextData(NextDataRequest(dataHref: href, kind: .prefetch), cache: .data, site: site, &exchange)
    }

    private func namesAppRoute(_ url: String, resolvedAs: String, locale: String?, site: SiteInfo) -> Bool {
        guard !site.routerFilters.isEmpty else { return false }
        return site.routerFilters.namesAppRoute([url, resolvedAs], locale: locale, config: site.config, current: shown.asPath ?? "")
    }
}

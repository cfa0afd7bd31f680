import HTTPTypes
import SSR

extension Navigator {
    /// A load from the address bar of `target` (a path without basePath; `/` is the basePath
    /// itself, as a user types `/docs` for the site's home).
    func load(_ target: String, _ exchange: inout Exchange, referer: String?, replacing: Bool = false) async {
        if !target.hasPrefix("/") || target.hasPrefix("//") {
            guard let (path, note) = sameSitePath(target) else { return exchange.leaveSite(target) }
            if let note { exchange.notes.append(note) }
            return await load(path: path, &exchange, referer: referer, replacing: replacing)
        }
        let basePath: String
        do {
            basePath = try await siteInfo().basePath
        } catch {
            return exchange.fail("cannot reach the site: \(error.message)")
        }
        let path = target == "/" && !basePath.isEmpty ? basePath : basePath + target
        await load(path: path, &exchange, referer: referer, replacing: replacing)
    }

    /// A document load of `path` (with basePath): the HTML document, its HTTP redirects followed
    /// as a browser follows them (an absolute `Location` of this site too), then what the client
    /// does once the page is up (the hydration's query update).
    func load(path: String, _ exchange: inout Exchange, referer: String?, replacing: Bool = false) async {
        exchange.kind = .hardNavigation
        var location = path
        for _ in 0...Navigator.maxRedirects {
            var fields: HTTPFields = [.accept: Navigator.documentAccept]
            let fetch: Fetch
            do {
                fetch = try await send(location, &fields, referer: referer)
            } catch {
                return exchange.fail(Task.isCancelled ? "stopped before the answer came" : "cannot reach the site: \(error.message)")
            }
            exchange.fetches.append(fetch)
            if Task.isCancelled { return exchange.fail("stopped before the answer came") }
            let status = fetch.response.status.code
            if [301, 302, 303, 307, 308].contains(status), let next = fetch.response.headerFields[.location] {
                exchange.followDocumentRedirect(status: status, to: next)
                // Resolved against the URL that redirected, as a browser resolves `Location`.
                switch PageLinks.destination(next, base: location) {
                case .external(let url):
                    guard let (samePath, note) = sameSitePath(url) else { return exchange.leaveSite(url) }
                    if let note { exchange.notes.append(note) }
                    location = samePath
                case .fragment: break  // the same document again
                case .page(let nextPath): location = nextPath
                }
                continue
            }
            await arriveAtDocument(fetch, path: location, &exchange, replacing: replacing)
            return
        }
        exchange.fail("Redirected more than \(Navigator.maxRedirects) times: the browser stops (ERR_TOO_MANY_REDIRECTS, a redirect loop).")
    }

    /// A document arrived at `path`: its props, a deploy, the hydration check; then a new page
    /// for the client (its kept answers and prefetches start empty), and its query update.
    private func arriveAtDocument(_ fetch: Fetch, path: String, _ exchange: inout Exchange, replacing: Bool) async {
        let config = site?.config ?? RouterConfig()
        let inBase = config.basePath.isEmpty || config.hasBasePath(path)
        exchange.url = inBase ? config.removeBasePath(path) : path
        if !inBase { exchange.notes.append("\(path) is outside the site's basePath (\(config.basePath)): another app on the same host.") }
        documentLoads += 1
        shown = ShownPage(locale: site?.defaultLocale, document: documentLoads)
        if replacing {
            history.replaceCurrent(exchange.url, document: documentLoads)
        } else {
            history.push(exchange.url, document: documentLoads)
        }
        guard let parts = exchange.readDocument(fetch) else { return }
        if let buildId = parts.nextData?["buildId"]?.stringValue, let known = site?.buildId, buildId != known {
            // A deploy while exploring: the stale data URL failed, this full load brought the new
            // build, and Next's client goes on with it; so does the navigator (routes read again).
            exchange.noteNewBuild(buildId, was: known)
            site = nil
        }
        checkHydration(parts, &exchange)
        guard let nextData = parts.nextData, let site = try? await siteInfo() else { return }
        shown.nextData = nextData
        shown.route = nextData["page"]?.stringValue
        shown.locale = nextData["locale"]?.stringValue ?? site.defaultLocale
        shown.isFallback = nextData["isFallback"]?.isTruthy == true
        shown.isSsr = true
        shown.deploymentId = DocumentParts.deploymentId(in: fetch.body)
        let (pathname, search, _) = RouterConfig.parsePath(path)
        shown.asPath = config.removeLocale(config.hasBasePath(pathname) ? config.removeBasePath(pathname) : pathname, shown.locale) + search
        if shown.isFallback {
            exchange.notes.append("The document is the page's fallback (getStaticPaths fallback: true, a path not built yet): the client renders its placeholder, then asks for the page's data.")
        }
        await hydrate(nextData, path: path, &exchange, site: site)
    }

    /// The query update Next.js's client makes once a page is up (`router.replace(…, { _h: 1 })`):
    /// for a fallback page (whose data it then fetches), a static page with a query or on a site
    /// with rewrites, and any page the proxy matches (whose answer it asks with `HEAD`).
    private func hydrate(_ nextData: JSONValue, path: String, _ exchange: inout Exchange, site: SiteInfo) async {
        guard shown.isSsr, !Task.isCancelled, let page = nextData["page"]?.stringValue, exchange.serverError == nil else { return }
        let config = site.config
        let search = RouterConfig.parsePath(path).query
        let isDynamic = (try? RoutePattern(route: page))?.isDynamic == true
        let rewrites = !site.rewrites.isEmpty
        let matchesProxy = site.middleware?.matches(path, locale: shown.locale, config: config) ?? false
        let exported = nextData["nextExport"]?.isTruthy == true
        let staticProps = nextData["props"]?["__N_SSG"]?.isTruthy == true
        guard shown.isFallback || (exported && (isDynamic || !search.isEmpty || rewrites || matchesProxy))
            || (staticProps && (!search.isEmpty || rewrites || matchesProxy))
        else { return }
        var query = RouterQuery()
        if case .object(let members)? = nextData["query"] {
            for member in members {
                if let text = member.value.stringValue { query[member.key] = .string(text) }
                else if let list = member.value.arrayValue { query[member.key] = .array(list.compactMap(\.stringValue)) }
            }
        }
        let searchQuery = RouterQuery(search: search)
        for name in searchQuery.keys { query[name] = nil }
        query.assign(searchQuery)
        let url = config.addBasePath(page + (query.search.isEmpty ? "?" : query.search))
        let asPath = config.addBasePath(shown.asPath ?? "/")
        let options = ChangeOptions(shallow: !shown.isFallback && !matchesProxy, queryUpdating: true)
        var visited: [String] = []
        let before = exchange.fetches.count
        let fallback = shown.isFallback
        await change(.replace, url: url, as: asPath, options: options, &exchange, site: site, visited: &visited)
        if exchange.fetches.count > before, !fallback {
            exchange.notes.append("Once the page is up, the client checks it (the hydration's query update): \(exchange.fetches[before...].map(\.requestLine).joined(separator: ", ")).")
        }
    }

    /// The hydration check of a document: the client's render of its props against the server's.
    private func checkHydration(_ parts: DocumentParts, _ exchange: inout Exchange) {
        guard rendersPages, parts.nextData != nil, exchange.serverError == nil, let page = exchange.page, let server = parts.appHTML,
            let pageProps = exchange.pageProps, let bytes = try? PropsEncoder().encode(pageProps),
            let rendered = transport.renderClientSide(page: page, pageProps: bytes)
        else { return }
        switch rendered {
        case .success(let client): exchange.hydration = HydrationCheck.compare(server: server, client: client)
        case .failure(let error): exchange.hydration = .failed("the client cannot hydrate the page: \(error.message)")
        }
    }
}

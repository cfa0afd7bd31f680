import HTTPTypes
import SSR

/// How a client learns a site over HTTP before it navigates, as Next.js's client knows it once a
/// page has loaded: the build ID, locales and whether a custom App has `getInitialProps` from the
/// entry page's `__NEXT_DATA__`; the basePath from its script URLs; the pages, rewrites and App
/// Router filter from the build manifest; each page's kind from its module and the SSG manifest;
/// the proxy's matchers and `trailingSlash` from the client's main chunk (or, for Turbopack and
/// `next dev`, their own manifests). Used by ``HTTPTransport`` and by a recording replayed.
package struct SiteDiscovery {
    /// `http://host:port`.
    let origin: String
    /// The page first read: `/`, or a page under the basePath (`/docs`).
    let entryPath: String
    let send: @Sendable (HTTPRequest) async throws(TransportError) -> Fetch

    package init(origin: String, entryPath: String, send: @escaping @Sendable (HTTPRequest) async throws(TransportError) -> Fetch) {
        self.origin = origin
        self.entryPath = entryPath
        self.send = send
    }

    func get(_ path: String, accept: String? = nil) async throws(TransportError) -> Fetch {
        var fields = HTTPFields()
        if let accept { fields[.accept] = accept }
        return try await send(HTTPRequest(method: .get, scheme: nil, authority: nil, path: path, headerFields: fields))
    }

    package func siteInfo() async throws(TransportError) -> SiteInfo {
        // `/` may redirect (a default locale, a login page, a basePath's slash): followed, a few hops at most.
        var path = entryPath
        var home = try await get(path, accept: "text/html")
        for _ in 0..<5 {
            guard (300..<400).contains(home.response.status.code), let location = home.response.headerFields[.location] else { break }
            let next = location.hasPrefix(origin) ? String(location.dropFirst(origin.count)) : location
            guard next.hasPrefix("/"), !next.hasPrefix("//"), next != path else { break }
            path = next
            home = try await get(path, accept: "text/html")
        }
        let parts = DocumentParts(html: home.body)
        guard let nextData = parts.nextData, let buildId = nextData["buildId"]?.stringValue else {
            throw TransportError("\(origin)\(path) answered \(home.response.status.code) without a build ID: \(parts.problem ?? "its __NEXT_DATA__ has no buildId")")
        }
        let locales = nextData["locales"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let defaultLocale = nextData["defaultLocale"]?.stringValue
        let appGetInitialProps = nextData["appGip"]?.isTruthy == true
        let (basePath, assets) = HTTPTransport.basePath(of: home.body, at: path, page: nextData["page"]?.stringValue, locales: locales, origin: origin)
        guard let assets else {
            // Files on another host (an `assetPrefix` CDN): the manifests are out of reach.
            return SiteInfo(
                buildId: buildId, basePath: basePath, routes: nil, locales: locales, defaultLocale: defaultLocale,
                appGetInitialProps: appGetInitialProps)
        }
        let development = buildId == "development"
        let main = await mainChunk(home.body, assets: assets)
        let trailingSlash = main.map(BuildManifestReader.trailingSlash(inMainChunk:)) ?? false
        let config = RouterConfig(basePath: basePath, locales: locales, defaultLocale: defaultLocale, trailingSlash: trailingSlash)

        let manifestBytes = (try? await get("\(assets)/_next/static/\(buildId)/_buildManifest.js")).flatMap { $0.response.status == .ok ? $0.body : nil }
        let manifest = manifestBytes.flatMap(BuildManifestReader.manifest)
        var pages = manifest?["sortedPages"]?.arrayValue?.compactMap(\.stringValue) ?? manifestBytes.flatMap(BuildManifestReader.sortedPages)
        if development, let dev = try? await get("\(assets)/_next/static/development/_devPagesManifest.json"), dev.response.status == .ok {
            pages = BuildManifestReader.devPages(dev.body) ?? pages
        }
        let routes = pages.map(BuildManifestReader.routes)
        let kinds = await pageKinds(
            manifestBytes ?? [], pages: routes?.map(\.description) ?? [], buildId: buildId, assets: assets, appGetInitialProps: appGetInitialProps)
        return SiteInfo(
            buildId: buildId, config: config, routes: routes?.map { SiteInfo.Route(pattern: $0, kind: kinds[$0.description]) },
            errorPages: (pages ?? []).filter { $0 == "/404" || $0 == "/500" }, pages: pages,
            rewrites: Rewrites(manifest?["__rewrites"], trailingSlash: trailingSlash),
            middleware: await middlewareMatchers(main: main, buildId: buildId, assets: assets),
            routerFilters: RouterFilters(
                staticPaths: RouterFilter(manifest?["__routerFilterStatic"]), dynamicPaths: RouterFilter(manifest?["__routerFilterDynamic"])),
            appGetInitialProps: appGetInitialProps, nextVersion: main.flatMap(BuildManifestReader.nextVersion(inMainChunk:)))
    }

    /// The client's main chunk (`/_next/static/chunks/main-….js`, `main.js` in development),
    /// named by the entry page's scripts.
    private func mainChunk(_ html: [UInt8], assets: String) async -> [UInt8]? {
        let sources = DocumentParts.scriptSources(in: html)
        guard let source = sources.first(where: { $0.contains("/_next/static/chunks/main-") || $0.hasSuffix("/_next/static/chunks/main.js") }),
            let marker = source.range(of: "/_next/static/")
        else { return nil }
        let path = assets + String(source[marker.lowerBound...])
        guard let fetch = try? await get(path), fetch.response.status == .ok else { return nil }
        return fetch.body
    }

    /// The proxy's matchers where the client finds them: compiled into the main chunk (webpack),
    /// in `_clientMiddlewareManifest.js` (Turbopack), or `_devMiddlewareManifest.json` (`next dev`).
    private func middlewareMatchers(main: [UInt8]?, buildId: String, assets: String) async -> MiddlewareMatchers? {
        if buildId == "development" {
            guard let dev = try? await get("\(assets)/_next/static/development/_devMiddlewareManifest.json"), dev.response.status == .ok else { return nil }
            return MiddlewareMatchers.inManifest(dev.body)
        }
        if let main, let found = MiddlewareMatchers.inMainChunk(main) { return found }
        // Turbopack's builds name the manifest in no script: the client asks for it by name.
        guard let manifest = try? await get("\(assets)/_next/static/\(buildId)/_clientMiddlewareManifest.js"), manifest.response.status == .ok
        else { return nil }
        return MiddlewareMatchers.inManifest(manifest.body)
    }

    /// Each page's kind, learned as Next's client learns it: from the page's own module (the
    /// file the build manifest names for it) and `_ssgManifest.js`, a few requests at a time.
    /// A page whose module cannot be read has no kind (the navigator then tries its data).
    private func pageKinds(_ manifest: [UInt8], pages: [String], buildId: String, assets: String, appGetInitialProps: Bool) async
        -> [String: SiteInfo.Route.Kind]
    {
        let chunks = BuildManifestReader.chunks(manifest, pages: pages)
        guard !chunks.isEmpty else { return [:] }
        let ssgManifest = try? await get("\(assets)/_next/static/\(buildId)/_ssgManifest.js")
        let ssg = ssgManifest.flatMap { $0.response.status == .ok ? BuildManifestReader.ssgPages($0.body) : nil } ?? []
        return await withTaskGroup(of: (String, SiteInfo.Route.Kind?).self) { group in
            var kinds: [String: SiteInfo.Route.Kind] = [:]
            var waiting = chunks.sorted { $0.key < $1.key }[...]
            func start() {
                guard let (page, files) = waiting.popFirst() else { return }
                // The page's own module; the other files are shared.
                guard let file = files.last(where: { $0.contains("/pages/") }) ?? files.last else { return start() }
                group.addTask {
                    if ssg.contains(page) { return (page, .staticProps) }
                    let module = try? await self.get("\(assets)/_next/" + file)
                    guard let module, module.response.status == .ok else { return (page, nil) }
                    return (page, BuildManifestReader.kind(ofModule: module.body, appGetInitialProps: appGetInitialProps))
                }
            }
            for _ in 0..<8 { start() }
            for await (page, kind) in group {
                kinds[page] = kind
                start()
            }
            return kinds
        }
    }
}

import HTTPTypes
import SSR
import Testing
@testable import Browser

/// The client router's pieces, each against what Next.js 15.2.4's own functions return for the
/// same input (run with node from its `dist/`: `getPathMatch`, `prepareDestination`,
/// `resolveRewrites`, `getNextPathnameInfo`, `interpolateAs`, the client's `addBasePath` …).
@Suite struct ClientRouterTests {
    /// The sample shop as its client knows it: pages, rewrites (as its build manifest gives them,
    /// `missing` dropped by Next.js), locales `en` and `fr`.
    static func shop(basePath: String = "", trailingSlash: Bool = false) -> SiteInfo {
        let pages = [
            "/", "/404", "/500", "/_app", "/_error", "/about", "/account", "/archive/[year]", "/broken", "/catalog/[category]", "/deals/[id]",
            "/login", "/products/[slug]",
        ]
        let manifest = BuildManifestReader.manifest(Array(ClientManifestTests.shopManifest.utf8))
        return SiteInfo(
            buildId: "b1", config: RouterConfig(basePath: basePath, locales: ["en", "fr"], defaultLocale: "en", trailingSlash: trailingSlash),
            routes: BuildManifestReader.routes(pages).map { SiteInfo.Route(pattern: $0, kind: .serverSide) }, errorPages: ["/404", "/500"],
            pages: pages, rewrites: Rewrites(manifest?["__rewrites"], trailingSlash: trailingSlash), middleware: nil,
            routerFilters: RouterFilters(), appGetInitialProps: true, nextVersion: "15.2.4")
    }

    @Test func pathToRegexpMatchesAndCompiles() throws {
        let localized = try PathToRegexp("/:nextInternalLocale(en|fr)/p/:slug", strict: true)
        #expect(localized.match("/en/p/coffee") == ["nextInternalLocale": .string("en"), "slug": .string("coffee")])
        #expect(localized.match("/de/p/coffee") == nil)
        #expect(localized.match("/en/p/coffee/") == nil)  // strict
        let rest = try PathToRegexp("/docs/:path*", strict: true)
        #expect(rest.match("/docs/a/b") == ["path": .array(["a", "b"])])
        #expect(rest.match("/docs") == RouterQuery())
        #expect(try PathToRegexp("/files/:name.:ext", strict: true).match("/files/report.pdf") == ["name": .string("report"), "ext": .string("pdf")])
        let optional = try PathToRegexp("/a/:x?", strict: true)
        #expect(optional.match("/a") == RouterQuery())
        #expect(optional.match("/a/1") == ["x": .string("1")])
        // Unnamed groups are left out, as the client's rewrites match (`removeUnnamedParams`).
        #expect(try PathToRegexp("/(.*)", strict: true).match("/x/y") == RouterQuery())
        #expect(try PathToRegexp("/(.*)", strict: true).match("x") == nil)
        #expect(try PathToRegexp("/products/:slug").compile(["slug": .string("a b")]) == "/products/a b")
        #expect(try rest.compile(["path": .array(["a", "b"])]) == "/docs/a/b")
        #expect(throws: PathToRegexp.SyntaxError.self) { try PathToRegexp("/a/(") }
    }

    @Test func preparedDestinations() {
        let short = PreparedDestination(
            destination: "/:nextInternalLocale/products/:slug?via=short", params: ["nextInternalLocale": .string("en"), "slug": .string("coffee")],
            query: [:], appendParamsToQuery: true)
        #expect(short.newURL == "/en/products/coffee")
        #expect(short.parsedDestination == RouterURL(pathname: "/en/products/coffee", query: ["via": .string("short")]))
        // A parameter in the destination's query.
        let promo = PreparedDestination(destination: "/deals/1?code=:code", params: ["code": .string("SPRING")], query: ["code": .string("SPRING")], appendParamsToQuery: true)
        #expect(promo.parsedDestination == RouterURL(pathname: "/deals/1", query: ["code": .string("SPRING")]))
        // Parameters the destination does not use go to its query, after the request's.
        let search = PreparedDestination(destination: "/search", params: ["term": .string("tea")], query: ["a": .string("1")], appendParamsToQuery: true)
        #expect(search.parsedDestination.formatted == "/search?a=1&term=tea")
    }

    @Test func rewritesResolvedAsTheClientResolvesThem() {
        let site = Self.shop()
        func resolve(_ asPath: String, cookies: [String: String] = [:]) -> (RewriteResolution, RouterQuery) {
            var query = RouterQuery()
            let request = Rewrite.ClientRequest(host: "localhost", userAgent: "", cookies: cookies)
            let result = RewriteResolution(
                asPath, pages: site.pages, rewrites: site.rewrites, query: &query, config: site.config, request: request,
                resolveHref: { site.resolveDynamicRoute($0) })
            return (result, query)
        }
        let (short, shortQuery) = resolve("/en/p/coffee")
        #expect(short.asPath == "/en/products/coffee" && short.matchedPage && short.resolvedHref == "/products/[slug]")
        #expect(shortQuery == ["via": .string("short")])
        let (featured, _) = resolve("/en/featured")  // beforeFiles
        #expect(featured.asPath == "/en/products/tea" && featured.resolvedHref == "/products/[slug]")
        // The first afterFiles rewrite whose has holds; without the cookie, the next one.
        let (guest, guestQuery) = resolve("/en/members/tea")
        #expect(guest.asPath == "/en/login" && guest.resolvedHref == "/login" && guestQuery == ["slug": .string("tea")])
        let (member, memberQuery) = resolve("/en/members/tea", cookies: ["session": "abc"])
        #expect(member.asPath == "/en/products/tea" && memberQuery == ["member": .string("yes")])
        let (legacy, _) = resolve("/fr/legacy/2023")  // fallback, after the dynamic routes
        #expect(legacy.asPath == "/fr/archive/2023" && legacy.resolvedHref == "/archive/[year]")
        let (elsewhere, _) = resolve("/en/elsewhere/x")
        #expect(elsewhere.externalDestination && !elsewhere.matchedPage)
        let (about, _) = resolve("/en/about")
        #expect(about.matchedPage && about.resolvedHref == nil && about.applied.isEmpty)
        let (nowhere, _) = resolve("/en/nowhere")
        #expect(!nowhere.matchedPage && nowhere.resolvedHref == "/nowhere")
    }

    @Test func pathsWithBasePathLocaleAndTrailingSlash() {
        let plain = RouterConfig(basePath: "/shop", locales: ["en", "fr"], defaultLocale: "en")
        let slashed = RouterConfig(basePath: "/shop", locales: ["en", "fr"], defaultLocale: "en", trailingSlash: true)
        #expect(["/", "/about", "/robots.txt", "/a?x=1#h", "/about/"].map(plain.addBasePath) == [
            "/shop", "/shop/about", "/shop/robots.txt", "/shop/a?x=1#h", "/shop/about",
        ])
        #expect(["/", "/about", "/robots.txt", "/a?x=1#h", "/about/"].map(slashed.addBasePath) == [
            "/shop/", "/shop/about/", "/shop/robots.txt", "/shop/a/?x=1#h", "/shop/about/",
        ])
        #expect(plain.addLocale("/about", "fr") == "/fr/about")
        #expect(plain.addLocale("/", "fr") == "/fr")
        #expect(plain.addLocale("/about", "en", defaultLocale: "en") == "/about")
        #expect(plain.addLocale("/fr/about", "fr") == "/fr/about")
        #expect(plain.addLocale("/api/x", "fr") == "/api/x")
        #expect(slashed.addLocale("/", "fr") == "/fr/")
        #expect(plain.removeBasePath("/shop/about") == "/about" && plain.removeBasePath("/shop") == "/")
        #expect(plain.removeLocale("/fr/about", "fr") == "/about" && plain.removeLocale("/fr", "fr") == "/" && plain.removeLocale("/fred", "fr") == "/fred")

        // A data URL and a redirect's path read, then written back for the router.
        func roundTrip(_ path: String) -> (String, String?, String?, String) {
            let info = plain.pathnameInfo(path)
            return (info.pathname, info.locale, info.buildId, plain.format(info, defaultLocale: "en"))
        }
        #expect(roundTrip("/shop/_next/data/b1/fr/products/tea.json") == ("/products/tea", "fr", "b1", "/shop/fr/products/tea"))
        #expect(roundTrip("/shop/_next/data/b1/en.json") == ("/", "en", "b1", "/shop"))
        #expect(roundTrip("/shop/fr") == ("/", "fr", nil, "/shop/fr"))
        #expect(roundTrip("/login") == ("/login", nil, nil, "/login"))
        #expect(roundTrip("/shop/account/") == ("/account/", nil, nil, "/shop/account/"))
    }

    @Test func dataHrefs() throws {
        let plain = RouterConfig()
        let i18n = RouterConfig(basePath: "/shop", locales: ["en", "fr"], defaultLocale: "en")
        #expect(DataHref.make(href: RouterURL("/products/[slug]?slug=tea"), asPath: "/products/tea", locale: nil, skipInterpolation: true, buildId: "b1", config: plain)
            == "/_next/data/b1/products/tea.json?slug=tea")
        #expect(DataHref.make(href: RouterURL("/"), asPath: "/", locale: "en", skipInterpolation: true, buildId: "b1", config: i18n) == "/shop/_next/data/b1/en.json")
        #expect(DataHref.make(href: RouterURL("/index"), asPath: "/index", locale: nil, skipInterpolation: true, buildId: "b1", config: plain)
            == "/_next/data/b1/index/index.json")
        #expect(["/", "/index", "/index/x", "/about"].map(DataHref.assetPath) == ["/index", "/index/index", "/index/index/x", "/about"])
        func interpolate(_ route: String, _ asPath: String, _ query: RouterQuery = [:]) throws -> String? {
            DataHref.interpolateAs(try RoutePattern(route: route), asPathname: asPath, query: query)
        }
        #expect(try interpolate("/products/[slug]", "/products/a%20b", ["slug": .string("a b")]) == "/products/a%20b")
        #expect(try interpolate("/docs/[[...slug]]", "/docs") == "/docs")
        #expect(try interpolate("/blog/[...slug]", "/blog/x/y") == "/blog/x/y")
        #expect(try interpolate("/posts/[id]", "/posts/[id]", ["id": .string("5")]) == "/posts/5")
        #expect(try interpolate("/posts/[id]", "/posts/[id]") == nil)
    }

    /// The proxy's answers to data requests, with the headers the shop's recorded under
    /// `next start`, read as `getMiddlewareData` reads them.
    @Test func whatTheProxyDid() {
        func effect(_ source: String, _ status: HTTPResponse.Status = .ok, _ fields: HTTPFields, site: SiteInfo = ClientRouterTests.shop()) -> MiddlewareEffect {
            MiddlewareEffect(source: source, response: HTTPResponse(status: status, headerFields: fields), site: site)
        }
        #expect(effect("/_next/data/b1/en/old-home.json", .temporaryRedirect, [.nextjsRedirect: "/"]) == .redirectInternal(newAs: "/"))
        #expect(effect("/_next/data/b1/fr/old-home.json", .temporaryRedirect, [.nextjsRedirect: "/fr"]) == .redirectInternal(newAs: "/fr"))
        #expect(
            effect("/shop/_next/data/b1/en/account.json", .temporaryRedirect, [.nextjsRedirect: "/shop/login?next=%2Faccount"], site: Self.shop(basePath: "/shop"))
                == .redirectInternal(newAs: "/shop/login?next=%2Faccount"))
        #expect(effect("/_next/data/b1/en/away.json", .temporaryRedirect, [.nextjsRedirect: "https://example.com/away"])
            == .redirectExternal(destination: "https://example.com/away"))
        // The proxy's rewrite: the page it names renders at the address asked for.
        #expect(effect("/_next/data/b1/en/tea-of-the-day.json", .ok, [.nextjsRewrite: "/en/products/tea", .nextjsMatchedPath: "/en/products/[slug]"])
            == .rewrite(parsedAs: RouterURL("/en/products/tea"), resolvedHref: "/products/[slug]", header: "/en/products/tea"))
        // A rewrite of next.config.js the server matched: the client resolves the path itself.
        #expect(effect("/_next/data/b1/en/featured.json", .ok, [.nextjsMatchedPath: "/en/products/[slug]"])
            == .rewrite(parsedAs: RouterURL("/en/products/tea"), resolvedHref: "/products/[slug]", header: "/en/products/[slug]"))
        // A prefetch let through, an external rewrite.
        #expect(effect("/_next/data/b1/en/about.json", .ok, [.middlewareSkip: "1"]) == .next)
        #expect(effect("/_next/data/b1/fr/elsewhere/x.json", .ok, [.nextjsRewrite: "https://example.com/x"])
            == .redirectExternal(destination: "/fr/elsewhere/x"))
    }
}

import SSR
import Testing
@testable import Browser

/// What the client reads of a build before it navigates, from the files as Next.js writes them:
/// the build manifest (a minified function call), the main chunk (the proxy's matchers, the
/// version, `trailingSlash`), Turbopack's and `next dev`'s matcher manifests.
@Suite struct ClientManifestTests {
    /// The sample shop's `_buildManifest.js` under `next build` 15.2.4, as served (pages cut).
    static let shopManifest = #"""
        self.__BUILD_MANIFEST=function(e,a,s,t,c){return{__rewrites:{afterFiles:[{has:e,source:"/:nextInternalLocale(en|fr)/p/:slug",destination:"/:nextInternalLocale/products/:slug?via=short"},{has:[{type:"cookie",key:"session"}],source:s,destination:"/:nextInternalLocale/products/:slug?member=yes"},{has:e,source:s,destination:"/:nextInternalLocale/login"}],beforeFiles:[{has:e,source:"/:nextInternalLocale(en|fr)/featured",destination:"/:nextInternalLocale/products/tea"}],fallback:[{has:e,source:"/:nextInternalLocale(en|fr)/legacy/:year",destination:"/:nextInternalLocale/archive/:year"},{has:e,source:"/:nextInternalLocale(en|fr)/elsewhere/:path*",destination:e}]},__routerFilterStatic:{numItems:a,errorRate:t,numBits:a,numHashes:c,bitArray:[]},__routerFilterDynamic:{numItems:a,errorRate:t,numBits:a,numHashes:c,bitArray:[]},"/":["static/chunks/pages/index-894252055b889ce7.js"],"/products/[slug]":["static/chunks/pages/products/[slug]-5b638bc42f990bdc.js"],sortedPages:["/","/404","/500","/_app","/_error","/about","/products/[slug]"]}}(void 0,0,"/:nextInternalLocale(en|fr)/members/:slug",1e-4,NaN);self.__BUILD_MANIFEST_CB&&self.__BUILD_MANIFEST_CB();
        """#

    @Test func minifiedLiteralsReadAsData() {
        #expect(JavaScriptLiteral.value(#"{a:!0,b:!1,"c d":'x\'y',e:[1,-2.5,1e-4],f:void 0}"#) == [
            "a": true, "b": false, "c d": "x'y", "e": [1, -2.5, 0.0001], "f": .null,
        ])
        // Escapes as JavaScript has them: \u002F (the SSG manifest's slashes), \x41, a surrogate pair.
        #expect(JavaScriptLiteral.value(#""\u002Fa\x41\uD83C\uDF89""#) == "/aA🎉")
        #expect(JavaScriptLiteral.value("function(a,b){return{x:a,y:[b,a]}}(1,\"s\")") == ["x": 1, "y": ["s", 1]])
        #expect(JavaScriptLiteral.value("(function(){return[1]})()") == [1])
        // Code, not data: no guess.
        #expect(JavaScriptLiteral.value("{a:f()}") == nil)
        #expect(JavaScriptLiteral.value("{a:1+2}") == nil)
        #expect(JavaScriptLiteral.value("[1,2") == nil)
    }

    @Test func theManifestsRewritesAndFilters() throws {
        let manifest = try #require(BuildManifestReader.manifest(Array(Self.shopManifest.utf8)))
        #expect(manifest["sortedPages"]?.arrayValue?.count == 7)
        let rewrites = Rewrites(manifest["__rewrites"], trailingSlash: false)
        #expect(rewrites.beforeFiles.map(\.source) == ["/:nextInternalLocale(en|fr)/featured"])
        #expect(rewrites.afterFiles.map(\.source) == [
            "/:nextInternalLocale(en|fr)/p/:slug", "/:nextInternalLocale(en|fr)/members/:slug", "/:nextInternalLocale(en|fr)/members/:slug",
        ])
        #expect(rewrites.afterFiles[1].has.map(\.key) == ["session"])
        // An external destination reaches the client as none.
        #expect(rewrites.fallback.map(\.destination) == ["/:nextInternalLocale/archive/:year", nil])
        // A site without an app/ folder: empty filters (numHashes NaN), read as none.
        #expect(RouterFilter(manifest["__routerFilterStatic"]) == nil)
        // Older builds: one list, the afterFiles.
        let old = Rewrites(JavaScriptLiteral.value(#"[{source:"/a",destination:"/b"}]"#), trailingSlash: false)
        #expect(old.afterFiles.map(\.source) == ["/a"] && old.beforeFiles.isEmpty)
    }

    @Test func versionAndTrailingSlashFromTheMainChunk() {
        func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
        #expect(BuildManifestReader.nextVersion(inMainChunk: bytes(#"_(r(1037));var W=r(651);var X="16.2.1";var q;var"#)) == "16.2.1")
        #expect(BuildManifestReader.nextVersion(inMainChunk: bytes(#"(r(3191));var W=r(5697);var q="15.2.4";var G;"#)) == "15.2.4")
        #expect(BuildManifestReader.nextVersion(inMainChunk: bytes(#"const version = "15.3.0-canary.12";"#)) == "15.3.0-canary.12")
        #expect(BuildManifestReader.nextVersion(inMainChunk: bytes(#"var a="1.2.3";"#)) == nil)
        // `trailingSlash: true` keeps the branch that adds the slash; a dev build writes `if (false)`.
        let kept = #"a.parsePath)(t),o=r.pathname,i=r.query,u=r.hash;if(true){if(/\.[^/]+\/?$/.test(o)){return""+(0,n.re"#
        #expect(BuildManifestReader.trailingSlash(inMainChunk: bytes(kept)))
        #expect(!BuildManifestReader.trailingSlash(inMainChunk: bytes(#"if (false) { if (/\.[^/]+\/?$/.test(pathname)) {"#)))
        #expect(!BuildManifestReader.trailingSlash(inMainChunk: bytes("return(0,n.removeTrailingSlash)(o)+i+u")))
    }

    /// Matchers as `next build` compiles `config.matcher` (made with Next.js 15.2.4's own
    /// `getMiddlewareMatchers` for an i18n site with `['/account/:path*', '/about']`).
    static let accountAndAbout = #"[{"regexp":"^(?:\\/(_next\\/data\\/[^/]{1,}))?(?:\\/((?!_next\\/)[^/.]{1,}))\\/account(?:\\/((?:[^\\/#\\?]+?)(?:\\/(?:[^\\/#\\?]+?))*))?(\\.json)?[\\/#\\?]?$","originalSource":"/account/:path*"},{"regexp":"^(?:\\/(_next\\/data\\/[^/]{1,}))?(?:\\/((?!_next\\/)[^/.]{1,}))\\/about(\\.json)?[\\/#\\?]?$","originalSource":"/about"}]"#

    @Test func theProxysMatchersWhereverTheClientFindsThem() throws {
        // webpack: compiled into the main chunk's getMiddleware (not its calls, which come first).
        let main = #"r.getMiddleware());case 2:r=n.sent;if(r){n.next=5;break}…getMiddleware",value:function e(){if(true&&[{regexp:".*",originalSource:"/:path*"}]){var t=[{regexp:".*",originalSource:"/:path*"}];window.__MIDDLEWARE_MATCHERS=t?t:undefined;return window.__MIDDLEWARE_MATCHERS}else{var r}}},{key:"getDataHref",value:function e(t){"#
        let everyPath = try #require(MiddlewareMatchers.inMainChunk(Array(main.utf8)))
        #expect(everyPath.summary == "every path")
        // Without a proxy the method returns nothing before getDataHref: no matchers.
        let none = #"getMiddleware",value:function e(){if(false){}else{var r}}},{key:"getDataHref",value:function e(t){var a=[{regexp:"x"}]"#
        #expect(MiddlewareMatchers.inMainChunk(Array(none.utf8)) == nil)

        // Turbopack's _clientMiddlewareManifest.js, written as Next.js 16 writes it.
        let turbopack = "self.__MIDDLEWARE_MATCHERS = " + Self.accountAndAbout + ";self.__MIDDLEWARE_MATCHERS_CB && self.__MIDDLEWARE_MATCHERS_CB()"
        let fromTurbopack = try #require(MiddlewareMatchers.inManifest(Array(turbopack.utf8)))
        #expect(fromTurbopack.summary == "/account/:path*, /about")
        // next dev's _devMiddlewareManifest.json: the list itself; an empty one is no proxy.
        let fromDev = try #require(MiddlewareMatchers.inManifest(Array(Self.accountAndAbout.utf8)))
        #expect(fromDev.matchers.map(\.source) == ["/account/:path*", "/about"])
        #expect(MiddlewareMatchers.inManifest(Array("[]".utf8)) == nil)
    }

    /// `matchesMiddleware`: the path with the locale (the default one too) and basePath in front.
    @Test func matchingAPathAsTheClientDoes() throws {
        let matchers = try #require(MiddlewareMatchers.inManifest(Array(Self.accountAndAbout.utf8)))
        let i18n = RouterConfig(locales: ["en", "fr"], defaultLocale: "en")
        #expect(matchers.matches("/account", locale: "en", config: i18n))
        #expect(matchers.matches("/account/orders/7?x=1", locale: "fr", config: i18n))
        #expect(matchers.matches("/about", locale: "en", config: i18n))
        #expect(!matchers.matches("/about/team", locale: "en", config: i18n))
        #expect(!matchers.matches("/accounts", locale: "en", config: i18n))
        #expect(!matchers.matches("/products/tea", locale: "en", config: i18n))

        let basePathMatcher = #"[{"regexp":"^\\/shop(?:\\/(_next\\/data\\/[^/]{1,}))?\\/account(?:\\/((?:[^\\/#\\?]+?)(?:\\/(?:[^\\/#\\?]+?))*))?(\\.json)?[\\/#\\?]?$","originalSource":"/account/:path*"}]"#
        let underShop = try #require(MiddlewareMatchers.inManifest(Array(basePathMatcher.utf8)))
        let shop = RouterConfig(basePath: "/shop")
        // With or without the basePath, as the router has the path at the time.
        #expect(underShop.matches("/account", locale: nil, config: shop))
        #expect(underShop.matches("/shop/account/x", locale: nil, config: shop))
        #expect(!underShop.matches("/about", locale: nil, config: shop))
    }

    /// The App Router's paths in the build manifest's Bloom filters (made with Next.js 15.2.4's
    /// `BloomFilter.from(…, 0.01).export()`), and what the client then loads as a document.
    @Test func theRouterFilterNamesAppRouterPaths() throws {
        let staticFilter = try #require(
            RouterFilter(JavaScriptLiteral.value(#"{"numItems":2,"errorRate":0.01,"numBits":20,"numHashes":7,"bitArray":[1,0,0,0,1,1,1,1,0,1,1,0,1,1,1,1,0,0,0,1]}"#)))
        let dynamicFilter = try #require(
            RouterFilter(JavaScriptLiteral.value(#"{"numItems":1,"errorRate":0.01,"numBits":10,"numHashes":7,"bitArray":[1,1,0,1,1,0,0,0,0,1]}"#)))
        #expect(staticFilter.contains("/dashboard") && staticFilter.contains("/app-only/settings"))
        #expect(!staticFilter.contains("/about") && !staticFilter.contains("/x"))
        #expect(dynamicFilter.contains("/blog") && !dynamicFilter.contains("/x"))
        // Hashed over UTF-16 code units, as JavaScript strings are.
        let unicode = try #require(
            RouterFilter(JavaScriptLiteral.value(#"{"numItems":2,"errorRate":0.01,"numBits":20,"numHashes":7,"bitArray":[1,0,1,0,0,0,0,1,1,0,1,1,0,1,0,0,0,1,1,1]}"#)))
        #expect(unicode.contains("/café") && unicode.contains("/emoji/🎉"))
        #expect(!unicode.contains("/cafe") && !unicode.contains("/emoji/x"))

        let filters = RouterFilters(staticPaths: staticFilter, dynamicPaths: dynamicFilter)
        let config = RouterConfig()
        #expect(filters.namesAppRoute(["/dashboard/"], locale: nil, config: config, current: "/"))
        // A path under a dynamic App Router segment: a prefix of it is in the dynamic filter.
        #expect(filters.namesAppRoute(["/blog/first-post?x=1"], locale: nil, config: config, current: "/"))
        #expect(!filters.namesAppRoute(["/about", "/x"], locale: nil, config: config, current: "/"))
        // Not for the page shown itself.
        #expect(!filters.namesAppRoute(["/dashboard"], locale: nil, config: config, current: "/dashboard"))
    }
}

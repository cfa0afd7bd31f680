import HTTPTypes
import SSR
import Testing

/// `/_next/static/<buildId>/_buildManifest.js`: the site's pages in Next.js's format.
@Suite struct BuildManifestTests {
    @Test func listsThePagesInNextJsOrder() async throws {
        let engine = try TestSite.engine()
        let response = await engine.get("/_next/static/B/_buildManifest.js")
        #expect(response.status == .ok)
        #expect(response[.contentType] == "application/javascript; charset=UTF-8")  // as next start serves static files
        #expect(response[.cacheControl] == "public, max-age=31536000, immutable")
        let text = response.bodyText
        #expect(text.hasPrefix(#"self.__BUILD_MANIFEST = {"__rewrites":{"afterFiles":[],"beforeFiles":[],"fallback":[]},"/":[],"#))
        #expect(text.hasSuffix("]};self.__BUILD_MANIFEST_CB && self.__BUILD_MANIFEST_CB()"))
        let sorted = try #require(text.range(of: #""sortedPages":["#).map { text[$0.upperBound...] })
        #expect(sorted.hasPrefix(#""/","/_app","/_error","/about","#))
        #expect(sorted.contains(#""/posts/[id]""#))
        // A site's own 404 and 500 pages are pages too, in the same order.
        let custom = try #require(await TestSite.engine(custom: true).get("/_next/static/B/_buildManifest.js").bodyText.components(separatedBy: #""sortedPages":["#).last)
        #expect(custom.hasPrefix(#""/","/404","/500","/_app","/_error","/about","#))
    }

    @Test func anotherBuildIdOrBasePathIsNotFound() async throws {
        #expect(try await TestSite.engine().get("/_next/static/OTHER/_buildManifest.js").status == .notFound)
        let based = try TestSite.engine(basePath: "/docs")
        #expect(await based.get("/docs/_next/static/B/_buildManifest.js").status == .ok)
        #expect(await based.get("/_next/static/B/_buildManifest.js").status == .notFound)
    }

    @Test func aQueryIsIgnoredButTheNameIsExact() async throws {
        let engine = try TestSite.engine()
        #expect(await engine.get("/_next/static/B/_buildManifest.js?v=2").status == .ok)
        #expect(await engine.get("/_next/static/B/_buildManifest.jsx").status == .notFound)
        #expect(await engine.get("/_next/static/B/_buildManifest").status == .notFound)
        #expect(await engine.get("/_next/static/BB/_buildManifest.js").status == .notFound)
    }

    @Test func headAnswersWithoutABody() async throws {
        let response = try await TestSite.engine().get("/_next/static/B/_buildManifest.js", method: .head)
        #expect(response.status == .ok)
        #expect(response.body.isEmpty)
    }
}

import SSR
import Testing
@testable import Browser

/// `sortedPages` read from build manifests as Next.js writes them and as our server does.
@Suite struct BuildManifestReaderTests {
    func routes(_ text: String) -> [String]? { BuildManifestReader.routes(Array(text.utf8))?.map(\.description) }

    @Test func nextJsMinifiedManifest() {
        let text = #"self.__BUILD_MANIFEST=function(e,r,t){return{__rewrites:{afterFiles:[],beforeFiles:[],fallback:[]},"/":["static/chunks/pages/index-1a2b.js"],"/posts/[id]":[e,"static/chunks/pages/posts/[id]-3c4d.js"],sortedPages:["/","/_app","/_error","/posts/[id]","/blog/[...slug]"]}}(0,1e-4,NaN),self.__BUILD_MANIFEST_CB&&self.__BUILD_MANIFEST_CB();"#
        #expect(routes(text) == ["/", "/posts/[id]", "/blog/[...slug]"])
    }

    @Test func ourServersManifest() {
        let text = #"self.__BUILD_MANIFEST = {"__rewrites":{"afterFiles":[],"beforeFiles":[],"fallback":[]},"/":[],"/docs/[[...slug]]":[],"sortedPages":["/","/_app","/_error","/docs/[[...slug]]"]};self.__BUILD_MANIFEST_CB && self.__BUILD_MANIFEST_CB()"#
        #expect(routes(text) == ["/", "/docs/[[...slug]]"])
    }

    @Test func somethingElseIsNoRoutes() {
        #expect(routes("not a manifest") == nil)
        #expect(routes(#"sortedPages:["/", "#) == nil)
        #expect(routes(#"sortedPages:["/bad[", "/ok"]"#) == ["/ok"])
    }
}

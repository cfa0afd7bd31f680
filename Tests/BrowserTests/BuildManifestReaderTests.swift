import SSR
import Testing
@testable import Browser

/// `sortedPages` read from build manifests as Next.js writes them and as our server does.
@Suite struct BuildManifestReaderTests {
    func routes(_ text: String) -> [String]? {
        BuildManifestReader.sortedPages(Array(text.utf8)).map { BuildManifestReader.routes($0).map(\.description) }
    }

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

    /// What Next's client reads to know a page's kind: the page's files in the build manifest
    /// (shared chunks named by variable in a minified one), the module's exports, the SSG list.
    @Test func pageModulesAndTheirKinds() {
        let text = #"self.__BUILD_MANIFEST=function(e,r,t){return{"/":["static/chunks/pages/index-1a2b.js"],"/posts/[id]":[e,"static/chunks/pages/posts/[id]-3c4d.js"],sortedPages:["/","/_app","/posts/[id]"]}}(0,1e-4,NaN);"#
        let chunks = BuildManifestReader.chunks(Array(text.utf8), pages: ["/", "/posts/[id]", "/missing"])
        #expect(chunks == ["/": ["static/chunks/pages/index-1a2b.js"], "/posts/[id]": ["static/chunks/pages/posts/[id]-3c4d.js"]])
        let gssp = #"(self.webpackChunk_N_E=self.webpackChunk_N_E||[]).push([[976],{7040:(_,e,r)=>{r.d(e,{__N_SSP:()=>s,default:()=>u});var s=true"#
        #expect(BuildManifestReader.kind(ofModule: Array(gssp.utf8)) == .serverSide)
        #expect(BuildManifestReader.kind(ofModule: Array(#"r.d(e,{__N_SSG:()=>s,default:()=>u})"#.utf8)) == .staticProps)
        #expect(BuildManifestReader.kind(ofModule: Array(#"r.d(e,{default:()=>u})"#.utf8)) == .static)
        #expect(BuildManifestReader.ssgPages(Array(#"self.__SSG_MANIFEST=new Set(["/blog/[slug]","/about"]);self.__SSG_MANIFEST_CB&&self.__SSG_MANIFEST_CB()"#.utf8)) == ["/blog/[slug]", "/about"])
        #expect(BuildManifestReader.ssgPages(Array("self.__SSG_MANIFEST=new Set;".utf8)).isEmpty)
    }

    /// `next dev` lists every page, compiled or not, in `_devPagesManifest.json`.
    @Test func devPagesManifest() {
        #expect(BuildManifestReader.devPages(Array(#"{"pages":["/","/404","/_app","/broken","/posts/[id]"]}"#.utf8)) == ["/", "/404", "/_app", "/broken", "/posts/[id]"])
        #expect(BuildManifestReader.devPages(Array("<html>".utf8)) == nil)
    }
}

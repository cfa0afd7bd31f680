import Testing

@testable import SSR

/// The route table's shortcut for paths without parameters gives the same route as matching
/// pattern by pattern in Next.js's order.
@Suite struct RouteTableTests {
    struct P: Page { func render(_ props: EmptyProps) -> some Markup { "" } }

    @Test func staticLookupAgreesWithTheOrderedScan() throws {
        let site = try Site(pages: [
            "pages/index.swift", "pages/[root].swift", "pages/about.swift", "pages/blog/index.swift", "pages/blog/[id].swift",
            "pages/blog/archive.swift", "pages/blog/[...slug].swift", "pages/docs/[[...slug]].swift", "pages/docs/intro.swift",
            "pages/a/b/c.swift", "pages/a/[x]/c.swift",
        ].map { PageRoute(file: $0, page: P.self) })
        let paths = [
            "/", "/about", "/abou%74", "/blog", "/blog/archive", "/blog/7", "/blog/archive/x", "/docs", "/docs/intro",
            "/docs/intro/more", "/a/b/c", "/a/z/c", "/a/b", "/zzz", "/%C3%A9",
        ]
        for path in paths {
            let segments = Substring(path).split(separator: "/")
            let fast = try site.routes.match(path: Substring(path))
            let scan = try site.routes.match(segments)
            #expect(fast?.pattern.description == scan?.pattern.description, "\(path)")
            #expect(fast?.params == scan?.params, "\(path)")
        }
        // Literal segments are compared still encoded, as Next.js's route regex does: `/abou%74`
        // is not `/about`, but `[root]` takes it.
        #expect(try site.routes.match(path: "/abou%74")?.pattern.description == "/[root]")
        #expect(try site.routes.match(path: "/abou%74")?.params["root"] == .string("about"))
        #expect(try site.routes.match(path: "/docs/intro")?.pattern.description == "/docs/intro")
        #expect(try site.routes.match(path: "/a/b/c")?.pattern.description == "/a/b/c")
    }

    /// A param that does not decode is an error only for the route that matched (Next.js's
    /// `DecodeError`, a 400); a malformed literal segment just matches nothing.
    @Test func malformedParamsThrowOnlyForTheMatchingRoute() throws {
        let site = try Site(pages: ["pages/about.swift", "pages/posts/[id].swift", "pages/blog/[...slug].swift"].map { PageRoute(file: $0, page: P.self) })
        #expect(throws: MalformedParameter(segment: "%E0%A4%A")) { try site.routes.match(path: "/posts/%E0%A4%A") }
        #expect(throws: MalformedParameter(segment: "%zz")) { try site.routes.match(path: "/blog/a/%zz") }
        #expect(try site.routes.match(path: "/%zz") == nil)
        #expect(try site.routes.match(path: "/posts/%zz/more") == nil)
        #expect(try site.routes.match(path: "/blog/a%2Fb/c")?.params["slug"] == .array(["a/b", "c"]))
    }
}

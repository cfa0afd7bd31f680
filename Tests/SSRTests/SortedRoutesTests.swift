import SSR
import Testing

/// The cases of Next.js's `getSortedRoutes` unit test, run against our route table: the same
/// inputs must give the same order and the same errors.
@Suite struct SortedRoutesTests {
    struct P: Page { func render(_ props: EmptyProps) -> some Markup { "" } }

    func sorted(_ routes: [String]) throws(RouteDefinitionError) -> [String] {
        let pages = routes.map { route in
            PageRoute(file: "pages" + (route == "/" ? "/index" : route) + ".swift", page: P.self)
        }
        return try Site(pages: pages).sortedRoutes.map(\.description)
    }

    @Test func sortsAsNextJs() throws {
        #expect(try sorted(["/posts/[id]/baz/[foo]/bar"]) == ["/posts/[id]/baz/[foo]/bar"])
        #expect(try sorted([
            "/posts", "/[root-slug]", "/", "/posts/[id]", "/blog/[id]/comments/[cid]", "/blog/abc/[id]", "/[...rest]",
            "/blog/abc/post", "/blog/abc", "/p1/[[...incl]]", "/p/[...rest]", "/p2/[...rest]", "/p2/[id]", "/p2/[id]/abc",
            "/p3/[[...rest]]", "/p3/[id]", "/p3/[id]/abc", "/blog/[id]", "/foo/[d]/bar/baz/[f]", "/apples/[ab]/[cd]/ef",
        ]) == [
            "/", "/apples/[ab]/[cd]/ef", "/blog/abc", "/blog/abc/post", "/blog/abc/[id]", "/blog/[id]",
            "/blog/[id]/comments/[cid]", "/foo/[d]/bar/baz/[f]", "/p/[...rest]", "/p1/[[...incl]]", "/p2/[id]", "/p2/[id]/abc",
            "/p2/[...rest]", "/p3/[id]", "/p3/[id]/abc", "/p3/[[...rest]]", "/posts", "/posts/[id]", "/[root-slug]", "/[...rest]",
        ])
    }

    @Test(arguments: [
        (["/", "/blog", "/blog/[id]", "/blog/[id]/comments/[cid]", "/blog/[cid]"], "different slug names"),
        (["/", "/blog", "/blog/[id]/comments/[id]", "/blog/[id]"], "the same slug name"),
        (["/blog/[id]", "/blog/[id]/[...id]"], "the same slug name"),
        (["/blog/[helloworld]", "/blog/[helloworld]/[hello-world]"], "differ only by non-word"),
    ])
    func rejects(routes: [String], fragment: String) {
        do {
            _ = try sorted(routes)
            Issue.record("\(routes) should be rejected")
        } catch {
            #expect(error.message.contains(fragment), "\(error.message)")
        }
    }

    @Test(arguments: [
        (["/blog/[...id]/[...id2]"], "Catch-all must be the last part of the URL."),
        (["/blog/[...id]/abc"], "Catch-all must be the last part of the URL."),
        (["/blog/[....id]/abc"], "Segment names may not start with erroneous periods ('.id')."),
        (["/blog/[..id]/abc"], "Segment names may not start with erroneous periods ('..id')."),
        (["/blog/[[...id]"], "Segment names may not start or end with extra brackets ('[...id')."),
        (["/blog/[[[...id]]"], "Segment names may not start or end with extra brackets ('[...id')."),
        (["/blog/[...id]]"], "Segment names may not start or end with extra brackets ('id]')."),
        (["/blog/[[...id]]]"], "Segment names may not start or end with extra brackets ('id]')."),
        (["/blog/[[[...id]]]"], "Segment names may not start or end with extra brackets ('[...id]')."),
        (["/[[blog]]"], #"Optional route parameters are not yet supported ("[[blog]]")."#),
        (["/abc/[[blog]]/def"], #"Optional route parameters are not yet supported ("[[blog]]")."#),
        (["/[...one]", "/[[...one]]"], #"You cannot use both an required and optional catch-all route at the same level ("[...one]" and "[[...one]]" )."#),
        (["/[[...one]]", "/[...one]"], #"You cannot use both an optional and required catch-all route at the same level ("[[...one]]" and "[...one]")."#),
        (["/", "/[[...all]]"], #"You cannot define a route with the same specificity as a optional catch-all route ("/" and "/[[...all]]")."#),
        (["/[[...all]]", "/"], #"You cannot define a route with the same specificity as a optional catch-all route ("/" and "/[[...all]]")."#),
        (["/sub", "/sub/[[...all]]"], #"You cannot define a route with the same specificity as a optional catch-all route ("/sub" and "/sub[[...all]]")."#),
    ])
    func rejectsWithMessage(routes: [String], message: String) {
        #expect(throws: RouteDefinitionError(message), "\(routes)") { try sorted(routes) }
    }
}

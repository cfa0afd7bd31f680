import Foundation
import SSR
import TestSupport
import Testing

/// The build-time generator behind PagesPlugin, run as the plugin runs it on a pages/ folder.
@Suite struct PagesGenTests {
    struct Run {
        var status: Int32
        var stderr: String
        var generated: String
    }

    /// The tool is built beside the test bundle (it is a dependency of this target's plugin).
    static var tool: URL? { BuiltTool.url("PagesGen", "PagesGen-tool") }

    func generate(_ files: [String: String]) throws -> Run {
        let tool = try #require(Self.tool, "PagesGen not found beside the test bundle")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pagesgen-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let output = root.appendingPathComponent("out/PageRoutes.generated.swift")
        let run = try BuiltTool.run(
            tool, ["--root", root.path, "--output", output.path, "--link-dir", root.appendingPathComponent("out/pages").path] + files.keys.sorted())
        let generated = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        if run.status == 0 {
            // Every page is linked under a unique name, so same-named files can compile together.
            for path in files.keys {
                let link = root.appendingPathComponent("out/pages/" + path.replacingOccurrences(of: "/", with: "+"))
                #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == root.appendingPathComponent(path).path)
            }
        }
        return Run(status: run.status, stderr: run.stderr, generated: generated)
    }

    @Test func generatesTheRouteTableFromFilePaths() throws {
        let run = try generate([
            "pages/index.swift": "import SSR\n// struct NotThis: Page {}\nstruct Home: ServerSidePage { }",
            "pages/posts/[id].swift": "import SSR\nlet s = \"struct Fake: Page {\"\n\nstruct PostPage: Page, Sendable {\n}",
            "pages/old/[id].swift": "import SSR\nfinal class OldPostPage: SSR.Page { }",
            "pages/_document.swift": "import SSR\nstruct Layout: DocumentShell {}",
            "pages/404.swift": "import SSR\nstruct Missing: ErrorPage {}",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.generated.contains(#"PageRoute(file: "pages/index.swift", page: Home.self),  // / (pages/index.swift:3)"#))
        #expect(run.generated.contains(#"PageRoute(file: "pages/posts/[id].swift", page: PostPage.self),  // /posts/[id] (pages/posts/[id].swift:4)"#))
        #expect(run.generated.contains(#"PageRoute(file: "pages/old/[id].swift", page: OldPostPage.self)"#))
        #expect(run.generated.contains("public static let document: any DocumentShell = Layout()"))
        #expect(run.generated.contains("public static let notFoundPage: (any ErrorPage)? = Missing()"))
        #expect(run.generated.contains("public static let errorPage: (any ErrorPage)? = nil"))
        #expect(!run.generated.contains("NotThis") && !run.generated.contains("Fake"))
    }

    @Test func reportsProblemsAgainstThePageFile() throws {
        let run = try generate([
            "pages/terms.swift": "import SSR\nstruct Terms {}",
            "pages/faq.swift": "struct A: Page {}\n\nstruct B: Page {}",
            "pages/blog.swift": "struct Blog: Page {}",
            "pages/blog/index.swift": "struct BlogIndex: Page {}",
            "pages/shop/[sku.swift": "struct Shop: Page {}",
            "pages/[...all]/more.swift": "struct More: Page {}",
        ])
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasSuffix("/pages/terms.swift:1:1: error: no page type found in pages/terms.swift: declare exactly one top-level type conforming to Page or ServerSidePage, e.g. 'struct MyPage: ServerSidePage { ... }'") })
        #expect(lines.contains { $0.hasSuffix("/pages/faq.swift:3:1: error: 2 types conforming to Page or ServerSidePage in pages/faq.swift (A, B): a page file must declare exactly one") })
        #expect(lines.contains { $0.hasSuffix("/pages/blog/index.swift:1:1: error: Duplicate page detected. pages/blog.swift and pages/blog/index.swift resolve to /blog.") })
        #expect(lines.contains { $0.hasSuffix("/pages/shop/[sku.swift:1:1: error: pages/shop/[sku.swift: brackets must enclose a whole segment ('[sku')") })
        #expect(lines.contains { $0.hasSuffix("/pages/[...all]/more.swift:1:1: error: Catch-all must be the last part of the URL.") })
    }

    /// The generator reads paths as `Site` does (one parser): what one accepts the other does,
    /// and a table Next.js would refuse fails the build with Next.js's message.
    @Test func refusesAndAcceptsWhatSiteDoes() throws {
        let accepted = try generate(["pages/[a.b].swift": "struct Dotted: ServerSidePage {}"])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(accepted.generated.contains("// /[a.b] (pages/[a.b].swift:1)"))
        #expect(try RoutePattern(file: "pages/[a.b].swift").description == "/[a.b]")

        let slugs = try generate(["pages/[a]/x.swift": "struct X: Page {}", "pages/[b]/y.swift": "struct Y: Page {}"])
        #expect(slugs.status == 1)
        #expect(slugs.stderr.contains("/pages/[b]/y.swift:1:1: error: You cannot use different slug names for the same dynamic path ('a' !== 'b')."))

        let specificity = try generate(["pages/x/index.swift": "struct X: Page {}", "pages/x/[[...slug]].swift": "struct S: Page {}"])
        #expect(specificity.status == 1)
        #expect(specificity.stderr.contains(#"error: You cannot define a route with the same specificity as a optional catch-all route ("/x" and "/x[[...slug]]")."#))
    }

    /// The generated table of this test target matches its pages/ folder.
    @Test func thisTargetsTableMatchesItsFolder() {
        let routes = Dictionary(uniqueKeysWithValues: PageRoutes.all.map { ($0.file, $0.pattern?.description) })
        #expect(routes["pages/posts/[id].swift"] == "/posts/[id]")
        #expect(routes["pages/nested-index/index/index.swift"] == "/nested-index/index")
        #expect(routes["pages/docs/[[...slug]].swift"] == "/docs/[[...slug]]")
        #expect(routes["pages/404.swift"] == nil)
        #expect(PageRoutes.all.first { $0.file == "pages/about.swift" }?.hasServerSideProps == false)
        #expect(PageRoutes.all.first { $0.file == "pages/index.swift" }?.hasServerSideProps == true)
    }
}

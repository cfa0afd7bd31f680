import Foundation
import TestSupport
import Testing

/// What keeps the fidelity comparison honest without running it: every Swift page has its
/// twin, and every difference the comparison may set aside is listed in the README.
@Suite struct TwinTests {
    @Test func everySwiftPageHasATwin() throws {
        let pages = NextjsTwin.package.appendingPathComponent("sample-site/pages")
        let files = try #require(FileManager.default.enumerator(atPath: pages.path)).compactMap { $0 as? String }
        let swiftPages = files.filter { $0.hasSuffix(".swift") && $0 != "_document.swift" }
        #expect(swiftPages.count >= 15)
        for page in swiftPages {
            let twin = NextjsTwin.app.appendingPathComponent("pages/" + page.dropLast(".swift".count) + ".js")
            #expect(FileManager.default.fileExists(atPath: twin.path), "sample-site/pages/\(page) has no twin \(twin.path)")
        }
    }

    @Test func listedDifferencesAreInTheReadme() throws {
        let readme = try String(contentsOf: NextjsTwin.package.appendingPathComponent("README.md"), encoding: .utf8)
        for difference in ListedDifference.all {
            #expect(readme.contains("| `\(difference.id)` |"), "README's Differences from Next.js has no row `\(difference.id)`")
        }
    }

    /// A failure of the comparison says which props differ, by path, not only where two long
    /// bodies first part.
    @Test func aFailureNamesThePropsPathsThatDiffer() {
        func answer(_ json: String) -> RawHTTP.Answer {
            RawHTTP.Answer(
                statusLine: "HTTP/1.1 200 OK", head: "", fields: [("Content-Type", "application/json")], body: Array(json.utf8))
        }
        let ours = FrameworkView(answer(#"{"pageProps":{"posts":[{"id":1,"title":"a"},{"id":2,"title":"b"}],"n":1},"__N_SSP":true}"#))
        let theirs = FrameworkView(answer(#"{"pageProps":{"posts":[{"id":2,"title":"b"},{"id":1,"title":"a!"}],"n":1},"__N_SSP":true}"#))
        let text = FidelityRun.sideBySide(FidelityCase(method: "GET", target: "/posts"), ours: ours, theirs: theirs)
        #expect(text.hasSuffix("""
              the JSON by path (explorer serve → Next.js):
                ↕ .pageProps.posts[1]: moved from [0] (id 1)
                ~ .pageProps.posts[1].title: "a" → "a!"  +1 B
                2 changes, +1 B in all
            """), "\(text)")
    }
}

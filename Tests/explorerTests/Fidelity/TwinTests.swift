import Foundation
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
}

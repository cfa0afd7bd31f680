import Foundation
import Testing

extension BinaryTests.FidelityTests {
    /// The terminal UI pointed at the real Next.js, as a user points it at their app: the route
    /// kinds, a client transition with the server's document and its links, and the twin built
    /// again with a new build ID while the UI runs (the next transition falls back to a full
    /// load and says why; the one after it is a normal transition on the new build). Between
    /// them, `D other` diffs the page on the twin with the sample site here: the same props.
    @Test(.enabled(if: BinaryTests.TerminalUITests.tmuxPath != nil)) func theUIOnTheTwinAndADeploy() async throws {
        let twin = try await NextjsTwin.Server(dev: false)
        do {
            let window = try BinaryTests.TerminalUITests.Window(width: 120, height: 40, arguments: "--url http://127.0.0.1:\(twin.port)")
            let routes = try window.waitFor("/welcome")
            for row in ["ƒ /posts/[id]", "○ /about", "○ /login", "ƒ /secure"] { #expect(routes.contains(row), "\(row)") }

            try window.goTo("/posts/5")
            let post = try window.waitFor("The server's document for this URL")
            #expect(post.contains("GET /_next/data/\(NextjsTwin.buildId)/posts/5.json?id=5"))
            #expect(post.contains("client transition"))
            #expect(post.contains("✓ its props equal the data response's"))
            try window.keys("l")
            let links = try window.waitFor("/posts/6")
            #expect(links.contains("Next →"))
            try window.keys("Escape")

            try window.keys("D")
            _ = try window.waitFor("other: on the sample site here (in-process)")
            try window.type("other")
            try window.keys("Enter")
            let diff = try window.waitFor("b: /posts/5 (client transition, on the sample site here")
            #expect(diff.contains("1 Props · diff: no difference"), "\(diff)")
            try window.keys("Escape")

            try await twin.redeploy(buildId: "twin2")
            try window.goTo("/posts/6")
            let deployed = try window.waitFor("deployed again", seconds: 60)
            #expect(deployed.contains("client transition → hard navigation"))
            #expect(deployed.contains("build twin2"))
            try window.goTo("/hello")
            let after = try window.waitFor("GET /_next/data/twin2/hello.json")
            #expect(!after.contains("hard navigation"))
            try window.keys("q")
            #expect(window.exitStatus() == "0")
        } catch {
            await twin.stop()
            throw error
        }
        await twin.stop()
    }
}

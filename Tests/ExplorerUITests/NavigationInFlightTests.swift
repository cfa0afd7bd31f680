import Browser
import Foundation
import Testing
@testable import ExplorerUI

/// A navigation on its way, as a browser's user expects it: a newer one supersedes it (its
/// result is dropped when it arrives), Esc stops it, `r` repeats the page on its way.
@Suite struct NavigationInFlightTests {
    func driver() async throws -> Driver {
        await Driver(width: 120, height: 40, navigator: try UIFixture.navigator())
    }

    @Test func aNewerNavigationSupersedesTheOneInFlight() async throws {
        var d = try await driver()
        await d.press(.character("g"))
        await d.type("/articles/1")
        let first = d.pressHolding(.enter)
        #expect(d.screen.contains("⋯ client transition to /articles/1 (Esc stops)"))
        await d.press(.character("g"))
        await d.type("/articles/2")
        await d.press(.enter)
        #expect(d.state.current?.exchange.url == "/articles/2")
        // The first one's answer comes last: it is dropped, not shown over the newer page.
        await d.deliver(first)
        #expect(d.state.current?.exchange.url == "/articles/2")
        #expect(d.state.exchanges.map(\.exchange.url) == ["/articles/2"])
        #expect(!d.screen.contains("⋯"))
    }

    @Test func escapeStopsTheNavigationAndKeepsThePageShown() async throws {
        var d = try await driver()
        await d.press(.character("g"))
        await d.type("/articles/1")
        await d.press(.enter)
        await d.press(.character("g"))
        await d.type("/articles/2")
        let held = d.pressHolding(.enter)
        #expect(d.pressHolding(.escape) == [.stopNavigation])
        #expect(d.screen.contains("Stopped the client transition to /articles/2: the page shown is the one before."))
        #expect(!d.screen.contains("⋯"))
        await d.deliver(held)
        #expect(d.state.current?.exchange.url == "/articles/1")
        // The next Esc does what it did before: leaves zoom, clears the search.
        await d.press(.character("z"))
        #expect(d.pressHolding(.escape).isEmpty)
        #expect(!d.state.zoomed)
    }

    @Test func backTwiceWhileLoadingGoesTwoEntriesBackAndRRepeatsWhereItGoes() async throws {
        var d = try await driver()
        for path in ["/articles/1", "/articles/2", "/articles/3"] {
            await d.press(.character("g"))
            await d.type(path)
            await d.press(.enter)
        }
        // History moves at once, as the browser's address bar does: a second press goes one
        // entry further while the first is still loading.
        let first = await d.start(d.pressHolding(.character("b")))
        #expect(d.screen.contains("⋯ back to /articles/2 (Esc stops)"))
        let second = await d.start(d.pressHolding(.character("b")))
        #expect(d.screen.contains("⋯ back to /articles/1 (Esc stops)"))
        await d.finish(second)
        await d.finish(first)
        #expect(d.state.current?.exchange.url == "/articles/1")
        #expect(await d.navigator.history.index == 0)
        #expect(!d.state.canGoBack && d.state.canGoForward)
        // r while a navigation is on its way repeats that one, not the page on screen.
        await d.press(.character("g"))
        await d.type("/articles/3")
        _ = d.pressHolding(.enter)
        let repeated = d.pressHolding(.character("r"))
        guard case .navigate(_, .clientTransition, "/articles/3")? = repeated.first else {
            Issue.record("r repeated \(repeated), not the navigation on its way")
            return
        }
        await d.deliver(repeated)
        #expect(d.state.current?.exchange.url == "/articles/3")
    }

    @Test func closingTheCompareWindowEarlyStopsTheComparison() async throws {
        var d = try await driver()
        await d.press(.character("g"))
        await d.type("/articles/1")
        await d.press(.enter)
        #expect(d.pressHolding(.character("c")) == [.compare("/articles/1")])
        #expect(d.pressHolding(.escape) == [.stopComparing])
    }
}

/// The same through the real loop: the slow request is stopped, not waited for.
@Suite struct NavigationInFlightSessionTests {
    @Test func aSlowNavigationIsStoppedByTheNextOneAndByEscape() async throws {
        let session = Session(navigator: try UIFixture.navigator(fixedTiming: false, morePages: true))
        let stoppedBefore = UIFixture.Slow.stopped.load(ordering: .relaxed)
        func go(_ path: String) -> [Key] { [.character("g")] + path.map { .character($0) } + [.enter] }
        // A minute-long page, then a fast one at once: the fast one shows while the slow one
        // would still be waiting; then another slow one, stopped with Esc.
        let device = SessionTests.ScriptedDevice(width: 120, height: 40, steps: [
            ("/articles/[id]", go("/slow?ms=60001")),
            ("⋯ client transition to /slow?ms=60001", go("/articles/2")),
            ("GET /_next/data/B/articles/2.json", go("/slow?ms=60002")),
            ("⋯ client transition to /slow?ms=60002", [.escape]),
            ("Stopped the client transition to /slow?ms=60002", [.character("0")]),
        ])
        // Each slow page is stopped once it has begun (a loaded test process may take a while
        // to send the request): not before, when there would be nothing to stop.
        device.conditions[1] = { UIFixture.Slow.started.withLock { $0.contains(60001) } }
        device.conditions[3] = { UIFixture.Slow.started.withLock { $0.contains(60002) } }
        await SessionTests().run(session, device)
        #expect(!device.timedOut, "the screen never showed what the script waited for:\n\(device.screens.last ?? "")")
        #expect(!device.screens.contains { $0.contains("waited 6000") })
        // Both slow requests were cancelled in the engine, not left running (given the time a
        // loaded test process takes to run the cancelled tasks to their end).
        let deadline = Date().addingTimeInterval(SessionTests.ScriptedDevice.patience)
        while UIFixture.Slow.stopped.load(ordering: .relaxed) < stoppedBefore + 2, Date() < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(UIFixture.Slow.stopped.load(ordering: .relaxed) - stoppedBefore == 2)
    }
}

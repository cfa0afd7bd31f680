import Browser
import Foundation
import Synchronization
import Testing
@testable import ExplorerUI

/// The real loop with a scripted terminal: keys go in when the screen shows what a user would
/// wait for; fetching happens off the loop's thread and the results reach the screen.
@Suite struct SessionTests {
    /// Each step waits (up to 60 s of wall-clock time) until the last painted screen contains
    /// `until`, then sends its keys; after the script it sends `q`. The wait is long because the
    /// session's fetching runs on the test process's two cooperative threads, which the other
    /// suites' CPU-bound tests hold for seconds at a time (~12 s at the start of `swift test`).
    /// `@unchecked`: used by one thread at a time (the session's, then the test's after it ends).
    final class ScriptedDevice: TerminalDevice, @unchecked Sendable {
        var size: (width: Int, height: Int)
        var steps: [(until: String, keys: [Key])]
        /// What else a step waits for, by its place in `steps` (a request that has reached the site).
        var conditions: [Int: @Sendable () -> Bool] = [:]
        private var taken = 0
        var screens: [String] = []
        var copied: [String] = []
        var timedOut = false
        /// When the step now waited for gives up.
        private var deadline = Date().addingTimeInterval(ScriptedDevice.patience)
        static let patience: TimeInterval = 60

        init(width: Int, height: Int, steps: [(until: String, keys: [Key])]) {
            size = (width, height)
            self.steps = steps
        }

        /// Keys ready to send: the rest of a step whose screen has come.
        private var ready: [Key] = []

        func nextKey(timeoutMilliseconds: Int) -> Key? {
            if !ready.isEmpty { return ready.removeFirst() }
            guard let step = steps.first else { return .character("q") }
            if screens.last?.contains(step.until) == true, conditions[taken]?() ?? true {
                deadline = Date().addingTimeInterval(Self.patience)
                steps.removeFirst()
                taken += 1
                ready = step.keys
                return ready.removeFirst()
            }
            if Date() > deadline {
                // Give up: close whatever is open, then quit.
                timedOut = true
                steps.removeAll()
                ready = [.character("q")]
                return .escape
            }
            usleep(5_000)
            return nil
        }

        func paint(_ grid: Grid) { screens.append(grid.text) }
        func copyToClipboard(_ text: String) { copied.append(text) }
    }

    /// The loop blocks while it waits for keys: like the explorer, it gets a thread of its own,
    /// so that the tasks that fetch keep theirs.
    func run(_ session: Session, _ device: ScriptedDevice, stop: @escaping @Sendable () -> Bool = { false }) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread {
                session.run(on: device, origin: "fixture", curlBase: "http://localhost:3000", shouldStop: stop)
                continuation.resume()
            }.start()
        }
    }

    @Test func navigatesCopiesAndQuits() async throws {
        let session = Session(navigator: try UIFixture.navigator(fixedTiming: false))
        let device = ScriptedDevice(width: 120, height: 40, steps: [
            ("/articles/[id]", [.character("g")] + "/articles/3".map { .character($0) } + [.enter]),
            ("GET /_next/data/B/articles/3.json", [.character("y")]),
            ("Request as curl", [.escape]),
        ])
        await run(session, device)
        #expect(!device.timedOut, "the screen never showed what the script waited for:\n\(device.screens.last ?? "")")
        let screen = try #require(device.screens.last(where: { $0.contains("GET /_next/data/B/articles/3.json") }))
        #expect(screen.contains(#"id: "3""#))
        #expect(screen.contains("hydration ✓"))
        #expect(device.copied == ["curl -i 'http://localhost:3000/_next/data/B/articles/3.json?id=3' -H 'Accept: */*' -H 'x-nextjs-data: 1' -H 'User-Agent: gssp-explorer/1.0' -H 'Accept-Language: en-US,en;q=0.9' --compressed"])
    }

    /// Mouse events come through the terminal like keys: a click on a route, then on a tab.
    @Test func theMouseWorksThroughTheLoop() async throws {
        let session = Session(navigator: try UIFixture.navigator())
        // 120×40: the routes' box starts at row 1, its first route on row 2, the second on row 3.
        let device = ScriptedDevice(width: 120, height: 40, steps: [
            ("/articles/[id]", [.mouse(MouseEvent(x: 4, y: 3, .press))]),
            ("Open /articles/[id]", [.enter]),
            ("GET /_next/data/B/articles/1.json", [.mouse(MouseEvent(x: 0, y: 39, .press)), .character("h")]),
            ("History", [.escape]),
        ])
        await run(session, device)
        #expect(!device.timedOut, "the screen never showed what the script waited for:\n\(device.screens.last ?? "")")
        #expect(device.screens.contains { $0.contains(#"title: "日本語のタイトル café""#) })
    }

    @Test func aResizeRedrawsAtTheNewSize() async throws {
        let session = Session(navigator: try UIFixture.navigator())
        let device = ScriptedDevice(width: 120, height: 40, steps: [("/articles/[id]", [.down]), ("never shown", [.down])])
        let resizeAt = Date().addingTimeInterval(0.5)
        await run(session, device) {
            if Date() > resizeAt, device.size.width == 120 { device.size = (70, 20) }
            return device.screens.last?.contains("1 Props │ 2 HTML") == true
        }
        let last = try #require(device.screens.last)
        #expect(last.split(separator: "\n", omittingEmptySubsequences: false).count == 20)
        #expect(last.split(separator: "\n").allSatisfy { $0.count <= 70 })
    }

    @Test func stopsWhenAskedToWithoutAKey() async throws {
        let session = Session(navigator: try UIFixture.navigator())
        let device = ScriptedDevice(width: 100, height: 30, steps: [("never shown", [.down])])
        let calls = Atomic<Int>(0)
        await run(session, device) { calls.add(1, ordering: .relaxed).newValue > 5 }
        #expect(!device.screens.isEmpty)
        #expect(!device.timedOut)
    }
}

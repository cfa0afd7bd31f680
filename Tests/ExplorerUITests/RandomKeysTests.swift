import Browser
import Foundation
import Testing
@testable import ExplorerUI

/// The update function and the view under 10,000 random key presses, clicks, wheel turns and
/// resizes (tiny sizes, wide characters, every special key), with the real navigator behind them: no crash, and
/// every frame fits its terminal.
@Suite struct RandomKeysTests {
    /// A small deterministic generator, so that a failure names a seed that reproduces it.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let keys: [Key] = [
        .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab, .backspace, .delete,
    ] + "gGhHbBfFcCdDjJkKlL/?nNrRsSeExXtTvVwWzZ0123456789 .-_[]{}\"'é日😀\u{301}".map { Key.character($0) }

    @Test func tenThousandRandomKeysAtRandomSizes() async throws {
        // A failure names its seed; RANDOM_KEYS_SEED=<seed> replays it.
        let seed = ProcessInfo.processInfo.environment["RANDOM_KEYS_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 0...UInt64.max)
        var rng = SplitMix(state: seed)
        var d = await Driver(width: 100, height: 30, navigator: try UIFixture.navigator())
        for step in 0..<10_000 {
            let dice = Int.random(in: 0..<25, using: &rng)
            if dice == 0 {
                await d.resize(Int.random(in: 0...220, using: &rng), Int.random(in: 0...70, using: &rng))
            } else if dice < 4 {
                // The mouse anywhere, on or off the screen.
                let action = [MouseEvent.Action.press, .wheelUp, .wheelDown].randomElement(using: &rng)!
                await d.press(.mouse(MouseEvent(x: Int.random(in: -2...d.state.width + 2, using: &rng), y: Int.random(in: -2...d.state.height + 2, using: &rng), action)))
            } else {
                // `q` asks to quit: the driver records it and goes on, as a test of what follows.
                await d.press(Self.keys.randomElement(using: &rng)!)
            }
            let grid = Screen.render(d.state)
            #expect(grid.width == max(0, d.state.width) && grid.height == max(0, d.state.height), "seed \(seed), step \(step)")
            let tooWide = grid.lines.first { DisplayWidth.of($0) > grid.width }
            #expect(tooWide == nil, "seed \(seed), step \(step): \(tooWide ?? "")")
            if tooWide != nil, ProcessInfo.processInfo.environment["RANDOM_KEYS_SEED"] != nil {
                let y = grid.lines.firstIndex { DisplayWidth.of($0) > grid.width }!
                print("width \(grid.width):", (0..<grid.width).map { "[\(grid[$0, y].text)]" }.joined())
            }
            if tooWide != nil || grid.width != max(0, d.state.width) { break }
            // Let other tests' tasks run: this loop would otherwise hold a pool thread for seconds.
            if step % 100 == 0 { await Task.yield() }
        }
        // Still usable afterwards: back to a normal size, Escape closes what is open, and the
        // routes are there.
        await d.resize(100, 30)
        await d.press(.escape, .escape, .escape)
        #expect(d.screen.contains("/articles/[id]"), "seed \(seed)")
    }
}

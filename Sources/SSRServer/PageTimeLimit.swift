import SSR
import Synchronization

/// Runs the engine for a request but gives up waiting after a time limit: the caller gets `nil`
/// and goes on, the page finishes (or not) on its own. A task group would wait for a page that
/// never returns.
///
/// One watcher per server instead of a sleeping timer task started (and cancelled) for every
/// request. Deadlines come in the order requests start (one limit, one clock), so the watcher
/// sleeps until the oldest one, answers what has expired, and stops when nothing is waiting.
final class PageTimeLimit: Sendable {
    let limit: Duration

    private struct Waiting {
        var deadline: ContinuousClock.Instant
        var expire: @Sendable () -> Void
    }

    private struct State {
        var waiting: [UInt64: Waiting] = [:]
        var nextID: UInt64 = 0
        var watching = false
    }

    private let state = Mutex(State())

    init(_ limit: Duration) { self.limit = limit }

    /// Not generic: a generic continuation box showed in profiles looking up its type's
    /// metadata on every request.
    func run(_ work: @escaping @Sendable () async -> EngineResponse) async -> EngineResponse? {
        await withUnsafeContinuation { (continuation: UnsafeContinuation<EngineResponse?, Never>) in
            let once = Once(continuation)
            let (id, startWatcher) = state.withLock { state in
                state.nextID += 1
                state.waiting[state.nextID] = Waiting(deadline: .now + limit, expire: { once.resume(nil) })
                defer { state.watching = true }
                return (state.nextID, !state.watching)
            }
            if startWatcher { Task { await self.watch() } }
            // Started on this thread, not another: most pages never suspend, and a hop to
            // another thread and back cost every request two wake-ups. A page that
            // suspends (a query, a sleep) lets this return and the watcher answer; one that
            // blocks its thread without suspending holds its own answer until it yields.
            let run: @Sendable () async -> Void = {
                let value = await work()
                once.resume(value)
                _ = self.state.withLock { $0.waiting.removeValue(forKey: id) }
            }
            // `Task.immediate` is Swift 6.2's, on macOS from 26; before that, a task that starts
            // on another thread (one hop more, the same answers).
            if #available(macOS 26, *) {
                Task.immediate { await run() }
            } else {
                Task { await run() }
            }
        }
    }

    private func watch() async {
        while true {
            let next: ContinuousClock.Instant? = state.withLock { state in
                let now = ContinuousClock.now
                for (id, waiting) in state.waiting where waiting.deadline <= now {
                    waiting.expire()
                    state.waiting[id] = nil
                }
                guard let oldest = state.waiting.values.map(\.deadline).min() else {
                    state.watching = false
                    return nil
                }
                return oldest
            }
            guard let next else { return }
            try? await Task.sleep(until: next, clock: .continuous)
        }
    }

    /// A continuation resumed by whichever comes first.
    private final class Once: Sendable {
        private let continuation: Mutex<UnsafeContinuation<EngineResponse?, Never>?>

        init(_ continuation: UnsafeContinuation<EngineResponse?, Never>) { self.continuation = Mutex(continuation) }

        func resume(_ value: EngineResponse?) {
            continuation.withLock { pending in
                pending?.resume(returning: value)
                pending = nil
            }
        }
    }
}

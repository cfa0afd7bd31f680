import Synchronization

/// Runs `work` but gives up waiting after `limit`: the caller gets `nil` and goes on, the work
/// finishes (or not) on its own. A task group would wait for a page that never returns.
enum PageTimeLimit {
    static func run<T: Sendable>(_ limit: Duration, _ work: @escaping @Sendable () async -> T) async -> T? {
        await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
            let once = Once(continuation)
            let timer = Task {
                try? await Task.sleep(for: limit)
                if !Task.isCancelled { once.resume(nil) }
            }
            Task {
                let value = await work()
                once.resume(value)  // before cancelling the timer, which would otherwise race it
                timer.cancel()
            }
        }
    }

    /// A continuation resumed by whichever comes first.
    private final class Once<Value: Sendable>: Sendable {
        private let continuation: Mutex<CheckedContinuation<Value, Never>?>

        init(_ continuation: CheckedContinuation<Value, Never>) { self.continuation = Mutex(continuation) }

        func resume(_ value: Value) {
            continuation.withLock { pending in
                pending?.resume(returning: value)
                pending = nil
            }
        }
    }
}

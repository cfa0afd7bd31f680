import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT, SIGTERM and SIGHUP, caught so that the terminal UI can restore the terminal before
/// the process ends (the default action would leave it in raw mode).
/// `@unchecked`: the dispatch sources are only kept alive here, never touched after `init`.
final class StopSignal: @unchecked Sendable {
    private let received = Atomic<Int32>(0)
    private var sources: [any DispatchSourceSignal] = []

    init() {
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.received.store(number, ordering: .relaxed) }
            source.resume()
            sources.append(source)
        }
    }

    /// The signal that arrived, or 0.
    var signalNumber: Int32 { received.load(ordering: .relaxed) }
}

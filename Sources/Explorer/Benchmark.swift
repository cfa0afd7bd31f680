import Foundation
import Synchronization

/// Sends one request again and again, a number at a time, and measures what came back:
/// requests per second, bytes per second, latency percentiles, statuses. The request itself is
/// a closure (the engine in-process, or HTTP), so the same measurement serves both.
///
/// ```swift
/// let result = await Benchmark(requests: 1000, concurrency: 8).run { await send() }
/// result.requestsPerSecond
/// ```
public struct Benchmark: Sendable {
    /// What one request gave: its status and the bytes of its body.
    public struct Sample: Sendable {
        public var status: Int
        public var bytes: Int
        public init(status: Int, bytes: Int) {
            self.status = status
            self.bytes = bytes
        }
    }

    public struct Result: Sendable {
        public let requests: Int
        public let concurrency: Int
        public let seconds: Double
        /// Latencies in milliseconds, sorted.
        public let latencies: [Double]
        public let bytes: Int
        /// How many answers had each status (0: no answer).
        public let statuses: [Int: Int]

        public init(requests: Int, concurrency: Int, seconds: Double, latencies: [Double], bytes: Int, statuses: [Int: Int]) {
            self.requests = requests
            self.concurrency = concurrency
            self.seconds = seconds
            self.latencies = latencies
            self.bytes = bytes
            self.statuses = statuses
        }

        public var requestsPerSecond: Double { seconds > 0 ? Double(requests) / seconds : 0 }
        public var bytesPerSecond: Double { seconds > 0 ? Double(bytes) / seconds : 0 }
        public var bytesPerResponse: Int { requests > 0 ? bytes / requests : 0 }

        /// The latency below which `fraction` of the requests finished (nearest rank).
        public func percentile(_ fraction: Double) -> Double {
            guard !latencies.isEmpty else { return 0 }
            let rank = Int((fraction * Double(latencies.count)).rounded(.up)) - 1
            return latencies[min(max(rank, 0), latencies.count - 1)]
        }
    }

    public let requests: Int
    public let concurrency: Int

    public init(requests: Int, concurrency: Int) {
        self.requests = max(1, requests)
        self.concurrency = max(1, min(concurrency, requests))
    }

    /// Runs `send` `requests` times, `concurrency` at once; `progress` hears how many are done.
    public func run(
        progress: @escaping @Sendable (Int) -> Void = { _ in },
        _ send: @escaping @Sendable () async -> Sample
    ) async -> Result {
        let clock = ContinuousClock()
        let started = clock.now
        let counter = Counter()
        let perWorker = (0..<concurrency).map { requests / concurrency + ($0 < requests % concurrency ? 1 : 0) }
        let samples = await withTaskGroup(of: [(Double, Sample)].self) { group in
            for count in perWorker {
                group.addTask {
                    var mine: [(Double, Sample)] = []
                    mine.reserveCapacity(count)
                    for _ in 0..<count {
                        let begin = clock.now
                        let sample = await send()
                        mine.append((Timing.milliseconds(clock.now - begin), sample))
                        progress(counter.increment())
                    }
                    return mine
                }
            }
            var all: [(Double, Sample)] = []
            for await part in group { all += part }
            return all
        }
        let seconds = Timing.milliseconds(clock.now - started) / 1000
        var statuses: [Int: Int] = [:]
        for (_, sample) in samples { statuses[sample.status, default: 0] += 1 }
        return Result(
            requests: samples.count, concurrency: concurrency, seconds: seconds,
            latencies: samples.map(\.0).sorted(), bytes: samples.reduce(0) { $0 + $1.1.bytes }, statuses: statuses)
    }

    private final class Counter: Sendable {
        private let value = Mutex(0)
        func increment() -> Int { value.withLock { $0 += 1; return $0 } }
    }
}

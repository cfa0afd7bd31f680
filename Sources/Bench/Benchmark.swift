import Foundation
import Synchronization

/// Sends one request again and again, a number at a time, and measures what came back:
/// requests per second, bytes per second, latency percentiles, statuses. The request itself is
/// a closure (the engine in-process, or HTTP), so the same measurement serves both. A run lasts
/// a number of requests or a time.
///
/// ```swift
/// let result = await Benchmark(.requests(1000), concurrency: 8).run { await send() }
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

    /// Latency percentiles in milliseconds.
    public struct Latency: Sendable, Equatable {
        public var p50: Double
        public var p95: Double
        public var p99: Double
        public var max: Double

        public init(p50: Double, p95: Double, p99: Double, max: Double) {
            self.p50 = p50
            self.p95 = p95
            self.p99 = p99
            self.max = max
        }

        /// From every request's latency (nearest rank).
        public init(samples: [Double]) {
            let sorted = samples.sorted()
            func rank(_ fraction: Double) -> Double {
                guard !sorted.isEmpty else { return 0 }
                let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
                return sorted[Swift.min(Swift.max(rank, 0), sorted.count - 1)]
            }
            self.init(p50: rank(0.5), p95: rank(0.95), p99: rank(0.99), max: sorted.last ?? 0)
        }
    }

    public struct Result: Sendable {
        public let requests: Int
        public let concurrency: Int
        public let seconds: Double
        public let latency: Latency
        public let bytes: Int
        /// How the requests ended, in order: a status code (`200`), or for a load generator that
        /// only counts classes, `2xx/3xx`, `4xx/5xx`, `socket errors`.
        public let outcomes: [(String, Int)]

        public init(requests: Int, concurrency: Int, seconds: Double, latency: Latency, bytes: Int, outcomes: [(String, Int)]) {
            self.requests = requests
            self.concurrency = concurrency
            self.seconds = seconds
            self.latency = latency
            self.bytes = bytes
            self.outcomes = outcomes
        }

        /// Rounds of one measurement as one result: counts and times added, outcomes added, each
        /// latency percentile the mean of the rounds' weighted by their requests (an
        /// approximation: percentiles do not add), the maximum the largest.
        public init(rounds: [Result]) {
            let requests = rounds.reduce(0) { $0 + $1.requests }
            func mean(_ value: (Latency) -> Double) -> Double {
                requests > 0 ? rounds.reduce(0) { $0 + value($1.latency) * Double($1.requests) } / Double(requests) : 0
            }
            var outcomes: [(String, Int)] = []
            for (label, count) in rounds.flatMap(\.outcomes) {
                if let i = outcomes.firstIndex(where: { $0.0 == label }) { outcomes[i].1 += count } else { outcomes.append((label, count)) }
            }
            self.init(
                requests: requests, concurrency: rounds.first?.concurrency ?? 0, seconds: rounds.reduce(0) { $0 + $1.seconds },
                latency: Latency(p50: mean(\.p50), p95: mean(\.p95), p99: mean(\.p99), max: rounds.map(\.latency.max).max() ?? 0),
                bytes: rounds.reduce(0) { $0 + $1.bytes }, outcomes: outcomes)
        }

        public var requestsPerSecond: Double { seconds > 0 ? Double(requests) / seconds : 0 }
        public var bytesPerSecond: Double { seconds > 0 ? Double(bytes) / seconds : 0 }
        public var bytesPerResponse: Int { requests > 0 ? bytes / requests : 0 }
    }

    /// How long a run lasts.
    public enum Length: Sendable, Equatable {
        case requests(Int)
        case seconds(Double)
    }

    public let length: Length
    public let concurrency: Int

    public init(_ length: Length, concurrency: Int) {
        switch length {
        case .requests(let n):
            self.length = .requests(max(1, n))
            self.concurrency = max(1, min(concurrency, n))
        case .seconds(let s):
            self.length = .seconds(max(0, s))
            self.concurrency = max(1, concurrency)
        }
    }

    /// Runs `send` `concurrency` at once until the length is reached; `progress` hears how many
    /// are done. A timed run stops the requests in flight at its end (their task is cancelled)
    /// and counts only those that finished.
    public func run(
        progress: @escaping @Sendable (Int) -> Void = { _ in },
        _ send: @escaping @Sendable () async -> Sample
    ) async -> Result {
        let clock = ContinuousClock()
        let started = clock.now
        let counter = Counter()
        let quotas: [Int?]
        let end: ContinuousClock.Instant
        var timed: ContinuousClock.Instant?
        switch length {
        case .requests(let n):
            quotas = (0..<concurrency).map { n / concurrency + ($0 < n % concurrency ? 1 : 0) }
            end = started
        case .seconds(let s):
            quotas = Array(repeating: nil, count: concurrency)
            end = started + .milliseconds(Int64(s * 1000))
            timed = end
        }
        let samples = await withTaskGroup(of: [(Double, Sample)]?.self) { group in
            if let timed {
                // A timed run ends on time: requests still in flight then are stopped, not
                // waited for (a page slower than the run would otherwise stretch it).
                group.addTask {
                    try? await Task.sleep(until: timed, clock: clock)
                    return nil
                }
            }
            for quota in quotas {
                group.addTask {
                    var mine: [(Double, Sample)] = []
                    mine.reserveCapacity(quota ?? 1024)
                    repeat {
                        let begin = clock.now
                        let sample = await send()
                        if Task.isCancelled { break }
                        mine.append(((clock.now - begin).inMilliseconds, sample))
                        progress(counter.increment())
                    } while quota.map({ mine.count < $0 }) ?? (clock.now < end)
                    return mine
                }
            }
            var all: [(Double, Sample)] = []
            var workers = quotas.count
            for await part in group {
                guard let part else {
                    group.cancelAll()
                    continue
                }
                all += part
                workers -= 1
                if workers == 0 { group.cancelAll() }
            }
            return all
        }
        let seconds = (clock.now - started).inMilliseconds / 1000
        var statuses: [Int: Int] = [:]
        for (_, sample) in samples { statuses[sample.status, default: 0] += 1 }
        return Result(
            requests: samples.count, concurrency: concurrency, seconds: seconds, latency: Latency(samples: samples.map(\.0)),
            bytes: samples.reduce(0) { $0 + $1.1.bytes },
            outcomes: statuses.sorted { $0.key < $1.key }.map { ($0.key == 0 ? "no answer" : String($0.key), $0.value) })
    }

    private final class Counter: Sendable {
        private let value = Mutex(0)
        func increment() -> Int { value.withLock { $0 += 1; return $0 } }
    }
}

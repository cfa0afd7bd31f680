import Bench
import Synchronization
import Testing

/// The benchmark's arithmetic on a closure whose answers are known.
@Suite struct BenchmarkTests {
    @Test func countsEveryRequestAcrossWorkers() async {
        let calls = Atomic<Int>(0)
        let result = await Benchmark(.requests(103), concurrency: 8).run {
            let n = calls.add(1, ordering: .relaxed).newValue
            return Benchmark.Sample(status: n % 10 == 0 ? 500 : 200, bytes: 100)
        }
        #expect(calls.load(ordering: .relaxed) == 103)
        #expect(result.requests == 103)
        #expect(result.bytes == 10_300)
        #expect(result.bytesPerResponse == 100)
        #expect(result.outcomes.map(\.0) == ["200", "500"])
        #expect(result.outcomes.map(\.1) == [93, 10])
        #expect(result.latency.p50 <= result.latency.max)
    }

    @Test func aTimedRunStopsAtItsDeadline() async {
        let clock = ContinuousClock()
        let started = clock.now
        // How many requests finish in 0.2 s is the machine's business (none, when other tests hold
        // both threads of the pool), and so is how late a loaded machine lets it end: only that
        // it runs to its deadline and then ends, and the counting, are checked.
        let result = await Benchmark(.seconds(0.2), concurrency: 3).run {
            try? await Task.sleep(for: .milliseconds(5))
            return Benchmark.Sample(status: 200, bytes: 1)
        }
        let elapsed = clock.now - started
        #expect(elapsed >= .milliseconds(200))
        #expect(elapsed < .seconds(60))
        #expect(result.bytes == result.requests)
    }

    /// Requests slower than the run are stopped at its end (their task cancelled), not waited
    /// for, and not counted.
    @Test func aTimedRunStopsRequestsSlowerThanItself() async {
        let stopped = Atomic<Int>(0)
        let result = await Benchmark(.seconds(0.2), concurrency: 4).run {
            do {
                try await Task.sleep(for: .seconds(60))
            } catch {
                stopped.add(1, ordering: .relaxed)
            }
            return Benchmark.Sample(status: 200, bytes: 1)
        }
        #expect(result.requests == 0)
        #expect(result.outcomes.isEmpty)
        #expect(stopped.load(ordering: .relaxed) == 4)
    }

    @Test func percentilesByNearestRank() {
        let latency = Benchmark.Latency(samples: (1...10).reversed().map(Double.init))
        #expect(latency == Benchmark.Latency(p50: 5, p95: 10, p99: 10, max: 10))
        #expect(Benchmark.Latency(samples: []) == Benchmark.Latency(p50: 0, p95: 0, p99: 0, max: 0))
    }

    @Test func roundsAddUp() {
        let a = Benchmark.Result(
            requests: 100, concurrency: 4, seconds: 1, latency: .init(p50: 1, p95: 2, p99: 3, max: 4), bytes: 1000,
            outcomes: [("2xx/3xx", 100)])
        let b = Benchmark.Result(
            requests: 300, concurrency: 4, seconds: 3, latency: .init(p50: 5, p95: 6, p99: 7, max: 9), bytes: 3000,
            outcomes: [("2xx/3xx", 290), ("socket errors", 10)])
        let both = Benchmark.Result(rounds: [a, b])
        #expect(both.requests == 400)
        #expect(both.requestsPerSecond == 100)
        #expect(both.bytesPerResponse == 10)
        #expect(both.latency == Benchmark.Latency(p50: 4, p95: 5, p99: 6, max: 9))
        #expect(both.outcomes.map(\.0) == ["2xx/3xx", "socket errors"])
        #expect(both.outcomes.map(\.1) == [390, 10])
    }

    @Test func concurrencyNeverExceedsTheRequests() {
        #expect(Benchmark(.requests(3), concurrency: 64).concurrency == 3)
        #expect(Benchmark(.seconds(1), concurrency: 64).concurrency == 64)
    }
}

import Explorer
import Synchronization
import Testing

/// The benchmark's arithmetic on a closure whose answers are known.
@Suite struct BenchmarkTests {
    @Test func countsEveryRequestAcrossWorkers() async {
        let calls = Atomic<Int>(0)
        let result = await Benchmark(requests: 103, concurrency: 8).run {
            let n = calls.add(1, ordering: .relaxed).newValue
            return Benchmark.Sample(status: n % 10 == 0 ? 500 : 200, bytes: 100)
        }
        #expect(calls.load(ordering: .relaxed) == 103)
        #expect(result.requests == 103)
        #expect(result.bytes == 10_300)
        #expect(result.bytesPerResponse == 100)
        #expect(result.statuses == [200: 93, 500: 10])
        #expect(result.latencies == result.latencies.sorted())
    }

    @Test func percentilesByNearestRank() async {
        let result = Benchmark.Result(requests: 10, concurrency: 1, seconds: 2, latencies: (1...10).map(Double.init), bytes: 0, statuses: [:])
        #expect(result.percentile(0.5) == 5)
        #expect(result.percentile(0.95) == 10)
        #expect(result.percentile(0.1) == 1)
        #expect(result.requestsPerSecond == 5)
    }

    @Test func concurrencyNeverExceedsTheRequests() {
        #expect(Benchmark(requests: 3, concurrency: 64).concurrency == 3)
    }
}

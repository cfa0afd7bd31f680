import Foundation
import Testing

extension BinaryTests {
    /// `explorer bench` at a tiny size: it runs and reports its numbers (no timing is asserted).
    @Suite struct BenchCommandTests {
        @Test func documentInProcess() throws {
            let run = try CommandTests().explorer("bench", "/posts/1", "--requests", "20", "--concurrency", "3")
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.hasPrefix("GET /posts/1 (document, in-process (production))"))
            #expect(run.stdout.contains("20 requests, 3 at a time"))
            #expect(run.stdout.contains("requests/s"))
            #expect(run.stdout.contains("1.6 kB per response"))
            #expect(run.stdout.range(of: #"latency p50 [\d.]+ ms · p95 [\d.]+ ms · p99 [\d.]+ ms · max [\d.]+ ms"#, options: .regularExpression) != nil)
            #expect(run.stdout.contains("statuses: 200 × 20"))
        }

        @Test func dataRequestAsJSON() throws {
            let run = try CommandTests().explorer("bench", "/hello", "--transition", "--requests", "10", "--json")
            #expect(run.status == 0, "\(run.stderr)")
            let object = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            #expect((object["what"] as? String)?.contains("/hello.json (data request") == true)
            #expect(object["requests"] as? Int == 10)
            #expect((object["statuses"] as? [String: Any])?["200"] as? Int == 10)
            let latency = try #require(object["latencyMs"] as? [String: Double])
            #expect(Set(latency.keys) == ["p50", "p95", "p99", "max"])
            #expect((latency["p50"] ?? -1) <= (latency["max"] ?? -1))
        }

        @Test func overHTTP() throws {
            let server = try ServeProcess()
            let run = try CommandTests().explorer("bench", "/posts/1", "--requests", "10", "--url", server.url)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("(document, \(server.url))"))
            #expect(run.stdout.contains("statuses: 200 × 10"))
        }

        @Test func badArguments() throws {
            let run = try CommandTests().explorer("bench", "/hello", "--requests", "0")
            #expect(run.status == 64)
            #expect(run.stderr.contains("--requests must be between 1 and 10000000"))
        }
    }
}

import Foundation
import Testing

extension BinaryTests {
    /// `explorer bench` at a tiny size: it runs and reports its numbers (no timing is asserted).
    @Suite struct BenchCommandTests {
        static let rate = #"[\d,]+/s"#

        @Test func documentInProcess() throws {
            let run = try CommandTests().explorer("bench", "/posts/1", "--requests", "20", "--concurrency", "3")
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.hasPrefix("GET /posts/1 (document, in-process (production))"))
            #expect(run.stdout.contains("20 requests, 3 at a time"))
            #expect(run.stdout.contains("requests/s"))
            #expect(run.stdout.contains("1.68 kB per response"))
            #expect(run.stdout.range(of: #"latency p50 [\d.]+ ms · p95 [\d.]+ ms · p99 [\d.]+ ms · max [\d.]+ ms"#, options: .regularExpression) != nil)
            #expect(run.stdout.contains("statuses: 200 × 20"))
            #if DEBUG
            #expect(run.stderr.contains("this is a debug build: its figures mean little"))
            #endif
        }

        @Test func dataRequestAsJSON() throws {
            let run = try CommandTests().explorer("bench", "/hello", "--transition", "--requests", "10", "--json")
            #expect(run.status == 0, "\(run.stderr)")
            let object = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            #expect((object["what"] as? String)?.contains("/hello.json (data request") == true)
            let runs = try #require(object["runs"] as? [[String: Any]])
            #expect(runs.count == 1)
            #expect(runs[0]["requests"] as? Int == 10)
            #expect((runs[0]["outcomes"] as? [String: Any])?["200"] as? Int == 10)
            let latency = try #require(runs[0]["latencyMs"] as? [String: Double])
            #expect(Set(latency.keys) == ["p50", "p95", "p99", "max"])
            #expect((latency["p50"] ?? -1) <= (latency["max"] ?? -1))
        }

        /// The floor sends the engine's bytes (checked before timing), and the ratio is printed.
        @Test func inProcessBesideTheFloor() async throws {
            let run = try await CommandTests().explorer(awaiting: "bench", "/archive", "--transition", "--floor", "--requests", "6", "--concurrency", "2")
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("  engine: 6 requests, 2 at a time"))
            #expect(run.stdout.contains("  floor: 6 requests, 2 at a time"))
            #expect(run.stdout.contains("782 kB per response"))
            #expect(run.stdout.range(of: #"the engine takes [\d.]+× the floor's time per request \(the same bytes\)"#, options: .regularExpression) != nil)
        }

        /// The server and a plain Hummingbird handler, both loaded by wrk over loopback.
        @Test func overHTTPBesideTheBaseline() async throws {
            let run = try await CommandTests().explorer(awaiting: "bench", "/hello", "--baseline", "--duration", "1", "--concurrency", "4")
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.hasPrefix("GET /hello (document, over HTTP, 4 connections)"))
            #expect(run.stdout.contains("  explorer serve: "))
            #expect(run.stdout.contains("  baseline: "))
            #expect(run.stdout.range(of: #"answers: 2xx/3xx × \d+\n"#, options: .regularExpression) != nil)
            #expect(!run.stdout.contains("errors"))
            #expect(run.stdout.range(of: #"explorer serve answers \d+% of the baseline's requests/s"#, options: .regularExpression) != nil)
        }

        @Test func aRunningServer() async throws {
            let server = try ServeProcess()
            let run = try await CommandTests().explorer(awaiting: "bench", "/posts/1", "--transition", "--duration", "1", "--concurrency", "2", "--url", server.url)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("/posts/1.json?id=1 (data request, \(server.url), 2 connections)"))
            #expect(run.stdout.range(of: #"answers: 2xx/3xx × \d+\n"#, options: .regularExpression) != nil)
        }

        /// Without a path: the README's table, one row per workload, on `explorer serve` run as
        /// its own process beside the plain handler, with both servers' CPU per request (two
        /// connections: wrk at 64 would take the machine from the tests running beside this one).
        /// Without --nextjs its columns are empty, and said so.
        @Test func theWholeTable() async throws {
            let run = try await CommandTests().explorer(awaiting: "bench", "--duration", "1", "--concurrency", "2")
            #expect(run.status == 0, "\(run.stderr)")
            let rows = run.stdout.split(separator: "\n").filter { $0.hasPrefix("| /") }
            #expect(rows.count == 6, "\(run.stdout)")
            #expect(rows.first?.range(of: #"^\| /hello \(document\) \| 1.\d\d kB \| "#, options: .regularExpression) != nil, "\(rows)")
            #expect(run.stdout.contains("wrk, 2 connections, 1 s per server and row"))
            #expect(run.stdout.contains("No Next.js server was given (--nextjs URL)"))
            #expect(run.stdout.range(of: #"its request log on \([\d.]+ [kM]B written\)"#, options: .regularExpression) != nil, "\(run.stdout)")
            #expect(rows.last?.hasPrefix("| /archive (data request) |") == true)
            for row in rows {
                #expect(
                    row.range(of: "\(Self.rate) \\| – \\| – \\| \(Self.rate) \\| [\\d.]+× \\| [\\d.]+ ms \\| – \\| – \\| [\\d.]+ ms \\| [\\d.]+× \\|$", options: .regularExpression) != nil,
                    "\(row)")
            }
        }

        /// Over HTTP without wrk: said before anything runs.
        @Test func withoutWrk() throws {
            for arguments in [["bench", "/hello", "--baseline"], ["bench"], ["bench", "/hello", "--url", "http://127.0.0.1:9"]] {
                let run = try CommandTests().explorer(arguments, environment: ["PATH": "/nonexistent", "HOME": NSHomeDirectory()])
                #expect(run.status == 64, "\(arguments)")
                #expect(run.stderr.contains("explorer bench over HTTP drives wrk, which is not on PATH (Debian: apt-get install wrk)"), "\(run.stderr)")
            }
        }

        @Test func badArguments() throws {
            let cases: [([String], String)] = [
                (["/hello", "--requests", "0"], "--requests must be between 1 and 10000000"),
                (["/about", "--floor"], "--floor knows the sample site's /hello, /posts/N and /archive, not /about"),
                (["/hello", "--http", "--requests", "5"], "over HTTP a run lasts --duration seconds"),
                (["--floor"], "without a path, bench runs the whole table"),
                (["/hello", "--floor", "--baseline"], "--floor runs in-process"),
                (["hello"], "the path must start with /"),
            ]
            for (arguments, message) in cases {
                let run = try CommandTests().explorer(["bench"] + arguments)
                #expect(run.status == 64, "\(arguments)")
                #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
            }
        }
    }
}

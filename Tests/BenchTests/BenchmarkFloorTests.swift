import Bench
import HTTPTypes
import Logging
import SSR
import SampleSite
import Testing

/// The floor `explorer bench --floor` compares the engine with must send the engine's bytes,
/// exactly, or the ratio measures two different jobs.
@Suite struct BenchmarkFloorTests {
    let engine = try! Engine(site: SampleSite.site(buildId: "floor-test"), logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })

    func engineBody(_ path: String) async -> (status: Int, body: [UInt8]) {
        var head = HTTPRequest(method: .get, scheme: nil, authority: nil, path: path)
        head.headerFields[.accept] = "text/html"
        let response = await engine.respond(to: EngineRequest(head))
        return (response.status.code, response.body)
    }

    @Test(arguments: ["/hello", "/posts/1", "/posts/2", "/posts/10000", "/archive"])
    func documentsAreTheEnginesBytes(path: String) async throws {
        let workload = try #require(BenchmarkFloor.workload(for: path))
        let floor = try await BenchmarkFloor.body(workload, data: false, buildId: "floor-test")
        let engine = await engineBody(path)
        #expect(engine.status == 200)
        #expect(floor == engine.body, "\(path): \(floor?.count ?? 0) B vs \(engine.body.count) B")
    }

    @Test(arguments: ["/hello", "/posts/1", "/posts/9999", "/archive"])
    func dataResponsesAreTheEnginesBytes(path: String) async throws {
        let workload = try #require(BenchmarkFloor.workload(for: path))
        let floor = try await BenchmarkFloor.body(workload, data: true, buildId: "floor-test")
        let engine = await engineBody("/_next/data/floor-test\(path).json")
        #expect(engine.status == 200)
        #expect(floor == engine.body, "\(path): \(floor?.count ?? 0) B vs \(engine.body.count) B")
    }

    @Test func aMissingPostIsNil() async throws {
        #expect(try await BenchmarkFloor.body(.post(10_001), data: false, buildId: "x") == nil)
    }

    @Test func onlyTheBenchmarkPathsHaveAFloor() {
        #expect(BenchmarkFloor.workload(for: "/posts/42") == .post(42))
        for path in ["/posts/01", "/posts/0", "/posts/x", "/posts/1/", "/", "/hello?x=1", "/archive/"] {
            #expect(BenchmarkFloor.workload(for: path) == nil, "\(path)")
        }
    }
}

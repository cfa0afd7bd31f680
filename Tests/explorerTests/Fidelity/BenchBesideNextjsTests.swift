import Foundation
import Testing

extension BinaryTests.FidelityTests {
    /// `explorer bench --nextjs` at a tiny size, beside the real Next.js: the Next.js column and
    /// the CPU columns are measurements of those servers (requests answered, their bytes, CPU
    /// time each used), not copies of ours. No timing is asserted.
    @Test func theBenchBesideNextjs() async throws {
        let twin = try await NextjsTwin.Server(dev: false)
        do {
            try await measure(on: "http://127.0.0.1:\(twin.port)")
        } catch {
            await twin.stop()
            throw error
        }
        await twin.stop()
    }

    private func measure(on url: String) async throws {
        for transition in [false, true] {
            let run = try await BinaryTests.CommandTests().explorer(
                awaiting: ["bench", "/posts/1", "--nextjs", url, "--duration", "1", "--concurrency", "2", "--json"] + (transition ? ["--transition"] : []))
            #expect(run.status == 0, "\(run.stderr)")
            let object = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let row = try #require((object["rows"] as? [[String: Any]])?.first)
            let ours = try #require(row["explorerServe"] as? [String: Any])
            let next = try #require(row["nextjs"] as? [String: Any])
            let plain = try #require(row["baseline"] as? [String: Any])
            for side in [ours, next, plain] {
                #expect((side["requests"] as? Int ?? 0) > 0)
                #expect((side["outcomes"] as? [String: Int])?.keys.sorted() == ["2xx/3xx"], "\(side)")
                #expect((side["cpuPerRequestMs"] as? Double ?? 0) > 0, "\(side)")
            }
            // The same page from two servers: each its own bytes (Next.js's document has its
            // script tags, its heads their own headers), of the same order.
            let (ourBytes, theirBytes) = (ours["bytesPerResponse"] as? Int ?? 0, next["bytesPerResponse"] as? Int ?? 0)
            #expect(ourBytes > 0 && theirBytes > 0 && ourBytes != theirBytes)
            #expect(Double(theirBytes) / Double(max(1, ourBytes)) > 0.5 && Double(theirBytes) / Double(max(1, ourBytes)) < 2, "\(ourBytes) B against \(theirBytes) B")
            #expect((object["requestLogBytes"] as? Int ?? 0) > 0, "explorer serve's request log is on")
            #expect((row["request"] as? String)?.contains(transition ? "/posts/1 (data request)" : "/posts/1 (document)") == true)
        }
    }
}

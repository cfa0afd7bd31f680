import Foundation
import Testing

extension BinaryTests {
    /// `explorer serve` beside the real Next.js serving the sample site's twin: every request of
    /// `cases.txt` and thousands of made-up ones, sent to both, compared on what the framework
    /// owns. A difference fails unless the README lists it (`ListedDifference`).
    @Suite(.serialized, .enabled(if: NextjsTwin.unavailable == nil, Comment(rawValue: NextjsTwin.unavailable ?? "")))
    struct FidelityTests {
        /// How many made-up requests a run sends (`FIDELITY_FUZZ_COUNT` changes it).
        static let fuzzCount = Int(ProcessInfo.processInfo.environment["FIDELITY_FUZZ_COUNT"] ?? "") ?? 2000
        /// The fuzzer's seed: `FIDELITY_SEED` replays a run; else a new one, printed.
        static let seed = UInt64(ProcessInfo.processInfo.environment["FIDELITY_SEED"] ?? "") ?? UInt64.random(in: 1...UInt64(UInt32.max))

        @Test func nextStart() async throws {
            try await compare(dev: false, fuzzCount: Self.fuzzCount)
        }

        /// `next dev` against `explorer serve --dev`: what dev mode changes (Cache-Control, the
        /// error page and its `err`, `notFoundSrcPage`, data URLs of static pages).
        @Test func nextDev() async throws {
            try await compare(dev: true, fuzzCount: Self.fuzzCount / 4)
        }

        private func compare(dev: Bool, fuzzCount: Int) async throws {
            let title = dev ? "next dev" : "next start"
            let twin = try await NextjsTwin.Server(dev: dev)
            do {
                let ours = try ServeProcess(dev ? ["--dev"] : ["--build-id", NextjsTwin.buildId])
                let run = FidelityRun(ourPort: ours.port, theirPort: twin.port, buildId: dev ? "development" : NextjsTwin.buildId)
                let table = try FidelityCase.table()
                #expect(table.count >= 150)
                let tableOutcome = await run.compare(table)
                print("fidelity, \(tableOutcome.summary("\(title), the table"))")
                #expect(tableOutcome.failures.isEmpty, Comment(rawValue: tableOutcome.failures.joined(separator: "\n\n")))

                var fuzzer = RequestFuzzer(seed: Self.seed)
                let fuzzOutcome = await run.compare((0..<fuzzCount).map { _ in fuzzer.next() })
                print("fidelity, \(fuzzOutcome.summary("\(title), made up with seed \(Self.seed)"))")
                #expect(
                    fuzzOutcome.failures.isEmpty,
                    Comment(rawValue: "seed \(Self.seed) (FIDELITY_SEED=\(Self.seed) replays it; add a failing request to cases.txt):\n\n"
                        + fuzzOutcome.failures.prefix(20).joined(separator: "\n\n")))
            } catch {
                await twin.stop()
                throw error
            }
            await twin.stop()
        }
    }
}

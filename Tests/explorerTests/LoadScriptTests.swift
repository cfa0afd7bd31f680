import Foundation
import TestSupport
import Testing

extension BinaryTests {
    /// `.load/run`, shortened (8 s, 16 connections) on the debug binary: its verdict is a pass
    /// (no error under load, memory steady, the hanging page cut at 2 s, slow clients harmless).
    @Suite struct LoadScriptTests {
        static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.load/run")

        @Test func loadAndFaultsPass() async throws {
            let binary = try #require(CommandTests.binary, "explorer not found beside the test bundle")
            let run = try await BuiltTool.run(
                awaiting: Self.script, ["--seconds", "8", "--connections", "16", "--binary", binary.path])
            #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
            #expect(run.stdout.contains("load: hanging page: 504 after"), "\(run.stdout)")
            #expect(run.stdout.contains("load: a normal request among 20 slow clients"), "\(run.stdout)")
            #expect(run.stdout.hasSuffix("load: PASS\n"), "\(run.stdout)")
        }
    }
}

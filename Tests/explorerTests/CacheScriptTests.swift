import Foundation
import TestSupport
import Testing

extension BinaryTests {
    /// `.load/cache` on the debug binary: nginx caching in front of two `explorer serve`
    /// instances, every check passing. Needs nginx (`.ci/run` installs it).
    @Suite struct CacheScriptTests {
        static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.load/cache")
        static let nginxInstalled = ["/usr/sbin/nginx", "/usr/bin/nginx"].contains { FileManager.default.isExecutableFile(atPath: $0) }

        @Test(.enabled(if: nginxInstalled, "nginx is not installed")) func nginxInFrontCachesOnlyWhatItMay() async throws {
            let binary = try #require(CommandTests.binary, "explorer not found beside the test bundle")
            let run = try await BuiltTool.run(awaiting: Self.script, ["--binary", binary.path])
            #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
            #expect(!run.stdout.contains("✗"), "\(run.stdout)")
            #expect(run.stdout.contains("cache: ✓ the second user gets their own, not the first user's"), "\(run.stdout)")
            #expect(run.stdout.contains("cache: ✓ after s-maxage: the stale copy at once"), "\(run.stdout)")
            #expect(run.stdout.hasSuffix("cache: PASS (14 checks)\n"), "\(run.stdout)")
        }
    }
}

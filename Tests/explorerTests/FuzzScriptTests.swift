import Foundation
import TestSupport
import Testing

extension BinaryTests {
    /// `.fuzz/run 5`: builds the fuzz targets with `-sanitize=fuzzer,address` (a build folder of
    /// their own, minutes on a clean machine) and runs libFuzzer on each for 5 s. Among the
    /// serialized binary tests so that its build never runs beside the load and cache scripts.
    @Suite struct FuzzScriptTests {
        static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.fuzz/run")

        @Test func libFuzzerRunsEachTargetBriefly() async throws {
            let run = try await BuiltTool.run(awaiting: Self.script, ["5"])
            #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
            for target in ["request-target", "route-match", "data-url", "json-tree"] {
                #expect(run.stdout.contains("fuzz: \(target): ") , "\(run.stdout)")
            }
            #expect(!run.stdout.contains("FAILED"), "\(run.stdout)")
        }
    }
}

import Foundation
import FuzzTargets
import Testing

/// Every committed fuzz input (seeds, and the inputs of failures fixed since) replayed through
/// its target; and libFuzzer itself, briefly, on each target when the toolchain has it.
@Suite struct FuzzCorpusTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.fuzz")

    @Test(arguments: FuzzTarget.allCases)
    func everyCommittedInputPasses(target: FuzzTarget) throws {
        let folder = Self.root.appendingPathComponent("corpus/\(target.rawValue)")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        #expect(files.count >= 10, "seeds for \(target.rawValue)")
        for file in files { target.run(Array(try Data(contentsOf: file))) }
    }

    /// `.fuzz/run 5`: builds the targets with `-sanitize=fuzzer,address` (its own build folder)
    /// and runs each for 5 s. Minutes on a clean machine, most of them the build.
    @Test func libFuzzerRunsEachTargetBriefly() async throws {
        let process = Process()
        process.executableURL = Self.root.appendingPathComponent("run")
        process.arguments = ["5"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        // Read off the concurrency pool: the build takes minutes.
        let text = await withCheckedContinuation { continuation in
            Thread {
                let data = output.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(returning: String(decoding: data, as: UTF8.self))
            }.start()
        }
        #expect(process.terminationStatus == 0, "\(text)")
        for target in FuzzTarget.allCases {
            #expect(text.contains("fuzz: \(target.rawValue): ") && text.contains("no failure"), "\(text)")
        }
    }
}

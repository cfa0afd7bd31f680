import Foundation
import FuzzTargets
import Testing

/// Every committed fuzz input (seeds, and the inputs of failures fixed since) replayed through
/// its target. (libFuzzer itself runs in explorerTests' `FuzzScriptTests`.)
@Suite struct FuzzCorpusTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.fuzz")

    @Test(arguments: FuzzTarget.allCases)
    func everyCommittedInputPasses(target: FuzzTarget) throws {
        let folder = Self.root.appendingPathComponent("corpus/\(target.rawValue)")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        #expect(files.count >= 10, "seeds for \(target.rawValue)")
        for file in files { target.run(Array(try Data(contentsOf: file))) }
    }
}

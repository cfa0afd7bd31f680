import Foundation
import Testing

/// What a clone must be to build everywhere: on macOS's default file system, which ignores
/// case, two paths that differ only in case are one (`Sources/Explorer` and `Sources/explorer`
/// once were), and a clone mixes their files.
@Suite struct RepositoryTests {
    static let git = ["/usr/bin/git", "/usr/local/bin/git", "/opt/homebrew/bin/git"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: git != nil, "git is not installed"))
    func noTwoTrackedPathsDifferOnlyInCase() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RepositoryTests.git!)
        process.arguments = ["-C", NextjsTwin.package.path, "ls-files", "-z"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "not a git checkout: nothing to check")
        let files = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        #expect(files.count > 100)
        // Every file and every folder above it, once.
        var paths = Set<String>()
        for file in files {
            let parts = file.split(separator: "/")
            for end in 1...parts.count { paths.insert(parts[..<end].joined(separator: "/")) }
        }
        let collisions = Dictionary(grouping: paths) { $0.lowercased() }.values.filter { $0.count > 1 }.map { $0.sorted() }
        #expect(collisions.isEmpty, "paths that are one on a case-insensitive file system: \(collisions.sorted { $0[0] < $1[0] })")
    }
}

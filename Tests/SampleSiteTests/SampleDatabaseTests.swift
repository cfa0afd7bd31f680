import Foundation
import GRDB
import Testing

@testable import SampleSite

@Suite struct SampleDatabaseTests {
    func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("sample-db-\(UUID().uuidString)")
    }

    @Test func createdFromTheSeedOnFirstUseThenReused() async throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try SampleDatabase(directory: dir)
        #expect(first.path.hasPrefix(dir.path + "/sample-site-"))
        #expect(first.path.hasSuffix(".sqlite"))
        let counts = try first.read { db in
            try (Int.fetchOne(db, sql: "SELECT count(*) FROM posts")!, Int.fetchOne(db, sql: "SELECT count(*) FROM guestbook")!)
        }
        #expect(counts == (10_000, 4))
        let created = try FileManager.default.attributesOfItem(atPath: first.path)[.modificationDate] as? Date
        let second = try SampleDatabase(directory: dir)
        #expect(second.path == first.path)
        #expect(try FileManager.default.attributesOfItem(atPath: second.path)[.modificationDate] as? Date == created)
    }

    @Test func processesStartingTogetherShareOneDatabase() async throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let paths = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<6 { group.addTask { try SampleDatabase(directory: dir).path } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(paths.count == 1)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func pagesCannotWrite() async throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try SampleDatabase(directory: dir)
        #expect(throws: (any Error).self) {
            try db.read { try $0.execute(sql: "DELETE FROM posts") }
        }
    }

    // The file never changes, so pages read it without SQLite's file locks: a write transaction
    // held on it by another program (the sqlite3 shell, say) does not stop them. The folder's
    // name has what a URI filename must escape.
    @Test func pagesReadWhileAnotherProgramLocksTheFile() throws {
        let dir = temporaryDirectory().appendingPathComponent("a b?c#d%20e")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let db = try SampleDatabase(directory: dir)
        let other = try DatabaseQueue(path: db.path)
        try other.writeWithoutTransaction { locker in
            try locker.execute(sql: "BEGIN EXCLUSIVE")
            defer { try? locker.execute(sql: "ROLLBACK") }
            let title = try db.read { try String.fetchOne($0, sql: "SELECT title FROM posts WHERE id = 2") }
            #expect(title == "A tour of JSON encoding, part 2")
        }
    }

    @Test func unusableFolderIsAClearError() throws {
        let file = temporaryDirectory()
        try Data("not a folder".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect {
            try SampleDatabase(directory: file.appendingPathComponent("cache"))
        } throws: { error in
            "\(error)".hasPrefix("cannot create the cache folder") && "\(error)".contains("SAMPLE_SITE_CACHE_DIR")
        }
    }
}

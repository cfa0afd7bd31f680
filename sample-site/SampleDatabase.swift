import Foundation
import GRDB
import Synchronization

/// The sample site's SQLite database, created on first use from the committed `seed.sql` in a
/// cache folder (never in the source tree). The file name carries a hash of the seed, so a
/// changed seed gets a new database; creation goes through a temporary file and a rename, so
/// processes starting together never see a half-built one.
///
/// ```swift
/// let db = try SampleDatabase.shared()   // ~/.cache/gssp-explorer/sample-site-<hash>.sqlite
/// db.path
/// ```
public final class SampleDatabase: Sendable {
    /// Read-only connections not in use: pages can only read, whatever they do.
    private let idle: Mutex<[DatabaseQueue]>
    private let configuration: Configuration
    /// What connections open: `path` as an immutable URI where SQLite takes URIs, else `path`.
    private let location: String
    /// The SQLite file in use.
    public let path: String

    /// Opens, creating it first if needed, the database for the current seed in `directory`.
    public init(directory: URL) throws(SampleDatabaseError) {
        let seed = try SampleDatabase.seed()
        let file = directory.appendingPathComponent("sample-site-\(SampleDatabase.fingerprint(seed)).sqlite")
        path = file.path
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw SampleDatabaseError("cannot create the cache folder \(directory.path): \(error.localizedDescription) (set \(SampleDatabase.directoryVariable) to a writable folder)")
        }
        if !FileManager.default.fileExists(atPath: file.path) {
            try SampleDatabase.create(at: file, seed: seed)
        }
        do {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.label = "sample-site"
            // Pages read through memory-mapped pages, not a pread() per page: the posts table is
            // larger than SQLite's default page cache, and /archive reads it whole.
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = 268435456") }
            self.configuration = configuration
            let (location, first) = try SampleDatabase.open(file.path, configuration)
            self.location = location
            idle = Mutex([first])
        } catch {
            throw SampleDatabaseError("cannot open \(file.path): \(error)")
        }
    }

    /// The environment variable that moves the database's folder.
    public static let directoryVariable = "SAMPLE_SITE_CACHE_DIR"

    /// `$SAMPLE_SITE_CACHE_DIR`, else `$XDG_CACHE_HOME/gssp-explorer`, else `~/.cache/gssp-explorer`.
    public static var defaultDirectory: URL {
        let environment = ProcessInfo.processInfo.environment
        if let dir = environment[directoryVariable], !dir.isEmpty { return URL(fileURLWithPath: dir) }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("gssp-explorer")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/gssp-explorer")
    }

    private static let opened = Result<SampleDatabase, SampleDatabaseError> { () throws(SampleDatabaseError) in
        try SampleDatabase(directory: defaultDirectory)
    }

    /// The database in ``defaultDirectory``, opened once per process.
    public static func shared() throws(SampleDatabaseError) -> SampleDatabase { try opened.get() }

    /// The seed SwiftPM copies beside the executable (in `<package>_<target>.resources`), else
    /// the one in the source tree. Not `Bundle.module`: it stops the process when the bundle
    /// is missing.
    private static func seed() throws(SampleDatabaseError) -> String {
        let bundled = Bundle.main.bundleURL.appendingPathComponent("gssp-explorer_SampleSite.resources/seed.sql")
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("seed.sql")
        for url in [bundled, source] {
            if let text = try? String(contentsOf: url, encoding: .utf8) { return text }
        }
        throw SampleDatabaseError("seed.sql is neither beside the executable (\(bundled.path)) nor in the source tree (\(source.path))")
    }

    /// FNV-1a, 64 bits, of the seed: stable across runs and platforms, unlike `hashValue`.
    private static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    private static func create(at file: URL, seed: String) throws(SampleDatabaseError) {
        let temporary = file.path + ".\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp"
        do {
            let queue = try DatabaseQueue(path: temporary)
            try queue.writeWithoutTransaction { db in
                try db.inTransaction {
                    try db.execute(sql: seed)
                    return .commit
                }
            }
            try queue.close()
            if rename(temporary, file.path) != 0 {
                throw SampleDatabaseError(String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw SampleDatabaseError("cannot create \(file.path) from seed.sql: \(error)")
        }
    }
}

extension SampleDatabase {
    /// The first connection, and the location the others open: the file as an immutable URI,
    /// so that SQLite takes no file lock and checks no journal for each read (`/posts/1`'s data
    /// request under load: 0.18 → 0.15 ms of CPU). True of this file: it is renamed into place
    /// whole and never written again; a changed seed makes a new file. Where SQLite does not take
    /// URI filenames (a build without `SQLITE_USE_URI`), opening the URI fails and the plain
    /// path is used, with its locks.
    private static func open(_ path: String, _ configuration: Configuration) throws -> (String, DatabaseQueue) {
        // SQLite decodes %HH in a URI's path; `?` and `#` would end it.
        if let escaped = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) {
            let uri = "file:\(escaped)?immutable=1"
            if let queue = try? DatabaseQueue(path: uri, configuration: configuration) { return (uri, queue) }
        }
        return (path, try DatabaseQueue(path: path, configuration: configuration))
    }
}

/// The sample database could not be opened or created; the message says why.
public struct SampleDatabaseError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

extension SampleDatabase {
    /// Runs a first query now (SQLite reads the schema, maps the file), so that the first page's
    /// timing shows its query, not SQLite's start-up.
    public func warmUp() {
        _ = try? read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM site") }
    }

    /// Runs `body` on a connection of its own, on the caller's thread, and returns what it returns.
    ///
    /// Not through GRDB's `DatabasePool`: its async read hops from the caller's thread to the
    /// pool's waiting queue, to the reader's queue and back, waking a thread each time: in
    /// profiles of `/posts/1` under load, more time than its two queries. Read here, its data
    /// request went from 0.21 to 0.17 ms of CPU (`explorer serve` under wrk). A connection is
    /// taken from the idle ones, or opened when all are busy (as many as pages reading at once:
    /// about one per core), and read through its queue's `sync`, which runs on this thread when
    /// nobody else holds it.
    ///
    /// Outside a transaction (`unsafeRead`): nothing ever writes to the file once it is renamed
    /// into place, so every read sees the same data without one, and a page saves the BEGIN and
    /// COMMIT that `read` runs around each body, two statements compiled anew each time.
    package func read<T>(_ body: (Database) throws -> T) throws -> T {
        let connection = try idle.withLock { $0.popLast() } ?? DatabaseQueue(path: location, configuration: configuration)
        defer { idle.withLock { $0.append(connection) } }
        return try connection.unsafeRead(body)
    }
}

import Foundation

/// The production build ID when the site sets none: derived from the running executable's path,
/// size and modification time, so it is stable while a build runs and changes with each build,
/// as `next build` writes a new one. (Dev mode uses `development`, as Next.js.)
enum BuildID {
    static func ofExecutable() -> String {
        let path = Bundle.main.executablePath ?? CommandLine.arguments.first ?? "explorer"
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.int64Value ?? 0
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let etag = ETag.of(Array("\(path)|\(size)|\(modified)".utf8))
        return String(etag.filter { $0 != "\"" })
    }
}

import Foundation

func writeIfChanged(_ text: String, to path: String) throws {
    if let old = try? String(contentsOfFile: path, encoding: .utf8), old == text { return }  // keep mtime: no recompile
    try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
}

func link(_ source: String, at linkPath: String) throws {
    let fm = FileManager.default
    if (try? fm.destinationOfSymbolicLink(atPath: linkPath)) == source { return }
    try fm.createDirectory(atPath: (linkPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try? fm.removeItem(atPath: linkPath)
    try fm.createSymbolicLink(atPath: linkPath, withDestinationPath: source)
}

func swiftLiteral(_ s: String) -> String {
    "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}

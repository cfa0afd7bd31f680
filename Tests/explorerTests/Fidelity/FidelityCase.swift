import Foundation

/// One request of the fidelity table (`cases.txt`): `METHOD TARGET`, then ` ⏎ Name: value`
/// for each header line; `{B}` stands for the build ID. Sent byte for byte, with `Host` and
/// `Connection: close` added.
struct FidelityCase: Sendable, CustomStringConvertible {
    let method: String
    /// The request target as written, `{B}` included.
    let target: String
    let headers: [(name: String, value: String)]

    init(method: String, target: String, headers: [(name: String, value: String)] = []) {
        self.method = method
        self.target = target
        self.headers = headers
    }

    /// A line of the table; `nil` for a blank line or a `#` comment.
    init?(line: Substring) {
        let parts = line.components(separatedBy: " ⏎ ")
        guard let first = parts.first, !first.hasPrefix("#"), let space = first.firstIndex(of: " ") else { return nil }
        method = String(first[..<space])
        target = String(first[first.index(after: space)...])
        headers = parts.dropFirst().map { header in
            let colon = header.firstIndex(of: ":") ?? header.endIndex
            return (String(header[..<colon]), String(header[colon...].dropFirst()).trimmingCharacters(in: .whitespaces))
        }
    }

    var description: String { ([method + " " + target] + headers.map { "\($0.name): \($0.value)" }).joined(separator: " ⏎ ") }

    /// The request's bytes for a server on `port` whose build ID is `buildId`.
    func bytes(buildId: String, port: Int) -> [UInt8] {
        let lines = ["\(method) \(target.replacingOccurrences(of: "{B}", with: buildId)) HTTP/1.1", "Host: 127.0.0.1:\(port)"]
            + headers.map { "\($0.name): \($0.value)" } + ["Connection: close"]
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
    }

    /// The table in `cases.txt`, beside this file.
    static func table() throws -> [FidelityCase] {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("cases.txt")
        return try String(contentsOf: file, encoding: .utf8).split(separator: "\n").compactMap(FidelityCase.init(line:))
    }
}

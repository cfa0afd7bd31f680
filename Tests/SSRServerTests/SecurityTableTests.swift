import Foundation
import TestSupport
import Testing

/// The README's Security table, row by row: each request sent byte for byte to a live server,
/// its status checked, and the detail the row promises where it promises one.
@Suite struct SecurityTableTests {
    struct Row {
        var request: String
        var status: Int
    }

    /// The rows of the table under `## Security` in README.md.
    static func rows() throws -> [Row] {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        guard let start = text.range(of: "\n## Security\n") else { return [] }
        let section = text[start.upperBound...]
        let end = section.range(of: "\n## ")?.lowerBound ?? section.endIndex
        return section[..<end].split(separator: "\n").compactMap { line -> Row? in
            guard line.hasPrefix("| `") else { return nil }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3, let status = Int(cells[2]) else { return nil }
            return Row(request: String(cells[1].dropFirst().dropLast()), status: status)
        }
    }

    /// The bytes a row's request cell stands for: ` ⏎ ` starts a header line, `\0` and `\x01`
    /// are those bytes, `{8200×a}` repeats `a`.
    static func bytes(of request: String) -> [UInt8] {
        var expanded = request
        while let open = expanded.range(of: "{"), let times = expanded[open.upperBound...].range(of: "×"),
            let close = expanded[times.upperBound...].range(of: "}"), let count = Int(expanded[open.upperBound..<times.lowerBound])
        {
            let piece = String(expanded[times.upperBound..<close.lowerBound])
            expanded.replaceSubrange(open.lowerBound..<close.upperBound, with: String(repeating: piece, count: count))
        }
        expanded = expanded.replacingOccurrences(of: "\\0", with: "\u{0}").replacingOccurrences(of: "\\x01", with: "\u{1}")
        let lines = expanded.components(separatedBy: " ⏎ ")
        let head = [lines[0] + " HTTP/1.1", "Host: 127.0.0.1", "Connection: close"] + lines.dropFirst()
        return Array((head.joined(separator: "\r\n") + "\r\n\r\n").utf8)
    }

    /// What some rows promise beyond their status. Each key must be a row of the table.
    static let details: [String: @Sendable (_ head: String, _ body: String, _ plain: String) -> Bool] = [
        "GET /posts/%zz": { _, body, _ in body.contains("400") && body.contains("Bad Request") },
        "DELETE /about": { head, body, _ in head.lowercased().contains("allow: get\r\nallow: head") && body == "Method Not Allowed" },
        "GET /_next/data/B/posts/4.json?__nextLocale=fr&__nextDataReq=1&nxtPid=9": { _, body, _ in
            body.contains(#""id":"4""#) && !body.contains("nxtP") && !body.contains("__next")
        },
        "GET /posts/4 ⏎ x-middleware-subrequest: middleware:middleware:middleware": { _, body, plain in body == plain },
        "GET /posts/4 ⏎ x-now-route-matches: id=9": { _, body, plain in body == plain },
        "GET /posts/4 ⏎ x-nextjs-data: 1": { head, body, plain in body == plain && head.lowercased().contains("content-type: text/html") },
        "GET /echo?q=%3C/script%3E%3Cscript%3Ealert(1)%3C/script%3E": { _, body, _ in
            body.contains(#""q":"\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e""#)
                && body.contains("<p>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>") && !body.contains("<script>alert")
        },
        "GET /echo?q=%E2%80%A8": { _, body, _ in body.contains(#""q":"\u2028""#) && !body.contains("\u{2028}\"") },
        "GET /echo?q=%ED%A0%80": { _, body, _ in body.contains("\"q\":\"\u{FFFD}\u{FFFD}\u{FFFD}\"") },
        "GET /posts/1%00": { _, body, _ in body.contains(#""id":"1\u0000""#) },
        "GET /echo?nan=1": { _, body, _ in body.contains("500") && !body.contains("NaN") && !body.contains("serialized") },
    ]

    @Test func everyRowAnswersAsTheTableSays() async throws {
        let rows = try Self.rows()
        #expect(rows.count >= 25)
        for key in Self.details.keys { #expect(rows.contains { $0.request == key }, "no row for \(key)") }
        try await LiveSite.withServer { client in
            let plain = try await client.raw(bytes: Self.bytes(of: "GET /posts/4"))
            #expect(plain.statusLine == "HTTP/1.1 200 OK")
            let plainBody = String(decoding: plain.body, as: UTF8.self)
            for row in rows {
                let answer = try await client.raw(bytes: Self.bytes(of: row.request))
                #expect(answer.statusLine.hasPrefix("HTTP/1.1 \(row.status) "), "\(row.request) → \(answer.statusLine)")
                if let detail = Self.details[row.request] {
                    #expect(detail(answer.head, String(decoding: answer.body, as: UTF8.self), plainBody), "\(row.request)")
                }
            }
            // Still answering after all of them.
            #expect(try await client.raw(bytes: Self.bytes(of: "GET /posts/4")).statusLine == "HTTP/1.1 200 OK")
        }
    }

    @Test func theRequestNotationExpands() {
        #expect(Self.bytes(of: "GET /{3×ab} ⏎ X: a\\x01\\0") == Array("GET /ababab HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nX: a\u{1}\u{0}\r\n\r\n".utf8))
    }
}

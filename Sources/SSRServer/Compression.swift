import CompressNIO
import Foundation
import HTTPTypes
import NIOCore

/// gzip, as `next start` compresses (the npm `compression` middleware): for text bodies over
/// 1 kB when the client accepts gzip, always with `Vary: Accept-Encoding` on compressible types
/// so that a cache keeps the two versions apart.
enum Compression {
    static let threshold = 1024

    static func isCompressible(_ contentType: String?) -> Bool {
        // Bytes, not Foundation's trimming and lowercasing: this runs for every response.
        guard let contentType else { return false }
        var type = Substring(contentType)
        if let semicolon = type.firstIndex(of: ";") { type = type[..<semicolon] }
        let bytes = type.utf8.drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed()
            .map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        return bytes.starts(with: "text/".utf8) || bytes.elementsEqual("application/json".utf8)
            || bytes.elementsEqual("application/javascript".utf8)
    }

    /// Whether `Accept-Encoding` allows gzip (`gzip`, `*`, without `q=0`).
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let coding = pieces.first, coding == "gzip" || coding == "*" else { continue }
            let q = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return q > 0
        }
        return false
    }

    /// The head and body to send for `request`.
    static func apply(request: HTTPRequest, head: inout HTTPResponse, body: inout [UInt8]) {
        guard isCompressible(head.headerFields[.contentType]) else { return }
        let vary = head.headerFields[.vary]
        if !(vary ?? "").lowercased().contains("accept-encoding") {
            head.headerFields[.vary] = vary.map { "\($0), Accept-Encoding" } ?? "Accept-Encoding"
        }
        guard body.count > threshold, head.headerFields[.contentEncoding] == nil,
              acceptsGzip(request.headerFields[.acceptEncoding]) else { return }
        var buffer = ByteBuffer(bytes: body)
        guard let compressed = try? buffer.compress(with: .gzip()) else { return }
        body = Array(buffer: compressed)
        head.headerFields[.contentEncoding] = "gzip"
        head.headerFields[.contentLength] = String(body.count)
        // Other bytes than the identity answer: a strong ETag would claim they are the same
        // (nginx weakens it too). If-None-Match compares weakly, so revalidation still works.
        if let etag = head.headerFields[.eTag], !etag.hasPrefix("W/") { head.headerFields[.eTag] = "W/" + etag }
    }
}

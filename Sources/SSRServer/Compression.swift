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
        // Bytes, without copies: this runs for every response.
        guard let contentType else { return false }
        var type = contentType.utf8[...]
        if let semicolon = type.firstIndex(of: UInt8(ascii: ";")) { type = type[..<semicolon] }
        func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        while let first = type.first, isBlank(first) { type = type.dropFirst() }
        while let last = type.last, isBlank(last) { type = type.dropLast() }
        func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
        func starts(with prefix: String) -> Bool { type.lazy.map(lower).starts(with: prefix.utf8) }
        func equals(_ other: String) -> Bool { type.lazy.map(lower).elementsEqual(other.utf8) }
        return starts(with: "text/") || equals("application/json") || equals("application/javascript")
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
        guard isCompressible(head.headerFields.first(.contentType)) else { return }
        if !head.headerFields.contains(.vary) {
            head.headerFields.append(HTTPField(name: .vary, value: "Accept-Encoding"))
        } else if let vary = head.headerFields[.vary], !vary.lowercased().contains("accept-encoding") {
            head.headerFields[.vary] = vary + ", Accept-Encoding"
        }
        guard body.count > threshold, !head.headerFields.contains(.contentEncoding),
              acceptsGzip(request.headerFields[.acceptEncoding]) else { return }
        var buffer = ByteBuffer(bytes: body)
        guard let compressed = try? buffer.compress(with: .gzip()) else { return }
        body = Array(buffer: compressed)
        head.headerFields.set(.contentEncoding, "gzip")
        head.headerFields.set(.contentLength, String(body.count))
        // Other bytes than the identity answer: a strong ETag would claim they are the same
        // (nginx weakens it too). If-None-Match compares weakly, so revalidation still works.
        if let etag = head.headerFields.first(.eTag), !etag.hasPrefix("W/") { head.headerFields[.eTag] = "W/" + etag }
    }
}

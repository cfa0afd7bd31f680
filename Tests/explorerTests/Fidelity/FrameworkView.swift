import CompressNIO
import Foundation
import SSR
import TestSupport
import NIOCore

/// What the framework decides in an answer, apart from the page's own markup: the status, the
/// headers Next.js owns, a JSON answer's ETag, and the body: a data response's bytes, or a
/// document's framework parts (the page markup inside `#__next` is written twice, in Swift and
/// in React, and not compared).
struct FrameworkView: Equatable {
    static let comparedHeaders = [
        "cache-control", "content-type", "content-encoding", "vary", "content-language", "x-nextjs-matched-path", "location",
        "refresh", "allow",
    ]

    enum Body: Equatable {
        case bytes([UInt8])
        case document(DocumentSkeleton)
    }

    var status: Int
    var headers: [String: String]
    /// Compared for JSON answers only: a document's ETag hashes the page markup (and a 304 does
    /// not say which of the two it stands for).
    var etag: String?
    var body: Body

    init(_ answer: RawHTTP.Answer) {
        status = answer.status
        headers = [:]
        for name in FrameworkView.comparedHeaders { headers[name] = answer[name] }
        let contentType = answer["content-type"] ?? ""
        // Whether a document is gzipped depends on its length (over 1 kB), which the page markup
        // and Next.js's script tags decide; the body is compared once decoded.
        if contentType.hasPrefix("text/html") { headers["content-encoding"] = nil }
        etag = contentType.hasPrefix("application/json") ? answer["etag"] : nil
        var bytes = answer.body
        if answer["content-encoding"] == "gzip", !bytes.isEmpty {
            var buffer = ByteBuffer(bytes: bytes)
            bytes = (try? buffer.decompress(with: .gzip())).map { Array(buffer: $0) } ?? bytes
        }
        if contentType.hasPrefix("text/html"), let document = DocumentSkeleton(html: bytes) {
            body = .document(document)
        } else {
            body = .bytes(bytes)
        }
    }

    /// The JSON the page's props are in: a data response's body, a document's `__NEXT_DATA__`.
    var json: JSONValue? {
        switch body {
        case .bytes(let bytes): try? JSONValue(parsing: String(decoding: bytes, as: UTF8.self))
        case .document(let document): try? JSONValue(parsing: document.nextData)
        }
    }

    /// The view as labelled lines, for a failure printed side by side.
    var fields: [(label: String, value: String)] {
        var fields: [(String, String)] = [("status", String(status))]
        for name in FrameworkView.comparedHeaders { fields.append((name, headers[name] ?? "—")) }
        fields.append(("etag", etag ?? "—"))
        switch body {
        case .bytes(let bytes): fields.append(("body", String(decoding: bytes, as: UTF8.self)))
        case .document(let document): fields += document.fields
        }
        return fields
    }
}

/// A document's framework parts, as Next.js's `_document` writes them: the opening up to
/// `<head>`, the head's elements (their tags and attributes: `data-next-head` among them), the
/// `#__next` wrapper, and the `__NEXT_DATA__` script with its JSON, byte for byte. Not compared:
/// what only a client bundle needs (`<script>` and `<link>` elements, `<noscript>`, and
/// `next dev`'s guard against unstyled content), which this engine has no part in.
struct DocumentSkeleton: Equatable {
    var opening: String
    var headElements: [String]
    var bodyOpening: String
    var appEnd: String
    var nextDataTag: String
    var nextData: String
    var closing: String

    init?(html bytes: [UInt8]) {
        let html = String(decoding: bytes, as: UTF8.self)
        guard let headOpen = html.range(of: "<head>"), let headClose = html.range(of: "</head>"),
            let app = html.range(of: #"<div id="__next">"#), let script = html.range(of: #"<script id="__NEXT_DATA__""#),
            let scriptTagEnd = html[script.upperBound...].firstIndex(of: ">"),
            let jsonEnd = html[scriptTagEnd...].range(of: "</script>")
        else { return nil }
        opening = String(html[..<headOpen.upperBound])
        headElements = DocumentSkeleton.elements(of: html[headOpen.upperBound..<headClose.lowerBound])
        bodyOpening = String(html[headClose.lowerBound..<app.upperBound])
        let beforeScript = html[..<script.lowerBound].replacing(/<script src="[^"]*"[^>]*><\/script>/, with: "")
        appEnd = String(beforeScript.suffix(6))
        // A CSP nonce is new on every request, on both sides: where it is written is compared,
        // not its value.
        nextDataTag = String(html[script.lowerBound...scriptTagEnd]).replacing(/\snonce="[^"]*"/, with: #" nonce="…""#)
        nextData = String(html[html.index(after: scriptTagEnd)..<jsonEnd.lowerBound])
        closing = String(html[jsonEnd.lowerBound...])
    }

    /// The opening tags of the head's top-level elements, as written.
    private static func elements(of head: Substring) -> [String] {
        var elements: [String] = []
        var rest = head
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            let tag = rest[open...close]
            let name = String(tag.dropFirst().prefix { $0.isLetter || $0.isNumber }).lowercased()
            rest = rest[rest.index(after: close)...]
            guard !name.isEmpty else { continue }
            if !tag.hasSuffix("/>"), !["meta", "link", "base"].contains(name), let end = rest.range(of: "</\(name)>") {
                rest = rest[end.upperBound...]  // its content is text (title, style, script, noscript)
            }
            if ["script", "link", "noscript"].contains(name) || tag.contains("data-next-hide-fouc") { continue }
            elements.append(String(tag))
        }
        return elements
    }

    var fields: [(label: String, value: String)] {
        [
            ("document opening", opening), ("head elements", headElements.joined(separator: " ")), ("body opening", bodyOpening),
            ("end of #__next", appEnd), ("__NEXT_DATA__ tag", nextDataTag), ("__NEXT_DATA__", nextData), ("closing", closing),
        ]
    }
}

import Foundation

/// A link found in a page's HTML: where it leads and whether a click stays in the site (a
/// client transition through `next/link`) or leaves it.
public struct PageLink: Sendable, Equatable {
    public enum Destination: Sendable, Equatable {
        /// A path of this site (resolved against the page's URL), without fragment.
        case page(String)
        /// Another site, or another scheme (`mailto:`).
        case external(String)
        /// `#id` on the same page.
        case fragment(String)
    }
    /// The `href` as written (entities decoded).
    public let href: String
    /// The link's text, tags removed and whitespace collapsed.
    public let text: String
    public let destination: Destination

    public init(href: String, text: String, destination: Destination) {
        self.href = href
        self.text = text
        self.destination = destination
    }
}

/// Reads the `<a href>` links of an HTML page, outside `<script>` and `<style>`.
///
/// ```swift
/// PageLinks.find(in: #"<a href="/posts/2">Next &amp; last</a>"#, base: "/posts/1")
/// // [PageLink(href: "/posts/2", text: "Next & last", destination: .page("/posts/2"))]
/// ```
public enum PageLinks {
    public static func find(in html: String, base: String) -> [PageLink] {
        // Bytes, not String searches: a page of 10,000 links is scanned in one linear pass.
        let bytes = Array(html.utf8)
        var links: [PageLink] = []
        var i = 0
        while let open = bytes[i...].firstIndex(of: UInt8(ascii: "<")) {
            i = open + 1
            if HTMLScan.startsTag("script", bytes, at: i) || HTMLScan.startsTag("style", bytes, at: i) {
                let closing = HTMLScan.startsTag("script", bytes, at: i) ? "</script" : "</style"
                guard let end = HTMLScan.find(closing, in: bytes, from: i) else { break }
                i = end
                continue
            }
            guard HTMLScan.startsTag("a", bytes, at: i), let tagEnd = bytes[i...].firstIndex(of: UInt8(ascii: ">")) else { continue }
            let attributes = String(decoding: bytes[(i + 1)..<tagEnd], as: UTF8.self)
            let closing = HTMLScan.find("</a", in: bytes, from: tagEnd + 1)
            let contentEnd = closing.map { $0 - 3 } ?? bytes.count
            let content = String(decoding: bytes[(tagEnd + 1)..<contentEnd], as: UTF8.self)
            i = closing ?? bytes.count
            guard let href = HTMLScan.attribute("href", in: Substring(attributes)) else { continue }
            let decoded = HTMLEntities.decode(href)
            links.append(PageLink(href: decoded, text: text(Substring(content)), destination: destination(decoded, base: base)))
        }
        return links
    }

    /// Visible text: tags removed, entities decoded, whitespace collapsed.
    static func text(_ html: Substring) -> String {
        // Bytes: Character by Character, a page of 10,000 links spent a fifth of its preparation
        // here. Delimiters are ASCII; whitespace beyond ASCII (a decoded `&nbsp;`) takes the
        // Unicode-aware path.
        var visible: [UInt8] = []
        visible.reserveCapacity(html.utf8.count)
        var inTag = false
        for b in html.utf8 {
            if b == UInt8(ascii: "<") { inTag = true } else if b == UInt8(ascii: ">") { inTag = false } else if !inTag { visible.append(b) }
        }
        let decoded = HTMLEntities.decode(String(decoding: visible, as: UTF8.self))
        guard decoded.utf8.allSatisfy({ $0 < 0x80 }) else {
            return decoded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(decoded.utf8.count)
        for b in decoded.utf8 {
            // ASCII whitespace as `Character.isWhitespace` has it: tab to carriage return, space.
            if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                if collapsed.last != 0x20 && !collapsed.isEmpty { collapsed.append(0x20) }
            } else {
                collapsed.append(b)
            }
        }
        if collapsed.last == 0x20 { collapsed.removeLast() }
        return String(decoding: collapsed, as: UTF8.self)
    }

    /// Where a click on `href` goes from the page at `base`.
    static func destination(_ href: String, base: String) -> PageLink.Destination {
        // Bytes, not Characters: a `#` or `/` followed by a combining mark is still a delimiter.
        let bytes = href.utf8
        if bytes.first == UInt8(ascii: "#") { return .fragment(String(Substring(bytes.dropFirst()))) }
        if bytes.starts(with: "//".utf8) { return .external(href) }
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")),
            !bytes[..<colon].contains(UInt8(ascii: "/")), !bytes[..<colon].contains(UInt8(ascii: "?")) {
            return .external(href)  // a scheme: https:, mailto:, javascript:
        }
        let withoutFragment = href[...].withoutFragment
        if withoutFragment.utf8.first == UInt8(ascii: "/") { return .page(String(withoutFragment)) }
        // Relative: against the base's directory, with `.` and `..` resolved.
        let basePath = String(base[...].pathAndRest.path)
        if withoutFragment.utf8.first == UInt8(ascii: "?") { return .page(basePath + withoutFragment) }
        var segments = basePath.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map { String(Substring($0)) }
        segments.removeLast()  // the base's last segment is replaced
        let (relativePath, query) = withoutFragment.pathAndRest
        for part in relativePath.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map({ Substring($0) }) {
            switch part {
            case ".": continue
            case "..": if segments.count > 1 { segments.removeLast() }
            default: segments.append(String(part))
            }
        }
        var path = segments.joined(separator: "/")
        if path.utf8.first != UInt8(ascii: "/") { path = "/" + path }
        return .page(path + query)
    }
}

/// The character references a page's HTML may use in attribute values and text.
enum HTMLEntities {
    static let named: [Substring: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]

    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semicolon = after.prefix(12).firstIndex(of: ";") {
                let name = after[..<semicolon]
                var replacement: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if name.hasPrefix("#") {
                    replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                } else {
                    replacement = named[name]
                }
                if let replacement {
                    out += replacement
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        return out + rest
    }
}

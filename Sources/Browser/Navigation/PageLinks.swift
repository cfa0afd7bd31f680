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
            if startsTag("script", bytes, at: i) || startsTag("style", bytes, at: i) {
                let closing = startsTag("script", bytes, at: i) ? "</script" : "</style"
                guard let end = find(closing, in: bytes, from: i) else { break }
                i = end
                continue
            }
            guard startsTag("a", bytes, at: i), let tagEnd = bytes[i...].firstIndex(of: UInt8(ascii: ">")) else { continue }
            let attributes = String(decoding: bytes[(i + 1)..<tagEnd], as: UTF8.self)
            let closing = find("</a", in: bytes, from: tagEnd + 1)
            let contentEnd = closing.map { $0 - 3 } ?? bytes.count
            let content = String(decoding: bytes[(tagEnd + 1)..<contentEnd], as: UTF8.self)
            i = closing ?? bytes.count
            guard let href = attribute("href", in: Substring(attributes)) else { continue }
            let decoded = HTMLEntities.decode(href)
            links.append(PageLink(href: decoded, text: text(Substring(content)), destination: destination(decoded, base: base)))
        }
        return links
    }

    /// Whether `name` (ASCII, lowercase) starts at `i`, case-insensitively, followed by the end
    /// of the tag name.
    private static func startsTag(_ name: String, _ bytes: [UInt8], at i: Int) -> Bool {
        let name = Array(name.utf8)
        guard i + name.count < bytes.count else { return false }
        for (k, c) in name.enumerated() where lowercased(bytes[i + k]) != c { return false }
        let next = bytes[i + name.count]
        return next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D || next == UInt8(ascii: "/") || next == UInt8(ascii: ">")
    }

    /// The index just after the first case-insensitive occurrence of `needle` (ASCII, lowercase).
    private static func find(_ needle: String, in bytes: [UInt8], from start: Int) -> Int? {
        let needle = Array(needle.utf8)
        var i = start
        while i + needle.count <= bytes.count {
            guard let lt = bytes[i...].firstIndex(of: needle[0]), lt + needle.count <= bytes.count else { return nil }
            if (1..<needle.count).allSatisfy({ lowercased(bytes[lt + $0]) == needle[$0] }) { return lt + needle.count }
            i = lt + 1
        }
        return nil
    }

    private static func lowercased(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    /// The value of attribute `name` (quoted or not), entities still encoded.
    static func attribute(_ name: String, in tag: Substring) -> String? {
        var rest = tag
        while !rest.isEmpty {
            rest = rest.drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "/" }
            let attrName = rest.prefix { $0 != "=" && $0 != " " && $0 != "\t" && $0 != "\n" && $0 != ">" && $0 != "/" }
            guard !attrName.isEmpty else { return nil }
            rest = rest[attrName.endIndex...].drop { $0 == " " || $0 == "\t" || $0 == "\n" }
            var value: Substring? = nil
            if rest.first == "=" {
                rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\n" }
                if let quote = rest.first, quote == "\"" || quote == "'" {
                    let body = rest.dropFirst()
                    let end = body.firstIndex(of: quote) ?? body.endIndex
                    value = body[..<end]
                    rest = end == body.endIndex ? body[end...] : body[body.index(after: end)...]
                } else {
                    let unquoted = rest.prefix { $0 != " " && $0 != "\t" && $0 != "\n" && $0 != ">" }
                    value = unquoted
                    rest = rest[unquoted.endIndex...]
                }
            }
            if attrName.lowercased() == name { return value.map(String.init) ?? "" }
        }
        return nil
    }

    /// Visible text: tags removed, entities decoded, whitespace collapsed.
    static func text(_ html: Substring) -> String {
        var out = ""
        var inTag = false
        for c in html {
            if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
        }
        return HTMLEntities.decode(out).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
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
        guard text.contains("&") else { return text }
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

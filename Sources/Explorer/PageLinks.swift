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
        var links: [PageLink] = []
        var scanner = Substring(html)
        while let open = scanner.firstIndex(of: "<") {
            scanner = scanner[open...]
            let lower = scanner.prefix(8).lowercased()
            if lower.hasPrefix("<script") || lower.hasPrefix("<style") {
                let closing = lower.hasPrefix("<script") ? "</script" : "</style"
                guard let end = scanner.range(of: closing, options: .caseInsensitive) else { break }
                scanner = scanner[end.upperBound...]
                continue
            }
            guard lower.hasPrefix("<a"), scanner.dropFirst(2).first.map({ $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "/" }) == true,
                let tagEnd = scanner.firstIndex(of: ">")
            else {
                scanner = scanner.dropFirst()
                continue
            }
            let attributes = scanner[scanner.index(scanner.startIndex, offsetBy: 2)..<tagEnd]
            let contentStart = scanner.index(after: tagEnd)
            let closing = scanner[contentStart...].range(of: "</a", options: .caseInsensitive)
            let content = scanner[contentStart..<(closing?.lowerBound ?? scanner.endIndex)]
            scanner = scanner[(closing?.upperBound ?? scanner.endIndex)...]
            guard let href = attribute("href", in: attributes) else { continue }
            let decoded = HTMLEntities.decode(href)
            links.append(PageLink(href: decoded, text: text(content), destination: destination(decoded, base: base)))
        }
        return links
    }

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
        if href.hasPrefix("#") { return .fragment(String(href.dropFirst())) }
        if href.hasPrefix("//") { return .external(href) }
        if let colon = href.firstIndex(of: ":"), !href[..<colon].contains("/"), !href[..<colon].contains("?") {
            return .external(href)  // a scheme: https:, mailto:, javascript:
        }
        let withoutFragment = String(href[..<(href.firstIndex(of: "#") ?? href.endIndex)])
        if withoutFragment.hasPrefix("/") { return .page(withoutFragment) }
        // Relative: against the base's directory, with `.` and `..` resolved.
        let basePath = base[..<(base.firstIndex { $0 == "?" || $0 == "#" } ?? base.endIndex)]
        if withoutFragment.hasPrefix("?") { return .page(String(basePath) + withoutFragment) }
        var segments = basePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        segments.removeLast()  // the base's last segment is replaced
        let query = withoutFragment.firstIndex(of: "?").map { String(withoutFragment[$0...]) } ?? ""
        let relativePath = withoutFragment.prefix { $0 != "?" }
        for part in relativePath.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case ".": continue
            case "..": if segments.count > 1 { segments.removeLast() }
            default: segments.append(String(part))
            }
        }
        var path = segments.joined(separator: "/")
        if !path.hasPrefix("/") { path = "/" + path }
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

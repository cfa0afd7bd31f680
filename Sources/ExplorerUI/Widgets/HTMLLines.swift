/// HTML broken into lines a person can read: a new line between adjacent tags, indented by
/// nesting, with script contents kept whole and `__NEXT_DATA__` marked. Computed once per
/// exchange (off the UI thread); each line is coloured when drawn.
package struct HTMLLines: Sendable {
    package enum Kind: Sendable, Equatable {
        case markup
        /// The JSON inside `<script id="__NEXT_DATA__">`.
        case nextData
        /// Other script or style contents.
        case code
    }

    package struct Line: Sendable {
        package let indent: Int
        package let text: String
        package let kind: Kind
    }

    package private(set) var lines: [Line] = []

    /// Each line as the view shows it, indented (what a diff of two pages compares).
    package var indentedTexts: [String] { lines.map { String(repeating: "  ", count: min($0.indent, 20)) + $0.text } }

    /// Longer lines are cut (the props view shows `__NEXT_DATA__` in full).
    static let maxLineBytes = 4000

    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "!doctype",
    ]

    package init(_ html: String) {
        let bytes = Array(html.utf8)
        var depth = 0
        var start = 0
        var index = 0
        var rawUntil: [UInt8]? = nil  // inside <script>/<style>: the closing tag
        var rawKind: Kind = .code

        func emit(_ range: Range<Int>, kind: Kind) {
            var slice = bytes[range]
            while let first = slice.first, first == 0x20 || first == 0x0A || first == 0x09 || first == 0x0D { slice = slice.dropFirst() }
            while let last = slice.last, last == 0x20 || last == 0x0A || last == 0x09 || last == 0x0D { slice = slice.dropLast() }
            guard !slice.isEmpty else { return }
            // Cut before decoding: a 10 MB __NEXT_DATA__ line is not turned into a string.
            var cut = 0
            if slice.count > HTMLLines.maxLineBytes {
                var end = slice.startIndex + HTMLLines.maxLineBytes
                while end > slice.startIndex, slice[end] & 0xC0 == 0x80 { end -= 1 }  // not inside a character
                cut = slice.endIndex - end
                slice = slice[..<end]
            }
            var text = String(decoding: slice, as: UTF8.self)
            // A line that starts by closing a tag sits at its opening tag's level.
            let indent = kind == .markup && text.utf8.starts(with: "</".utf8) ? max(0, depth - 1) : depth
            if kind == .markup { depth = max(0, depth + HTMLLines.nesting(of: text)) }
            if cut > 0 { text += " … (\(cut) more bytes)" }
            lines.append(Line(indent: indent, text: text, kind: kind))
        }

        while index < bytes.count {
            if let closing = rawUntil {
                // Raw text: only its closing tag ends it.
                if HTMLLines.startsWith(bytes, at: index, closing) {
                    emit(start..<index, kind: rawKind)
                    rawUntil = nil
                    start = index
                }
                index += 1
                continue
            }
            let byte = bytes[index]
            if byte == 0x0A {
                emit(start..<index, kind: .markup)
                start = index + 1
            } else if byte == UInt8(ascii: "<"), index > start, bytes[index - 1] == UInt8(ascii: ">") {
                emit(start..<index, kind: .markup)
                start = index
            } else if byte == UInt8(ascii: ">") {
                if let tag = HTMLLines.openingTagName(bytes, start: start, end: index), tag == "script" || tag == "style" {
                    emit(start..<(index + 1), kind: .markup)
                    let opening = String(decoding: bytes[start...index], as: UTF8.self)
                    rawKind = opening.contains("__NEXT_DATA__") ? .nextData : .code
                    rawUntil = Array("</\(tag)".utf8)
                    start = index + 1
                }
            }
            index += 1
        }
        emit(start..<bytes.count, kind: rawUntil == nil ? .markup : rawKind)
    }

    /// Opening tags that stay open, minus closing tags, on one line.
    static func nesting(of line: String) -> Int {
        // Bytes: Character by Character this was most of the time a 1.5 MB page took to lay out.
        // A byte of a multi-byte character counts as a letter of a tag name, as `isLetter` would.
        let bytes = line.utf8
        var delta = 0
        var rest = bytes[...]
        while let open = rest.firstIndex(of: UInt8(ascii: "<")) {
            let after = rest[bytes.index(after: open)...]
            guard let close = after.firstIndex(of: UInt8(ascii: ">")) else { break }
            let tag = after[..<close]
            if tag.first == UInt8(ascii: "/") {
                delta -= 1
            } else if tag.first != UInt8(ascii: "!"), tag.last != UInt8(ascii: "/") {
                let name = tag.prefix { b in
                    b >= 0x80 || (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "z")) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-")
                }
                let lowered = String(decoding: name.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
                if !voidElements.contains(lowered) { delta += 1 }
            }
            rest = after[bytes.index(after: close)...]
        }
        return delta
    }

    /// The name of the tag that the line from `start` opens, if `end` closes it.
    private static func openingTagName(_ bytes: [UInt8], start: Int, end: Int) -> String? {
        guard let open = bytes[start..<end].lastIndex(of: UInt8(ascii: "<")), open + 1 < end, bytes[open + 1] != UInt8(ascii: "/") else { return nil }
        var nameEnd = open + 1
        while nameEnd < end, bytes[nameEnd] != 0x20, bytes[nameEnd] != UInt8(ascii: ">"), bytes[nameEnd] != UInt8(ascii: "/") { nameEnd += 1 }
        return String(decoding: bytes[(open + 1)..<nameEnd], as: UTF8.self).lowercased()
    }

    private static func startsWith(_ bytes: [UInt8], at index: Int, _ prefix: [UInt8]) -> Bool {
        guard index + prefix.count <= bytes.count else { return false }
        for offset in prefix.indices where bytes[index + offset] | 0x20 != prefix[offset] | 0x20 { return false }
        return true
    }

    /// A line with syntax colours: tags, attribute names and values, comments, text.
    package func styled(_ index: Int) -> StyledText {
        let line = lines[index]
        var out = StyledText(String(repeating: "  ", count: min(line.indent, 20)))
        switch line.kind {
        case .nextData: out.append(line.text, .nextData)
        case .code: out.append(line.text, .dim)
        case .markup: out.append(HTMLLines.highlight(line.text))
        }
        return out
    }

    static func highlight(_ text: String) -> StyledText {
        var out = StyledText()
        var rest = Substring(text)
        while !rest.isEmpty {
            guard let open = rest.firstIndex(of: "<") else { out.append(String(rest)); break }
            out.append(String(rest[..<open]))
            rest = rest[open...]
            if rest.hasPrefix("<!--") {
                let end = rest.range(of: "-->")?.upperBound ?? rest.endIndex
                out.append(String(rest[..<end]), .comment)
                rest = rest[end...]
                continue
            }
            let end = rest.firstIndex(of: ">").map { rest.index(after: $0) } ?? rest.endIndex
            out.append(tag(rest[..<end]))
            rest = rest[end...]
        }
        return out
    }

    /// `<a href="/x">`: the name in one colour, attribute names and values in others.
    private static func tag(_ text: Substring) -> StyledText {
        var out = StyledText()
        let nameEnd = text.firstIndex(where: { $0 == " " || $0 == ">" }) ?? text.endIndex
        out.append(String(text[..<nameEnd]), .tag)
        var rest = text[nameEnd...]
        while !rest.isEmpty {
            if rest.first == ">" || rest.hasPrefix("/>") { out.append(String(rest), .tag); break }
            if rest.first == "\"" || rest.first == "'" {
                let quote = rest.first!
                let after = rest.dropFirst()
                let close = after.firstIndex(of: quote).map { after.index(after: $0) } ?? after.endIndex
                out.append(String(rest[..<close]), .attributeValue)
                rest = rest[close...]
            } else if rest.first == " " || rest.first == "=" {
                out.append(String(rest.first!), .punctuation)
                rest = rest.dropFirst()
            } else {
                let end = rest.firstIndex(where: { $0 == " " || $0 == "=" || $0 == ">" || $0 == "/" }) ?? rest.endIndex
                let word = end == rest.startIndex ? rest.index(after: end) : end
                out.append(String(rest[..<word]), .attributeName)
                rest = rest[word...]
            }
        }
        return out
    }
}

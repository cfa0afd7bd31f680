import Browser

/// How one `Character` of untrusted text is shown: as itself with its column count, or as an
/// escape when showing it raw would harm the screen. Control characters would drive the
/// terminal; zero-width and multi-code-point clusters (ZWJ emoji, flags, variation selectors)
/// take a different number of columns in ncurses (which adds up code points) than in the
/// terminal (which draws the cluster), and would shift the rest of the row.
///
/// Widths come from this table, not from the C library, so layouts are the same everywhere:
/// 2 for East Asian wide and fullwidth characters and emoji presentation, 0 for combining marks.
enum Glyph {
    /// The text to draw and the columns it takes (1 or 2); escapes are several 1-column glyphs.
    static func display(_ character: Character) -> (text: String, columns: Int)? {
        let scalars = character.unicodeScalars
        let first = scalars.first!
        if scalars.count == 1 {
            if first == " " || (first.value >= 0x21 && first.value < 0x7F) { return (String(character), 1) }
            let width = columns(of: first)
            return width > 0 && !TerminalText.isControl(first) ? (String(character), width) : nil
        }
        // A base character followed only by combining marks (e + U+0301) keeps its width.
        let width = columns(of: first)
        guard width > 0, !TerminalText.isControl(first),
              scalars.dropFirst().allSatisfy({ isCombiningMark($0) }) else { return nil }
        return (String(character), width)
    }

    /// `\u001b` for each code point of a character that cannot be shown as it is.
    static func escape(_ character: Character) -> String {
        switch character {
        case "\n": return "\\n"
        case "\r\n": return "\\r\\n"
        case "\r": return "\\r"
        default:
            return character.unicodeScalars.map(TerminalText.escape).joined()
        }
    }

    /// Columns of one code point: 0 for controls (newline and tab included: they are escaped),
    /// marks and format characters (the directional marks among them), 2 for wide ones.
    static func columns(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return 0 }
        if value < 0x300 { return 1 }
        if isCombiningMark(scalar) { return 0 }
        if scalar.properties.generalCategory == .format { return 0 }
        // Regional indicators pair into flags; alone, terminals give them one column.
        if (0x1F1E6...0x1F1FF).contains(value) { return 1 }
        if scalar.properties.isEmojiPresentation { return 2 }
        for range in wideRanges where range.contains(value) { return 2 }
        return 1
    }

    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: true
        default: false
        }
    }

    /// East Asian Wide and Fullwidth blocks (Unicode's EastAsianWidth.txt, W and F).
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
        0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
        0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
        0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}

/// Columns and truncation of text as the grid lays it out.
package enum DisplayWidth {
    /// The columns `text` takes once laid out (escapes included).
    package static func of(_ text: String) -> Int {
        var total = 0
        for character in text {
            if let glyph = Glyph.display(character) { total += glyph.columns } else if character == "\t" { total += 4 } else { total += Glyph.escape(character).count }
        }
        return total
    }

    /// `text` cut to `columns`, with `…` where it was cut.
    package static func truncated(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        guard of(text) > columns else { return text }
        var out = "", used = 0
        for character in text {
            let width = of(String(character))
            if used + width > columns - 1 { break }
            out.append(character)
            used += width
        }
        return out + "…"
    }
}

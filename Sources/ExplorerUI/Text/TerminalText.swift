/// Untrusted text (props, HTML, headers) made safe to print: control characters would move the
/// cursor, change colours or retitle the window, so they are shown as escapes (`\u001b`) and
/// never reach the terminal. Newlines and tabs stay.
package enum TerminalText {
    package static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                out.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A code point as JSON and JavaScript write it: `\u001b`, `\u2028`; beyond U+FFFF as its
    /// UTF-16 pair (`\ud83d\udc69`). So what is shown can be pasted into either.
    package static func escape(_ scalar: Unicode.Scalar) -> String {
        String(scalar).utf16.map { unit in
            let hex = String(unit, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }.joined()
    }

    /// C0 (but newline and tab), DEL, C1, the Unicode line and paragraph separators, and the
    /// bidirectional overrides that reorder what is displayed (a "Trojan Source" trick).
    package static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}

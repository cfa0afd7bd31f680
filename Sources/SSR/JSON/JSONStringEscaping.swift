/// Writes a JSON string literal the way `JSON.stringify` does. With `scriptSafe`, also escapes
/// `<`, `>`, `&`, U+2028 and U+2029 as Next.js's `htmlEscapeJsonString` does for inline
/// `<script>` JSON, so that props can never close the script element.
enum JSONStringEscaping {
    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Per byte: 0 = copy, 1 = always escaped (`"`, `\\`, controls), 2 = escaped when script-safe
    /// (`<`, `>`, `&`, and 0xE2, the lead byte of U+2028 and U+2029). One load per byte instead
    /// of a chain of comparisons.
    private static let classes: [UInt8] = (0..<256).map { b in
        if b < 0x20 || b == 0x22 || b == 0x5C { return 1 }
        if b == 0x3C || b == 0x3E || b == 0x26 || b == 0xE2 { return 2 }
        return 0
    }

    /// Appends `"…"` to `out`; returns how many bytes script-safe escaping added, which the
    /// large-page-data warning subtracts to measure the plain `JSON.stringify` length.
    @discardableResult
    static func append<Out: ByteOutput>(_ string: String, to out: inout Out, scriptSafe: Bool) -> Int {
        var string = string
        return string.withUTF8 { append(utf8: $0, to: &out, scriptSafe: scriptSafe) }
    }

    @discardableResult
    static func append<Out: ByteOutput>(utf8 buf: UnsafeBufferPointer<UInt8>, to out: inout Out, scriptSafe: Bool) -> Int {
        out.append(UInt8(ascii: "\""))
        var added = 0
        var start = 0
        var i = 0
        let n = buf.count
        let limit: UInt8 = scriptSafe ? 2 : 1
        return classes.withUnsafeBufferPointer { classes in
            while i < n {
                let b = buf[i]
                let c = classes[Int(b)]
                if _fastPath(c == 0 || c > limit) { i &+= 1; continue }
                if b == 0xE2 {  // U+2028 / U+2029 are E2 80 A8 / E2 80 A9
                    guard i + 2 < n, buf[i + 1] == 0x80, buf[i + 2] == 0xA8 || buf[i + 2] == 0xA9 else {
                        i &+= 1
                        continue
                    }
                }
                if start < i { out.append(UnsafeBufferPointer(rebasing: buf[start..<i])) }
                var length = 1
                switch b {
                case 0x22: out.append("\\\"")
                case 0x5C: out.append("\\\\")
                case 0x08: out.append("\\b")
                case 0x0C: out.append("\\f")
                case 0x0A: out.append("\\n")
                case 0x0D: out.append("\\r")
                case 0x09: out.append("\\t")
                case 0x3C: out.append("\\u003c"); added += 5
                case 0x3E: out.append("\\u003e"); added += 5
                case 0x26: out.append("\\u0026"); added += 5
                case 0xE2:
                    out.append(buf[i + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                    length = 3
                    added += 3
                default:  // other control characters
                    out.append("\\u00")
                    out.append(hex[Int(b >> 4)])
                    out.append(hex[Int(b & 0xF)])
                }
                i &+= length
                start = i
            }
            if start < n { out.append(UnsafeBufferPointer(rebasing: buf[start..<n])) }
            out.append(UInt8(ascii: "\""))
            return added
        }
    }
}

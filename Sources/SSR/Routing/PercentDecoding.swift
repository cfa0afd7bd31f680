/// Percent-decoding as JavaScript's `decodeURIComponent` (strict: a malformed escape or
/// invalid UTF-8 is an error, which the engine answers with 400 for a route's param) and as `URLSearchParams`
/// (lenient: bad escapes stay as written, `+` is a space).
package enum PercentDecoding {
    /// The value of a hex digit, `nil` for any other byte.
    package static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// A byte as `%XX`, the way JavaScript's and Node's encoders write it (capitals).
    package static func escaped(_ byte: UInt8) -> String {
        "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0x0F, radix: 16, uppercase: true)
    }

    /// Whether some segment of `path` is not valid percent-encoding (bad escapes, invalid UTF-8).
    package static func isMalformed(_ path: String) -> Bool {
        Substring(path).split(separator: "/").contains { decode($0) == nil }
    }

    /// `decodeURIComponent`: `nil` when malformed.
    package static func decode(_ s: Substring) -> String? {
        let utf8 = s.utf8
        guard utf8.contains(UInt8(ascii: "%")) else { return String(s) }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var i = utf8.startIndex
        while i != utf8.endIndex {
            let b = utf8[i]
            if b == UInt8(ascii: "%") {
                let h = utf8.index(after: i)
                guard h != utf8.endIndex, let l = utf8.index(h, offsetBy: 1, limitedBy: utf8.endIndex), l != utf8.endIndex,
                    let hi = hexValue(utf8[h]), let lo = hexValue(utf8[l])
                else { return nil }
                out.append(hi << 4 | lo)
                i = utf8.index(after: l)
            } else {
                out.append(b)
                i = utf8.index(after: i)
            }
        }
        return String(validating: out, as: UTF8.self)
    }

    /// `URLSearchParams` decoding of a name or value.
    static func decodeFormComponent(_ s: Substring) -> String {
        var out: [UInt8] = []
        let bytes = Array(s.utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "+") {
                out.append(0x20)
            } else if b == UInt8(ascii: "%"), i + 2 < bytes.count, let hi = hexValue(bytes[i + 1]), let lo = hexValue(bytes[i + 2]) {
                out.append(hi << 4 | lo)
                i += 2
            } else {
                out.append(b)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)  // invalid UTF-8 becomes U+FFFD, as in WHATWG
    }
}

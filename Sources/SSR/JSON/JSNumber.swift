/// Formats numbers the way JavaScript's `Number.prototype.toString` (and so `JSON.stringify`) does,
/// so that props encode to the same bytes as in Next.js: `1` not `1.0`, `1e+21`, `1e-7`,
/// `123456789012345680000`.
enum JSNumber {
    /// The JavaScript text of a finite double. Callers reject NaN and infinities first.
    static func format(_ value: Double) -> String {
        if value == 0 { return "0" }  // also -0, which JS prints as "0"
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        // Swift's description is the shortest round-trip form, as in JS; only the layout differs.
        let (negative, digits, exponent) = decompose(value.description)
        return (negative ? "-" : "") + layout(digits: digits, pointPosition: exponent)
    }

    /// Splits Swift's "1.2345e+20" / "0.001" into sign, significant digits and n, where
    /// value = 0.d1d2…dk × 10^n (ECMAScript's notation for Number::toString).
    private static func decompose(_ text: String) -> (Bool, [UInt8], Int) {
        var bytes = Array(text.utf8)
        var negative = false
        if bytes.first == UInt8(ascii: "-") { negative = true; bytes.removeFirst() }
        var exponent = 0
        if let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            exponent = Int(String(decoding: bytes[(e + 1)...], as: UTF8.self)) ?? 0
            bytes.removeSubrange(e...)
        }
        var integerDigits = bytes.count
        if let dot = bytes.firstIndex(of: UInt8(ascii: ".")) {
            integerDigits = dot
            bytes.remove(at: dot)
        }
        var n = integerDigits + exponent
        while bytes.first == UInt8(ascii: "0") { bytes.removeFirst(); n -= 1 }
        while bytes.last == UInt8(ascii: "0") { bytes.removeLast() }
        return (negative, bytes, n)
    }

    private static func layout(digits: [UInt8], pointPosition n: Int) -> String {
        let k = digits.count
        let zero = UInt8(ascii: "0")
        var out: [UInt8] = []
        if k <= n && n <= 21 {
            out = digits + [UInt8](repeating: zero, count: n - k)
        } else if 0 < n && n <= 21 {
            out = Array(digits[..<n]) + [UInt8(ascii: ".")] + Array(digits[n...])
        } else if -6 < n && n <= 0 {
            out = [zero, UInt8(ascii: ".")] + [UInt8](repeating: zero, count: -n) + digits
        } else {
            out = [digits[0]]
            if k > 1 { out += [UInt8(ascii: ".")] + Array(digits[1...]) }
            out += Array("e\(n - 1 >= 0 ? "+" : "-")\(abs(n - 1))".utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

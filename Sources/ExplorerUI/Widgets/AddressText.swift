import SSR

/// A URL as a browser's address bar shows it: escapes of letters and of non-ASCII characters
/// decoded (`/docs/caf%C3%A9` reads `/docs/café`); escapes that would change what the URL means
/// (`%2F`, `%3F`, `%25`…), spaces and control characters kept, as Chrome and Firefox keep them.
/// Escapes that are not valid UTF-8 leave the URL as it was sent.
enum AddressText {
    static func shown(_ url: String) -> String {
        let bytes = Array(url.utf8)
        guard bytes.contains(UInt8(ascii: "%")) else { return url }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count, let hi = PercentDecoding.hexValue(bytes[i + 1]), let lo = PercentDecoding.hexValue(bytes[i + 2]) {
                let byte = hi << 4 | lo
                if byte >= 0x80 || isUnreserved(byte) {
                    out.append(byte)
                } else {
                    out.append(contentsOf: bytes[i...(i + 2)])
                }
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        guard let decoded = String(validating: out, as: UTF8.self) else { return url }
        // A decoded character that a terminal would not show as text (a bidi control, say) keeps its escape.
        if decoded.unicodeScalars.contains(where: { $0.properties.generalCategory == .format || $0.properties.generalCategory == .control }) {
            return url
        }
        return decoded
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): true
        default: false
        }
    }
}

/// Tags found in HTML bytes the way a browser's tokenizer finds them, enough for what the
/// browser reads from a page: links, and the `__NEXT_DATA__` script whatever its attributes.
enum HTMLScan {
    /// Whether `name` (ASCII, lowercase) starts at `i`, case-insensitively, followed by the end
    /// of the tag name.
    static func startsTag(_ name: String, _ bytes: [UInt8], at i: Int) -> Bool {
        let name = Array(name.utf8)
        guard i + name.count < bytes.count else { return false }
        for (k, c) in name.enumerated() where lowercased(bytes[i + k]) != c { return false }
        let next = bytes[i + name.count]
        return next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D || next == UInt8(ascii: "/") || next == UInt8(ascii: ">")
    }

    /// The index just after the first case-insensitive occurrence of `needle` (ASCII, lowercase).
    static func find(_ needle: String, in bytes: [UInt8], from start: Int) -> Int? {
        let needle = Array(needle.utf8)
        var i = start
        while i + needle.count <= bytes.count {
            guard let lt = bytes[i...].firstIndex(of: needle[0]), lt + needle.count <= bytes.count else { return nil }
            if (1..<needle.count).allSatisfy({ lowercased(bytes[lt + $0]) == needle[$0] }) { return lt + needle.count }
            i = lt + 1
        }
        return nil
    }

    static func lowercased(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

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
}

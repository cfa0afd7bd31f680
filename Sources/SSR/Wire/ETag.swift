import HTTPTypes

/// Next.js's ETag (`server/lib/etag.ts`): `"` + base36(fnv1a52(body)) + base36(length) + `"`,
/// where the hash and the length run over the body's UTF-16 code units, as in JavaScript.
enum ETag {
    static func of(_ body: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var units = 0
        body.withUnsafeBufferPointer { buf in
            var i = 0
            let n = buf.count
            @inline(__always) func mix(_ unit: UInt64) {
                hash ^= unit
                hash = hash &* 0x100_0000_01b3
                units += 1
            }
            while i < n {
                let b = buf[i]
                if b < 0x80 {
                    mix(UInt64(b))
                    i += 1
                    continue
                }
                // Decode one UTF-8 scalar (the body is valid UTF-8: we wrote it).
                var scalar: UInt32
                var length: Int
                if b >= 0xF0 { scalar = UInt32(b & 0x07); length = 4 } else if b >= 0xE0 { scalar = UInt32(b & 0x0F); length = 3 } else { scalar = UInt32(b & 0x1F); length = 2 }
                var j = 1
                while j < length && i + j < n {
                    scalar = scalar << 6 | UInt32(buf[i + j] & 0x3F)
                    j += 1
                }
                i += length
                if scalar >= 0x10000 {
                    let v = scalar - 0x10000
                    mix(UInt64(0xD800 + (v >> 10)))
                    mix(UInt64(0xDC00 + (v & 0x3FF)))
                } else {
                    mix(UInt64(scalar))
                }
            }
        }
        let v0 = hash & 0xFFFF
        let v2 = (hash >> 32) & 0xFFFF
        let v1 = (hash >> 16) & 0xFFFF
        let v3 = hash >> 48
        let fnv52 = (v3 & 15) << 48 | v2 << 32 | v1 << 16 | (v0 ^ (v3 >> 4))
        return "\"" + String(fnv52, radix: 36) + String(units, radix: 36) + "\""
    }

    /// Whether the request asks for a conditional answer at all (most do not).
    static func isConditional(_ fields: HTTPFields) -> Bool {
        fields.contains { $0.name == .ifNoneMatch || $0.name == .ifModifiedSince }
    }

    /// npm `fresh` as Next.js uses it: a conditional request matches the ETag we would send.
    /// `Cache-Control: no-cache` in the request always asks for the full response; a request
    /// with only `If-Modified-Since` is never fresh (we send no `Last-Modified`).
    static func isFresh(request fields: HTTPFields, etag: String) -> Bool {
        let noneMatch = fields[values: .ifNoneMatch].joined(separator: ",")
        let modifiedSince = fields[.ifModifiedSince]
        if noneMatch.isEmpty && modifiedSince == nil { return false }
        if let cacheControl = fields[.cacheControl],
            cacheControl.split(separator: ",").contains(where: { $0.trimmingSpaces == "no-cache" })
        {
            return false
        }
        if modifiedSince != nil { return false }
        if Substring(noneMatch).trimmingSpaces == "*" { return true }
        let matches = noneMatch.split(separator: ",").map { $0.trimmingSpaces }
        return matches.contains { $0 == etag || $0 == "W/" + etag || "W/" + $0 == etag }
    }
}

import SSR

/// The build manifest's client router filter (`__routerFilterStatic`, `__routerFilterDynamic`):
/// Bloom filters of the App Router's paths, by which the Pages Router's client knows a path
/// belongs to the other router and loads it as a new document. Next.js's `BloomFilter` and its
/// `murmurhash2`, over UTF-16 code units as JavaScript strings have them.
struct RouterFilter: Sendable {
    let numBits: Int
    let numHashes: Int
    let bits: [Bool]

    /// From the manifest's object (`{numItems, errorRate, numBits, numHashes, bitArray}`); `nil`
    /// for an empty filter (`numHashes` 0 or not a number: a site without an `app/` folder).
    init?(_ json: JSONValue?) {
        guard let json, let hashes = json["numHashes"]?.doubleValue, hashes.isFinite, hashes > 0,
            let bitCount = json["numBits"]?.doubleValue, bitCount.isFinite, bitCount > 0, let array = json["bitArray"]?.arrayValue
        else { return nil }
        numHashes = Int(hashes)
        numBits = Int(bitCount)
        bits = array.map { $0.isTruthy }
    }

    func contains(_ item: String) -> Bool {
        (1...numHashes).allSatisfy { i in
            let hash = Int(RouterFilter.murmurhash2(item + String(i)) % UInt32(numBits))
            return hash < bits.count && bits[hash]
        }
    }

    static func murmurhash2(_ text: String) -> UInt32 {
        var h: UInt32 = 0
        for unit in text.utf16 {
            h = (h ^ UInt32(unit)) &* 0x5bd1_e995
            h ^= h >> 13
            h = h &* 0x5bd1_e995
        }
        return h
    }
}

/// Both filters, checked as the client's `_bfl` checks a navigation.
struct RouterFilters: Sendable {
    var staticPaths: RouterFilter?
    var dynamicPaths: RouterFilter?

    var isEmpty: Bool { staticPaths == nil && dynamicPaths == nil }

    /// Whether `as` (and the path it resolved to), without and with the locale and basePath,
    /// is an App Router path: in the static filter whole, or a prefix of it in the dynamic one.
    /// `current` is the page shown (the filter is not checked for it).
    func namesAppRoute(_ paths: [String], locale: String?, config: RouterConfig, current: String) -> Bool {
        for path in paths {
            let noSlash = RouterConfig.removeTrailingSlash(RouterConfig.parsePath(path).pathname)
            guard noSlash != RouterConfig.removeTrailingSlash(RouterConfig.parsePath(current).pathname) else { continue }
            let withLocale = config.addBasePath(config.addLocale(noSlash, locale))
            if staticPaths?.contains(noSlash) == true || staticPaths?.contains(withLocale) == true { return true }
            for normalized in [noSlash, withLocale] {
                let parts = normalized.split(separator: "/", omittingEmptySubsequences: false)
                for count in 0...parts.count {
                    let prefix = parts.prefix(count).joined(separator: "/")
                    if !prefix.isEmpty, dynamicPaths?.contains(prefix) == true { return true }
                }
            }
        }
        return false
    }
}

import Foundation

/// Request targets made up from the sample site's routes, seeded: the same seed gives the same
/// targets (`FIDELITY_SEED` replays a run). Path segments mix the routes' own words and ids with
/// percent-encodings (valid, malformed, overlong UTF-8, encoded surrogates), Unicode and
/// combining marks (encoded, and a few raw), and odd characters; queries repeat keys and use
/// Next.js's internal ones; half the targets are data URLs, some with the wrong build ID.
struct RequestFuzzer {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// SplitMix64: the same numbers on every platform.
    private mutating func number() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func below(_ n: Int) -> Int { Int(number() % UInt64(n)) }
    private mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    private mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    static let words = [
        "1", "2", "01", "10000", "10001", "0", "-1", "1e3", "abc", "a", "b", "2026", "hello-world", "routing", "dynamic",
        "data-fetching", "getting-started", "index", "_next", "data", "static", "about", "posts", "docs", "blog", "404", "500",
        "_error", ".", "..", "json", "x.json",
    ]
    static let escapes = [
        "%41", "%2F", "%2f", "%20", "%25", "%3F", "%23", "%C3%A9", "%E2%82%AC", "%F0%9F%98%80", "e%CC%81", "%E2%80%A8", "%00",
        "%", "%z", "%zz", "%4", "%E0%A4%A", "%C3%28", "%ED%A0%80", "%FF", "%C0%AF", "%E0%80%AF", "%F4%90%80%80",
    ]
    static let odd = ["~", "!", "$", "'", "(", ")", "*", "+", ",", ";", "=", ":", "@", "\"", "<", ">", "{", "}", "|", "^", "`", "[", "]", "\\"]
    static let raw = ["é", "e\u{301}", "日本", "👋🏽"]

    private mutating func segment() -> String {
        var text = ""
        for _ in 0..<(1 + below(3)) {
            switch below(10) {
            case 0...4: text += pick(RequestFuzzer.words)
            case 5...7: text += pick(RequestFuzzer.escapes)
            case 8: text += pick(RequestFuzzer.odd)
            default: text += chance(20) ? pick(RequestFuzzer.raw) : pick(RequestFuzzer.words)
            }
        }
        return text
    }

    private mutating func path() -> String {
        switch below(14) {
        case 0: return "/"
        case 1: return "/" + pick(["about", "login", "hello", "external", "dashboard", "guestbook", "welcome", "broken", "slow"])
        case 2, 3: return "/posts/" + segment()
        case 4: return "/old/" + segment()
        case 5, 6: return "/blog" + (0..<below(4)).map { _ in "/" + segment() }.joined()
        case 7, 8: return "/docs" + (0..<below(3)).map { _ in "/" + segment() }.joined()
        case 9: return "/" + segment()
        case 10: return "/" + segment() + "/" + segment()
        case 11: return "/" + pick(["posts", "docs", "blog", "old"]) + "/" + segment() + "/" + segment()
        case 12: return "/" + pick(["hello", "posts/1", "docs", "about"]) + pick(["/", "//", "/./", "/../"]) + (chance(50) ? segment() : "")
        default: return "/" + pick(["posts", "blog", "docs"]) + "/" + pick(RequestFuzzer.escapes)
        }
    }

    private mutating func query() -> String {
        guard chance(40) else { return "" }
        let keys = ["x", "id", "slug", "a", "q", "__nextLocale", "__nextDataReq", "nxtPid", "_rsc", "", "%zz", "x%5B%5D"]
        var pairs: [String] = []
        for _ in 0..<(1 + below(3)) {
            let key = pick(keys)
            let value = chance(20) ? "" : "=" + segment().replacingOccurrences(of: "#", with: "")
            pairs.append(key + value)
            if chance(15) { pairs.append(key + "=" + pick(RequestFuzzer.words)) }  // a repeated key
        }
        return "?" + pairs.joined(separator: pick(["&", "&", "&&"]))
    }

    /// The next request: a document or data URL, sometimes sent as the client sends it, now
    /// and then with another method, conditional or asking for gzip.
    mutating func next() -> FidelityCase {
        var target = path()
        if chance(50) {
            var asset = target == "/" ? "/index" : target
            if asset.hasSuffix("/") && asset.count > 1 { asset.removeLast() }
            target = "/_next/data/" + (chance(8) ? "WRONG" : "{B}") + asset + ".json"
        }
        target += query()
        var headers: [(name: String, value: String)] = []
        if chance(30) { headers.append(("x-nextjs-data", "1")) }
        if chance(5) { headers.append(("If-None-Match", "*")) }
        if chance(5) { headers.append(("Accept-Encoding", "gzip")) }
        let method = chance(90) ? "GET" : pick(["HEAD", "POST", "PUT", "DELETE", "OPTIONS"])
        return FidelityCase(method: method, target: target, headers: headers)
    }
}

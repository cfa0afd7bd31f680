import SSR

/// A part of the props that looks like a secret. Props are public: they travel in the data
/// response and inline in every document's `__NEXT_DATA__`, readable by whoever gets the page.
public struct SensitiveFinding: Sendable, Equatable {
    /// Where, as Next.js writes paths: `.user.sessionToken`.
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

/// Finds keys named like secrets (password, token, api key…) and values shaped like
/// credentials (JWTs, cloud and payment API keys, private keys).
///
/// ```swift
/// SensitiveProps.scan(["user": ["password": "hunter2"]])
/// // [SensitiveFinding(path: ".user.password", reason: "key named like a secret (password)")]
/// ```
public enum SensitiveProps {
    /// Lowercased key fragments (with `_` and `-` removed) that name secrets.
    static let secretKeyWords = [
        "password", "passwd", "secret", "token", "apikey", "privatekey", "accesskey", "credential",
        "sessionid", "ssn", "creditcard", "cardnumber", "cvv", "authorization",
    ]

    public static func scan(_ props: JSONValue) -> [SensitiveFinding] {
        var scan = Scan()
        scan.walk(props)
        return scan.findings
    }

    /// One pass over the props. The path is kept as components and written out only for a
    /// finding, and each distinct key is judged once: a payload of 10,000 rows repeats a few keys,
    /// and building every node's path and folding every key took most of the scan's time.
    private struct Scan {
        var findings: [SensitiveFinding] = []
        var path: [SerializationError.PathComponent] = []
        var secretWords: [String: String?] = [:]

        mutating func walk(_ value: JSONValue) {
            switch value {
            case .object(let members):
                for member in members {
                    path.append(.key(member.key))
                    if hasValue(member.value), let word = secretWord(member.key) {
                        found("key named like a secret (\(word))")
                    } else if case .string(let text) = member.value, let shape = credentialShape(text) {
                        found(shape)
                    }
                    walk(member.value)
                    path.removeLast()
                }
            case .array(let elements):
                for (index, element) in elements.enumerated() {
                    path.append(.index(index))
                    if case .string(let text) = element, let shape = credentialShape(text) { found(shape) }
                    walk(element)
                    path.removeLast()
                }
            default: break
            }
        }

        mutating func secretWord(_ key: String) -> String? {
            if let known = secretWords[key] { return known }
            let word = SensitiveProps.secretWord(key)
            secretWords[key] = word
            return word
        }

        mutating func found(_ reason: String) {
            findings.append(SensitiveFinding(path: path.map(\.text).joined(), reason: reason))
        }
    }

    /// Empty strings, `null` and `false` give nothing away.
    private static func hasValue(_ value: JSONValue) -> Bool {
        switch value {
        case .null, .bool(false): false
        case .string(let s): !s.isEmpty
        default: true
        }
    }

    static func secretWord(_ key: String) -> String? {
        let folded = Array(key.lowercased().utf8.filter { $0 != UInt8(ascii: "_") && $0 != UInt8(ascii: "-") })
        return secretKeyWords.first { contains(folded, Array($0.utf8)) }
    }

    /// Byte search: Foundation's `contains` costs more than everything else on a large payload
    /// (it goes through `CFStringFind` for every string).
    static func contains<C: Collection<UInt8>>(_ haystack: C, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var index = haystack.startIndex
        while let start = haystack[index...].firstIndex(of: first) {
            if haystack[start...].starts(with: needle) { return true }
            index = haystack.index(after: start)
        }
        return false
    }

    /// API keys known by their prefix: the prefix, the shortest such key, what it is.
    private static let keyPrefixes: [(String, Int, String)] = [
        ("AKIA", 20, "an AWS access key ID"), ("ASIA", 20, "an AWS temporary access key ID"),
        ("sk_live_", 20, "a Stripe secret key"), ("rk_live_", 20, "a Stripe restricted key"),
        ("ghp_", 36, "a GitHub personal access token"), ("github_pat_", 40, "a GitHub fine-grained token"),
        ("xoxb-", 20, "a Slack bot token"), ("xoxp-", 20, "a Slack user token"),
        ("AIza", 39, "a Google API key"), ("sk-", 40, "an OpenAI-style secret key"),
    ]

    /// What credential `text` looks like, or `nil`.
    static func credentialShape(_ text: String) -> String? {
        let utf8 = text.utf8
        guard utf8.count >= 16, utf8.count <= 10_000 else { return nil }
        if contains(utf8, Array("-----BEGIN".utf8)), contains(utf8, Array("PRIVATE KEY-----".utf8)) { return "a PEM private key" }
        if isJWT(text) { return "a JSON Web Token (anyone holding it can use it)" }
        for (prefix, minimum, name) in keyPrefixes where utf8.starts(with: prefix.utf8) && utf8.count >= minimum {
            if utf8.allSatisfy(isBase64URL) { return name }
        }
        return nil
    }

    /// Three base64url parts, the first an encoded JSON object (`eyJ` is `{"`).
    private static func isJWT(_ text: String) -> Bool {
        guard text.utf8.starts(with: "eyJ".utf8) else { return false }
        let parts = text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count >= 10, parts[1].count >= 10 else { return false }
        return parts.allSatisfy { $0.allSatisfy { isBase64URL($0) } }
    }

    private static func isBase64URL(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F || b == 0x3D
    }
}

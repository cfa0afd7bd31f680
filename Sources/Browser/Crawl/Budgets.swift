import SSR

/// Limits a site's pages must keep, as `explorer check` reads them from JSON (`explorer.json`):
///
/// ```json
/// {"budgets": [{"route": "/**", "maxPropsBytes": 128000, "noSecrets": true, "cache": "private"},
///              {"route": "/archive", "maxPropsBytes": 800000}]}
/// ```
///
/// A route pattern matches a page's path segment by segment: a literal, `*` one segment, `**` any
/// number of them. The most specific entry that matches a page is its budget: more literal
/// segments first, then fewer `**`, then fewer `*`. Unknown keys are an error, so that a typo
/// never passes silently.
public struct Budgets: Sendable {
    public struct Budget: Sendable, Equatable {
        public let route: String
        /// Bytes of JSON of the props a page may send.
        public let maxPropsBytes: Int?
        /// Bytes of JSON of the heaviest part of the props (a key at any depth).
        public let maxKeyBytes: Int?
        public let noSecrets: Bool?
        public let cache: CacheRule?
        /// The server's time for the page's data (else its document).
        public let maxServerMs: Double?
        public let noBrokenLinks: Bool?
    }

    /// Who may store a page's answer.
    public enum CacheRule: String, Sendable, CaseIterable {
        /// No shared cache (CDN, proxy) may store it.
        case `private`
        /// Nothing may store it.
        case noStore = "no-store"
        /// Shared caches may store it.
        case `public`
    }

    /// A budget kept or broken by a page.
    public struct Verdict: Sendable, Equatable {
        public let page: String
        /// The key of the budget (`maxPropsBytes`).
        public let rule: String
        /// The route pattern of the entry it comes from.
        public let route: String
        public let passed: Bool
        /// The figure against the limit, in words.
        public let message: String
    }

    public let budgets: [Budget]

    public struct Problem: Error, Sendable, Equatable {
        public let message: String

        public init(message: String) {
            self.message = message
        }
    }

    static let keys = ["route", "maxPropsBytes", "maxKeyBytes", "noSecrets", "cache", "maxServerMs", "noBrokenLinks"]

    public init(budgets: [Budget]) {
        self.budgets = budgets
    }

    public init(json text: String) throws(Problem) {
        let root: JSONValue
        do { root = try JSONValue(parsing: text) } catch { throw Problem(message: "not JSON: \(error)") }
        guard let members = root.objectValue else { throw Problem(message: #"expected an object {"budgets": [...]}"#) }
        for member in members where member.key != "budgets" {
            throw Problem(message: "unknown key \"\(member.key)\" at the top (only \"budgets\")")
        }
        guard case .array(let entries)? = root["budgets"] else { throw Problem(message: #"expected "budgets": an array of entries"#) }
        var budgets: [Budget] = []
        for (index, entry) in entries.enumerated() {
            let at = "budgets[\(index)]"
            guard let fields = entry.objectValue else { throw Problem(message: "\(at): expected an object") }
            for field in fields where !Budgets.keys.contains(field.key) {
                throw Problem(message: "\(at): unknown key \"\(field.key)\" (known: \(Budgets.keys.joined(separator: ", ")))")
            }
            guard let route = entry["route"]?.stringValue, route.hasPrefix("/") else {
                throw Problem(message: "\(at): \"route\" must be a path pattern starting with / (such as \"/**\" or \"/posts/*\")")
            }
            func count(_ key: String) throws(Problem) -> Double? {
                guard let value = entry[key] else { return nil }
                guard case .number(let number) = value, number >= 0 else { throw Problem(message: "\(at): \"\(key)\" must be a number ≥ 0") }
                return number
            }
            func flag(_ key: String) throws(Problem) -> Bool? {
                guard let value = entry[key] else { return nil }
                guard case .bool(let flag) = value else { throw Problem(message: "\(at): \"\(key)\" must be true or false") }
                return flag
            }
            var cache: CacheRule?
            if let value = entry["cache"] {
                guard let text = value.stringValue, let rule = CacheRule(rawValue: text) else {
                    let known = CacheRule.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                    throw Problem(message: "\(at): \"cache\" must be one of \(known)")
                }
                cache = rule
            }
            budgets.append(Budget(
                route: route, maxPropsBytes: try count("maxPropsBytes").map { Int($0) }, maxKeyBytes: try count("maxKeyBytes").map { Int($0) },
                noSecrets: try flag("noSecrets"), cache: cache, maxServerMs: try count("maxServerMs"), noBrokenLinks: try flag("noBrokenLinks")))
        }
        self.budgets = budgets
    }

    /// The entry for a page's path (its query aside): the most specific that matches.
    public func budget(for url: String) -> Budget? {
        let path = url.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? url
        let segments = path.split(separator: "/").map(String.init)
        return budgets.filter { Budgets.matches($0.route, segments) }
            .max { Budgets.specificity($0.route).lexicographicallyPrecedes(Budgets.specificity($1.route)) }
    }

    /// Every rule of the page's budget, kept or broken.
    public func judge(_ page: PageFigures) -> [Verdict] {
        guard let budget = budget(for: page.url) else { return [] }
        var verdicts: [Verdict] = []
        func add(_ rule: String, _ passed: Bool, _ message: String) {
            verdicts.append(Verdict(page: page.url, rule: rule, route: budget.route, passed: passed, message: message))
        }
        if let limit = budget.maxPropsBytes {
            let bytes = page.propsBytes ?? 0
            add("maxPropsBytes", bytes <= limit, "props \(Budgets.bytes(bytes)), limit \(Budgets.bytes(limit))")
        }
        if let limit = budget.maxKeyBytes {
            let heaviest = page.heaviest.first
            add("maxKeyBytes", (heaviest?.bytes ?? 0) <= limit,
                heaviest.map { "heaviest key \($0.path): \(Budgets.bytes($0.bytes)), limit \(Budgets.bytes(limit))" } ?? "no props")
        }
        if budget.noSecrets == true {
            add("noSecrets", page.secrets.isEmpty,
                page.secrets.isEmpty ? "no secret-looking value" : page.secrets.map { "\($0.path): \($0.reason)" }.joined(separator: "; "))
        }
        if let rule = budget.cache {
            let reading = page.cache
            let noStore = reading?.directives.contains { $0.name == "no-store" } ?? false
            let shared = reading?.sharedCacheable ?? false
            let passed = switch rule {
            case .private: !shared
            case .noStore: noStore
            case .public: shared
            }
            let header = reading?.header.map { "Cache-Control: \($0)" } ?? "no Cache-Control"
            let meaning = shared ? "shared caches may store it" : (noStore ? "no cache may store it" : "shared caches may not store it")
            add("cache", passed, "\(header) (\(meaning)), wanted \(rule.rawValue)")
        }
        if let limit = budget.maxServerMs {
            let ms = page.serverMilliseconds
            add("maxServerMs", (ms ?? 0) <= limit, ms.map { "server \(Timing.text(milliseconds: $0)), limit \(Timing.text(milliseconds: limit))" } ?? "not timed")
        }
        if budget.noBrokenLinks == true {
            add("noBrokenLinks", page.brokenLinks.isEmpty,
                page.brokenLinks.isEmpty ? "no link to a missing page" : "links to missing pages: " + page.brokenLinks.joined(separator: ", "))
        }
        return verdicts
    }

    static func bytes(_ count: Int) -> String { count < 1000 ? "\(count) B" : "\(PrettyBytes.format(count)) (\(count) B)" }

    static func matches(_ pattern: String, _ path: [String]) -> Bool {
        let parts = pattern.split(separator: "/").map(String.init)
        func match(_ p: Int, _ s: Int) -> Bool {
            if p == parts.count { return s == path.count }
            switch parts[p] {
            case "**": return (s...path.count).contains { match(p + 1, $0) }
            case "*": return s < path.count && match(p + 1, s + 1)
            default: return s < path.count && parts[p] == path[s] && match(p + 1, s + 1)
            }
        }
        return match(0, 0)
    }

    /// Larger is more specific: literal segments, then fewer `**`, then fewer `*`.
    static func specificity(_ pattern: String) -> [Int] {
        let parts = pattern.split(separator: "/")
        return [parts.filter { $0 != "*" && $0 != "**" }.count, -parts.filter { $0 == "**" }.count, -parts.filter { $0 == "*" }.count]
    }
}

import Foundation
import SSR

/// One rewrite of `next.config.js` as the build manifest gives it to the client (`__rewrites`):
/// its source pattern (with Next.js's locale prefix already in it on an internationalized site),
/// its destination, and its `has`/`missing` conditions. An external destination reaches the
/// client as none: the client cannot follow it and loads the page from the server instead.
struct Rewrite: Sendable {
    let source: String
    /// `nil`: an external rewrite, proxied by the server.
    let destination: String?
    let has: [Condition]
    let missing: [Condition]
    let pattern: PathToRegexp

    /// A `has`/`missing` condition: a header, cookie, query key or host, with an optional regular
    /// expression its value must match (named groups become parameters).
    struct Condition: Sendable {
        enum Kind: String, Sendable { case header, cookie, query, host }
        let kind: Kind
        let key: String
        let value: String?
    }

    /// What the client can see of the request for `has`/`missing`: `document.location.hostname`,
    /// `navigator.userAgent` and `document.cookie` (HttpOnly cookies are not in it).
    struct ClientRequest: Sendable {
        var host: String
        var userAgent: String
        var cookies: [String: String]
    }

    init?(_ json: JSONValue, trailingSlash: Bool) {
        guard let source = json["source"]?.stringValue else { return nil }
        self.source = source
        destination = json["destination"]?.stringValue
        has = (json["has"]?.arrayValue ?? []).compactMap(Condition.init)
        missing = (json["missing"]?.arrayValue ?? []).compactMap(Condition.init)
        // `getPathMatch(source + (trailingSlash ? '(/)?' : ''), { strict: true })`
        guard let pattern = try? PathToRegexp(source + (trailingSlash ? "(/)?" : ""), strict: true) else { return nil }
        self.pattern = pattern
    }

    /// The params when `pathname` matches the source and the conditions hold (`matchHas`); `nil`
    /// when it does not apply.
    func params(for pathname: String, query: RouterQuery, request: ClientRequest) -> RouterQuery? {
        guard var params = pattern.match(pathname) else { return nil }
        if !has.isEmpty || !missing.isEmpty {
            guard let found = Rewrite.matchHas(request, query, has: has, missing: missing) else { return nil }
            params.assign(found)
        }
        return params
    }

    /// `matchHas`: the parameters the conditions name (a key's value, or a regular expression's
    /// named groups) when every `has` holds and no `missing` does.
    static func matchHas(_ request: ClientRequest, _ query: RouterQuery, has: [Condition], missing: [Condition]) -> RouterQuery? {
        var params = RouterQuery()
        func holds(_ condition: Condition) -> Bool {
            let value: String?
            var key = condition.key
            switch condition.kind {
            case .header:
                key = key.lowercased()
                value = key == "host" ? request.host : key == "user-agent" ? request.userAgent : nil
            case .cookie: value = request.cookies[condition.key]
            case .query: value = query[key].map { $0.array.last ?? "" }
            case .host: value = request.host.split(separator: ":", maxSplits: 1).first.map { $0.lowercased() }
            }
            guard let value, !value.isEmpty else { return false }
            guard let wanted = condition.value else {
                params[key.filter { $0.isASCII && $0.isLetter }] = .string(value)
                return true
            }
            guard let regex = try? NSRegularExpression(pattern: "^" + wanted + "$"),
                let match = regex.firstMatch(in: value, range: NSRange(value.startIndex..., in: value))
            else { return false }
            for name in NamedGroups.names(in: wanted) {
                let range = match.range(withName: name)
                if range.location != NSNotFound, let swiftRange = Range(range, in: value) { params[name] = .string(String(value[swiftRange])) }
            }
            if condition.kind == .host, NamedGroups.names(in: wanted).isEmpty { params["host"] = .string(value) }
            return true
        }
        guard has.allSatisfy(holds), !missing.contains(where: holds) else { return nil }
        return params
    }
}

extension Rewrite.Condition {
    init?(_ json: JSONValue) {
        guard let kind = json["type"]?.stringValue.flatMap(Kind.init), let key = json["key"]?.stringValue ?? (kind == .host ? "" : nil) else {
            return nil
        }
        self.kind = kind
        self.key = key
        value = json["value"]?.stringValue
    }
}

/// The names of a regular expression's named groups (`(?<code>…)`), for Foundation's `range(withName:)`.
enum NamedGroups {
    static func names(in pattern: String) -> [String] {
        var names: [String] = []
        var rest = pattern[...]
        while let open = rest.range(of: "(?<") {
            let after = rest[open.upperBound...]
            guard let close = after.firstIndex(of: ">") else { break }
            let name = after[..<close]
            if let first = name.first, first != "=", first != "!" { names.append(String(name)) }
            rest = after[close...]
        }
        return names
    }
}

/// The three lists of `__rewrites`, in the order Next.js applies them.
struct Rewrites: Sendable {
    var beforeFiles: [Rewrite] = []
    var afterFiles: [Rewrite] = []
    var fallback: [Rewrite] = []

    var isEmpty: Bool { beforeFiles.isEmpty && afterFiles.isEmpty && fallback.isEmpty }

    /// From the build manifest's `__rewrites`: an object of the three lists, or (older builds)
    /// one list, which is `afterFiles`.
    init(_ json: JSONValue?, trailingSlash: Bool) {
        func list(_ value: JSONValue?) -> [Rewrite] { (value?.arrayValue ?? []).compactMap { Rewrite($0, trailingSlash: trailingSlash) } }
        if case .array = json {
            afterFiles = list(json)
        } else {
            beforeFiles = list(json?["beforeFiles"])
            afterFiles = list(json?["afterFiles"])
            fallback = list(json?["fallback"])
        }
    }

    init() {}
}

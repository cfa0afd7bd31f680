import Foundation

/// The simulated browser's cookies for the one site it explores (RFC 6265, without domains):
/// `Set-Cookie` from every response is kept and sent back on later requests whose path
/// matches, until it expires or a response deletes it.
///
/// ```swift
/// var jar = CookieJar()
/// jar.store(["theme=dark; Path=/; Max-Age=3600"], requestPath: "/settings", now: Date())
/// jar.cookies(for: "/posts/1", now: Date()).map(\.name)   // ["theme"]
/// ```
public struct CookieJar: Sendable, Equatable {
    public struct Cookie: Sendable, Equatable {
        public let name: String
        public let value: String
        public let path: String
        /// `nil` for a session cookie (kept until the explorer quits).
        public let expires: Date?
        /// `HttpOnly`: sent, but not in `document.cookie`, so the client's `has` checks do not see it.
        public var httpOnly = false
    }

    public private(set) var cookies: [Cookie] = []

    public init() {}

    /// Keeps the cookies of `setCookie` field values from a response to `requestPath`; one
    /// with `Max-Age=0` or an `Expires` in the past deletes the cookie. Returns the names set.
    @discardableResult
    public mutating func store(_ setCookie: [String], requestPath: String, now: Date) -> [String] {
        var names: [String] = []
        for field in setCookie {
            guard let cookie = CookieJar.parse(field, requestPath: requestPath, now: now) else { continue }
            cookies.removeAll { $0.name == cookie.name && $0.path == cookie.path }
            if let expires = cookie.expires, expires <= now { continue }
            cookies.append(cookie)
            names.append(cookie.name)
        }
        return names
    }

    /// The cookies a request to `path` carries: longer paths first, then oldest first.
    public func cookies(for path: String, now: Date) -> [Cookie] {
        cookies.enumerated()
            .filter { entry in (entry.element.expires.map { $0 > now } ?? true) && CookieJar.pathMatches(path, entry.element.path) }
            .sorted { $0.element.path.count != $1.element.path.count ? $0.element.path.count > $1.element.path.count : $0.offset < $1.offset }
            .map(\.element)
    }

    static func parse(_ field: String, requestPath: String, now: Date) -> Cookie? {
        let parts = field.split(separator: ";", omittingEmptySubsequences: false)
        guard let pair = parts.first, let equals = pair.firstIndex(of: "=") else { return nil }
        let name = pair[..<equals].trimmingCharacters(in: .whitespaces)
        let value = pair[pair.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !name.contains(where: { $0.isWhitespace }) else { return nil }
        var path = defaultPath(requestPath)
        var expires: Date?
        var maxAge: Date?
        var httpOnly = false
        for attribute in parts.dropFirst() {
            let kv = attribute.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let key = kv.first?.lowercased() else { continue }
            let argument = kv.count == 2 ? kv[1] : ""
            switch key {
            case "path" where argument.hasPrefix("/"): path = argument
            case "max-age":
                if let seconds = Int(argument) { maxAge = seconds <= 0 ? .distantPast : now.addingTimeInterval(TimeInterval(seconds)) }
            case "expires": expires = httpDate(argument)
            case "httponly": httpOnly = true
            default: break
            }
        }
        return Cookie(name: name, value: value, path: path, expires: maxAge ?? expires, httpOnly: httpOnly)
    }

    /// RFC 6265 §5.1.4: the request path up to its last `/`, or `/`.
    static func defaultPath(_ requestPath: String) -> String {
        let path = requestPath[...].pathAndRest.path
        guard path.utf8.first == UInt8(ascii: "/"), let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    /// RFC 6265 §5.1.4 path-match.
    static func pathMatches(_ requestPath: String, _ cookiePath: String) -> Bool {
        let path = requestPath[...].pathAndRest.path
        guard path.utf8.starts(with: cookiePath.utf8) else { return false }
        return path.utf8.count == cookiePath.utf8.count || cookiePath.utf8.last == UInt8(ascii: "/")
            || path.utf8.dropFirst(cookiePath.utf8.count).first == UInt8(ascii: "/")
    }

    /// `Wed, 21 Oct 2015 07:28:00 GMT` (and the obsolete `Wednesday, 21-Oct-15 …` form).
    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}

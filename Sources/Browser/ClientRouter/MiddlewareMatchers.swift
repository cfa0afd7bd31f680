import Foundation
import SSR

/// The proxy's (middleware's) matchers as the client has them: the regular expressions `next
/// build` made of `config.matcher` (every path when there is none). A navigation or prefetch to
/// a path they match asks the server first (a data request), whatever the page, because the
/// proxy may redirect or rewrite it. The client checks the path only; `has`/`missing` are the
/// server's to check.
public struct MiddlewareMatchers: Sendable {
    /// The `regexp` and `originalSource` of each matcher, as written.
    public let matchers: [(regexp: String, source: String?)]
    private let expressions: [NSRegularExpression]

    init?(_ json: JSONValue?) {
        guard let list = json?.arrayValue, !list.isEmpty else { return nil }
        var matchers: [(String, String?)] = []
        var expressions: [NSRegularExpression] = []
        for item in list {
            guard let regexp = item["regexp"]?.stringValue, let expression = try? NSRegularExpression(pattern: regexp) else { continue }
            matchers.append((regexp, item["originalSource"]?.stringValue))
            expressions.append(expression)
        }
        guard !matchers.isEmpty else { return nil }
        self.matchers = matchers
        self.expressions = expressions
    }

    /// What the matchers match, in words: "every path", or their sources (`/account/:path*, /about`).
    public var summary: String {
        let sources = matchers.map { $0.source ?? $0.regexp }
        if sources.contains(where: { $0 == "/:path*" || $0 == ".*" || $0 == "^/.*$" }) { return "every path" }
        return sources.joined(separator: ", ")
    }

    /// `matchesMiddleware`: `asPath` (with or without basePath) with basePath and `locale` put in
    /// front, tested against each matcher.
    func matches(_ asPath: String, locale: String?, config: RouterConfig) -> Bool {
        let pathname = RouterConfig.parsePath(asPath).pathname
        let cleaned = config.hasBasePath(pathname) ? config.removeBasePath(pathname) : pathname
        let full = config.addBasePath(config.addLocale(cleaned, locale))
        let range = NSRange(full.startIndex..., in: full)
        return expressions.contains { $0.firstMatch(in: full, range: range) != nil }
    }

    /// The matchers a webpack build compiled into its main chunk (`getMiddleware`: `[{regexp:…}]`).
    static func inMainChunk(_ script: [UInt8]) -> MiddlewareMatchers? {
        // The method's definition (not its calls): the array follows within its first lines,
        // before the next method (`getDataHref`) begins.
        var from = script.startIndex
        while let method = script[from...].firstRange(of: Array("getMiddleware".utf8)) {
            from = method.upperBound
            let window = script[method.upperBound..<min(script.count, method.upperBound + 600)]
            let end = window.firstRange(of: Array("getDataHref".utf8))?.lowerBound ?? window.endIndex
            for opening in ["[{regexp:", "[{\"regexp\":"] {
                guard let found = window.firstRange(of: Array(opening.utf8)), found.lowerBound < end else { continue }
                return MiddlewareMatchers(JavaScriptLiteral.value(in: script, at: found.lowerBound))
            }
        }
        return nil
    }

    /// Turbopack's `_clientMiddlewareManifest.js` (`self.__MIDDLEWARE_MATCHERS=[…]`) or `next dev`'s
    /// `_devMiddlewareManifest.json`.
    static func inManifest(_ body: [UInt8]) -> MiddlewareMatchers? {
        if let json = try? JSONValue(parsing: body) { return MiddlewareMatchers(json) }
        return MiddlewareMatchers(JavaScriptLiteral.assigned(to: "__MIDDLEWARE_MATCHERS", in: body))
    }
}

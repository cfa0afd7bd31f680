/// What a request path asks for, before any page runs: a redirect that normalizes the path,
/// a malformed path, a path outside the site, or a page (as a document or a data request).
package enum RequestTarget: Equatable {
    /// 308 to this location (repeated slashes, trailing slash).
    case normalize(location: String)
    /// 400: the path is not in origin form (does not start with `/`).
    case badRequest
    /// 404 before routing: outside basePath, wrong buildId, not `.json`, no locale in a data URL.
    case notFound
    case page(PageRequest)

    package struct PageRequest: Equatable {
        /// The page path, still percent-encoded: `/posts/1`.
        package var path: Substring
        /// The raw query string, without `?`.
        package var query: Substring
        package var locale: String?
        /// The locale came from the path (`/fr/…`), not the default.
        package var hasLocalePrefix = false
        package var isData: Bool
        /// `req.url`: the URL without basePath and locale (for data requests, the data URL).
        package var url: String
        /// A data URL written with an extra `/index` (`index/500.json` for `/500`): the same
        /// route, but not the asset of a page `next dev` would render there.
        package var isIndexedAsset = false
    }

    package init(path requestPath: String, site: Site, buildId: String) {
        // A fragment is not part of a request target; a URL parser would drop it.
        // Byte searches and comparisons throughout: Character-level `hasPrefix`, `count` and
        // `firstIndex(of:)` were a tenth of a small page's time. All delimiters are ASCII.
        let target = requestPath[...].withoutFragment
        var rawPath = target
        var query = Substring("")
        if let q = target.utf8.firstIndex(of: UInt8(ascii: "?")) {
            rawPath = target[..<q]
            query = target[target.utf8.index(after: q)...]
        }
        guard rawPath.utf8.first == UInt8(ascii: "/") else {
            self = .badRequest
            return
        }
        // Repeated slashes or backslashes: 308 to the clean path (Next.js's handleRequestImpl),
        // the query as it came.
        if RequestTarget.hasRepeatedSlashOrBackslash(rawPath.utf8) {
            let clean = Substring(RequestTarget.normalizeRepeatedSlashes(String(rawPath)))
            let (path, query) = RequestTarget.asNodeParsesIt(clean, query)
            self = .normalize(location: path + (query.isEmpty ? "" : "?" + query))
            return
        }
        (rawPath, query) = RequestTarget.asNodeParsesIt(rawPath, query)
        let search = query.isEmpty ? "" : "?" + query

        let basePath = site.basePath
        var path = rawPath
        if !basePath.isEmpty {
            guard rawPath == basePath || (rawPath.utf8.starts(with: basePath.utf8) && rawPath.utf8.dropFirst(basePath.utf8.count).first == UInt8(ascii: "/")) else {
                self = .notFound
                return
            }
            path = rawPath[rawPath.utf8.index(rawPath.startIndex, offsetBy: basePath.utf8.count)...]
            // `/docs` and `/docs/` are both the root: Next.js answers the second as it is, with no
            // trailing-slash redirect (measured on next start 15.2.4).
            if path.isEmpty { path = "/" }
        }

        // Every path, `/_next/…` included, loses a trailing slash first (Next.js's built-in
        // `/:path+/` redirect, which writes the query anew).
        if path.utf8.count > 1 && path.utf8.last == UInt8(ascii: "/") {
            let trimmed = path.withoutTrailingSlashes
            let query = SearchParams.redirectQuery(query)
            self = .normalize(location: basePath + (trimmed == "/" && !basePath.isEmpty ? "" : trimmed) + (query.isEmpty ? "" : "?" + query))
            return
        }
        if path.utf8.starts(with: "/_next/data/".utf8) {
            self = RequestTarget.data(path, query: query, search: search, site: site, buildId: buildId)
            return
        }
        if path.utf8.starts(with: "/_next/".utf8) {
            self = .notFound
            return
        }
        var locale: String?
        var hasLocalePrefix = false
        if let i18n = site.i18n {
            if let (match, rest) = LocalePrefix.split(path, locales: i18n.locales) {
                locale = match
                hasLocalePrefix = true
                path = rest.isEmpty ? "/" : rest
            } else {
                locale = i18n.defaultLocale
            }
        }
        self = .page(PageRequest(
            path: path, query: query, locale: locale, hasLocalePrefix: hasLocalePrefix, isData: false, url: String(path) + search))
    }

    /// Node's `url.parse`, which Next.js reads every request target with, escapes a few
    /// characters once the path holds an `@` (it would be read as a user name otherwise);
    /// redirects show the escaped form.
    static func asNodeParsesIt(_ path: Substring, _ query: Substring) -> (path: Substring, query: Substring) {
        guard path.utf8.contains(UInt8(ascii: "@")) else { return (path, query) }
        return (Substring(nodeEscaped(path, isQuery: false)), Substring(nodeEscaped(query, isQuery: true)))
    }

    /// Node's `url.parse` auto-escaping: `"`, `'`, `<`, `>`, `^`, `` ` ``, `{`, `|`, `}` as `%XX`; a
    /// `\` is `/` in the path and `%5C` in the query.
    private static func nodeEscaped(_ text: Substring, isQuery: Bool) -> String {
        var out: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\") where !isQuery: out.append(UInt8(ascii: "/"))
            case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "^"), UInt8(ascii: "`"),
                UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"), UInt8(ascii: "\\"):
                out += Array(PercentDecoding.escaped(byte).utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A byte scan: Foundation's `contains` on strings goes through CFString and showed in profiles.
    static func hasRepeatedSlashOrBackslash(_ bytes: Substring.UTF8View) -> Bool {
        var previousSlash = false
        for b in bytes {
            if b == UInt8(ascii: "\\") || (b == UInt8(ascii: "/") && previousSlash) { return true }
            previousSlash = b == UInt8(ascii: "/")
        }
        return false
    }

    /// Next.js's `normalizeRepeatedSlashes`: in the path part, `\` → `/` and `//+` → `/`; the
    /// query is left as it is.
    static func normalizeRepeatedSlashes(_ url: String) -> String {
        // Bytes: a `\` with a combining mark after it is one Character, which a Character
        // loop kept while the byte check above redirected again, forever (found by fuzzing).
        let queryStart = url.utf8.firstIndex(of: UInt8(ascii: "?")) ?? url.endIndex
        var path: [UInt8] = []
        for byte in url.utf8[..<queryStart] {
            let b = byte == UInt8(ascii: "\\") ? UInt8(ascii: "/") : byte
            if b == UInt8(ascii: "/") && path.last == UInt8(ascii: "/") { continue }
            path.append(b)
        }
        return String(decoding: path, as: UTF8.self) + url[queryStart...]
    }

    /// `//a`, `/a//b` or `/a/`: a segment after the leading `/` is empty. A byte scan, not a
    /// split: this runs for every data request.
    private static func hasEmptySegment(_ bytes: String.UTF8View) -> Bool {
        var previousSlash = false
        for b in bytes {
            if b == UInt8(ascii: "/") && previousSlash { return true }
            previousSlash = b == UInt8(ascii: "/")
        }
        return previousSlash
    }

    /// `/_next/data/<buildId>/<asset path>.json` (Next.js's `handleNextDataRequest`).
    private static func data(_ path: Substring, query: Substring, search: String, site: Site, buildId: String) -> RequestTarget {
        let rest = path[path.utf8.index(path.startIndex, offsetBy: "/_next/data/".utf8.count)...]
        guard let slash = rest.utf8.firstIndex(of: UInt8(ascii: "/")), rest[..<slash].utf8.elementsEqual(buildId.utf8) else {
            return .notFound
        }
        let asset = rest[slash...]
        guard asset.utf8.suffix(5).elementsEqual(".json".utf8), asset.utf8.count >= "/.json".utf8.count else { return .notFound }
        // `/.json` is the index, as `/index.json` (Next.js strips `.json` from `/.json`).
        let assetPath = String(asset[..<asset.utf8.index(asset.endIndex, offsetBy: -".json".utf8.count)])
        guard assetPath.utf8.count == 1 || !RequestTarget.hasEmptySegment(assetPath.utf8) else { return .notFound }
        var route = Substring(DataPath.route(fromAssetPath: assetPath))
        var locale: String?
        if let i18n = site.i18n {
            // The locale is always in a data URL; without one the request is a 404
            // (and never bypasses the checks of the locale-prefixed page, CVE-2026-44573).
            guard let (match, rest) = LocalePrefix.split(route, locales: i18n.locales) else { return .notFound }
            locale = match
            route = rest.isEmpty ? "/" : rest
        }
        return .page(PageRequest(
            path: route, query: query, locale: locale, hasLocalePrefix: locale != nil, isData: true, url: String(path) + search,
            isIndexedAsset: assetPath.utf8.starts(with: "/index/".utf8)))
    }
}

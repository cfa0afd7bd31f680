/// What Next.js's client knows of a site's `next.config.js` — its `basePath`, locales and
/// `trailingSlash` — and the path helpers its router writes with them (`addBasePath`,
/// `addLocale`, `normalizePathTrailingSlash` …), each as Next.js's client does it.
public struct RouterConfig: Sendable, Equatable {
    public var basePath: String
    /// An internationalized site's locales; empty for none.
    public var locales: [String]
    public var defaultLocale: String?
    /// `trailingSlash: true`: every page URL ends with `/`.
    public var trailingSlash: Bool

    public init(basePath: String = "", locales: [String] = [], defaultLocale: String? = nil, trailingSlash: Bool = false) {
        self.basePath = basePath
        self.locales = locales
        self.defaultLocale = defaultLocale
        self.trailingSlash = trailingSlash
    }

    var hasLocales: Bool { !locales.isEmpty }

    // MARK: - Paths (shared/lib/router/utils)

    /// `parsePath`: `/a?b#c` → (`/a`, `?b`, `#c`).
    static func parsePath(_ path: String) -> (pathname: String, query: String, hash: String) {
        let hashIndex = path.firstIndex(of: "#")
        let queryIndex = path.firstIndex(of: "?")
        if let queryIndex, hashIndex == nil || queryIndex < hashIndex! {
            return (String(path[..<queryIndex]), String(path[queryIndex..<(hashIndex ?? path.endIndex)]), hashIndex.map { String(path[$0...]) } ?? "")
        }
        if let hashIndex { return (String(path[..<hashIndex]), "", String(path[hashIndex...])) }
        return (path, "", "")
    }

    static func removeTrailingSlash(_ route: String) -> String {
        let trimmed = route.hasSuffix("/") ? String(route.dropLast()) : route
        return trimmed.isEmpty ? "/" : trimmed
    }

    static func pathHasPrefix(_ path: String, _ prefix: String) -> Bool {
        let pathname = parsePath(path).pathname
        return pathname == prefix || pathname.hasPrefix(prefix + "/")
    }

    static func addPathPrefix(_ path: String, _ prefix: String?) -> String {
        guard path.hasPrefix("/"), let prefix, !prefix.isEmpty else { return path }
        let (pathname, query, hash) = parsePath(path)
        return prefix + pathname + query + hash
    }

    static func removePathPrefix(_ path: String, _ prefix: String) -> String {
        guard pathHasPrefix(path, prefix) else { return path }
        let rest = String(path.dropFirst(prefix.count))
        return rest.hasPrefix("/") ? rest : "/" + rest
    }

    /// `normalizeLocalePath`: `/fr/about` → (`/about`, `fr`).
    func normalizeLocalePath(_ pathname: String) -> (pathname: String, locale: String?) {
        guard hasLocales else { return (pathname, nil) }
        let segments = pathname.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard segments.count > 1, !segments[1].isEmpty else { return (pathname, nil) }
        let segment = segments[1].lowercased()
        guard let locale = locales.first(where: { $0.lowercased() == segment }) else { return (pathname, nil) }
        let rest = String(pathname.dropFirst(locale.count + 1))
        return (rest.isEmpty ? "/" : rest, locale)
    }

    /// The shared `addLocale` (no trailing-slash normalization).
    func prefixLocale(_ path: String, _ locale: String?, defaultLocale: String? = nil, ignorePrefix: Bool = false) -> String {
        guard let locale, locale != defaultLocale else { return path }
        let lower = path.lowercased()
        if !ignorePrefix {
            if RouterConfig.pathHasPrefix(lower, "/api") || RouterConfig.pathHasPrefix(lower, "/" + locale.lowercased()) { return path }
        }
        return RouterConfig.addPathPrefix(path, "/" + locale)
    }

    // MARK: - The client's versions (client/*.ts)

    /// `normalizePathTrailingSlash`.
    func normalizeTrailingSlash(_ path: String) -> String {
        guard path.hasPrefix("/") else { return path }
        let (pathname, query, hash) = RouterConfig.parsePath(path)
        guard trailingSlash else { return RouterConfig.removeTrailingSlash(pathname) + query + hash }
        // A file name (`/robots.txt`: `/\.[^/]+\/?$/`) keeps no slash.
        let last = (pathname.hasSuffix("/") ? pathname.dropLast() : pathname[...]).split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        if let dot = last.firstIndex(of: "."), last.index(after: dot) < last.endIndex {
            return RouterConfig.removeTrailingSlash(pathname) + query + hash
        }
        return (pathname.hasSuffix("/") ? pathname : pathname + "/") + query + hash
    }

    func addBasePath(_ path: String) -> String { normalizeTrailingSlash(RouterConfig.addPathPrefix(path, basePath)) }

    func hasBasePath(_ path: String) -> Bool { RouterConfig.pathHasPrefix(path, basePath) }

    func removeBasePath(_ path: String) -> String {
        guard !basePath.isEmpty else { return path }
        let rest = String(path.dropFirst(basePath.count))
        return rest.hasPrefix("/") ? rest : "/" + rest
    }

    /// The client's `addLocale` (with trailing-slash normalization).
    func addLocale(_ path: String, _ locale: String?, defaultLocale: String? = nil) -> String {
        guard hasLocales else { return path }
        return normalizeTrailingSlash(prefixLocale(path, locale, defaultLocale: defaultLocale))
    }

    /// `removeLocale`.
    func removeLocale(_ path: String, _ locale: String?) -> String {
        guard hasLocales, let locale else { return path }
        let pathname = RouterConfig.parsePath(path).pathname
        let lower = pathname.lowercased(), localeLower = locale.lowercased()
        guard lower.hasPrefix("/" + localeLower + "/") || lower == "/" + localeLower else { return path }
        return (pathname.count == locale.count + 1 ? "/" : "") + String(path.dropFirst(locale.count + 1))
    }

    // MARK: - Pathname info (get/format-next-pathname-info)

    /// A pathname read as Next.js reads one: its basePath, data URL (`/_next/data/<id>/…json`)
    /// and locale taken off.
    struct PathnameInfo {
        var pathname: String
        var basePath: String?
        var buildId: String?
        var locale: String?
        var trailingSlash: Bool
    }

    /// `getNextPathnameInfo(pathname, { nextConfig, parseData: true })`.
    func pathnameInfo(_ pathname: String, withLocales: Bool = true) -> PathnameInfo {
        var info = PathnameInfo(pathname: pathname, trailingSlash: pathname != "/" ? pathname.hasSuffix("/") : trailingSlash)
        if !basePath.isEmpty, RouterConfig.pathHasPrefix(info.pathname, basePath) {
            info.pathname = RouterConfig.removePathPrefix(info.pathname, basePath)
            info.basePath = basePath
        }
        var withoutDataPrefix = info.pathname
        if info.pathname.hasPrefix("/_next/data/"), info.pathname.hasSuffix(".json") {
            let parts = info.pathname.dropFirst("/_next/data/".count).dropLast(".json".count).split(separator: "/", omittingEmptySubsequences: false)
            info.buildId = String(parts[0])
            withoutDataPrefix = parts.count > 1 && parts[1] != "index" ? "/" + parts.dropFirst().joined(separator: "/") : "/"
            info.pathname = withoutDataPrefix
        }
        if withLocales, hasLocales {
            let result = normalizeLocalePath(info.pathname)
            info.locale = result.locale
            info.pathname = result.pathname
            if result.locale == nil, info.buildId != nil { info.locale = normalizeLocalePath(withoutDataPrefix).locale }
        }
        return info
    }

    /// `formatNextPathnameInfo({...info, defaultLocale, buildId: ''})`: the path a redirect of
    /// the proxy names, written back for the router.
    func format(_ info: PathnameInfo, defaultLocale: String?) -> String {
        var pathname = prefixLocale(info.pathname, info.locale, defaultLocale: defaultLocale)
        if !info.trailingSlash { pathname = RouterConfig.removeTrailingSlash(pathname) }
        pathname = RouterConfig.addPathPrefix(pathname, info.basePath)
        return info.trailingSlash ? (pathname.hasSuffix("/") ? pathname : pathname + "/") : RouterConfig.removeTrailingSlash(pathname)
    }
}

/// The path part of a data URL, `/_next/data/<buildId><asset path>.json`, as Next.js's
/// `getAssetPathFromRoute` and `getRouteFromAssetPath` compute it.
package enum DataPath {
    /// `/` → `/index`; `/index` and `/index/…` get another `/index` in front; else unchanged.
    package static func assetPath(fromRoute route: String) -> String {
        if route == "/" { return "/index" }
        if route == "/index" || route.hasPrefix("/index/") { return "/index" + route }
        return route
    }

    /// The inverse: `/index` → `/`, `/index/foo` → `/foo` (unless dynamic), else unchanged.
    package static func route(fromAssetPath asset: String) -> String {
        // Bytes: this runs for every data request, and Character comparisons showed in profiles.
        let bytes = asset.utf8
        if bytes.starts(with: "/index/".utf8) && !bytes.contains(UInt8(ascii: "[")) {
            return String(asset[bytes.index(bytes.startIndex, offsetBy: "/index".utf8.count)...])
        }
        if bytes.elementsEqual("/index".utf8) { return "/" }
        return asset
    }

    /// The data URL a Next.js client fetches for a page path on a client transition:
    /// `dataURL(for: "/posts/1?ref=x", buildId: "B")` → `/_next/data/B/posts/1.json?ref=x`.
    /// With i18n the locale is always in it; a trailing slash is removed first.
    package static func dataURL(for path: String, buildId: String, basePath: String = "", locale: String? = nil) -> String {
        // Bytes, as JavaScript reads a URL: a `?` followed by a combining mark is one Character
        // but still starts the query.
        var pathname = Substring(path)
        var search = Substring("")
        if let q = path.utf8.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
            pathname = path[..<q]
            if path.utf8[q] == UInt8(ascii: "?") {
                let end = path.utf8[q...].firstIndex(of: UInt8(ascii: "#")) ?? path.endIndex
                search = path[q..<end]
            }
        }
        pathname = pathname.withoutTrailingSlashes
        var route = String(pathname.isEmpty ? "/" : pathname)
        if let locale { route = route == "/" ? "/" + locale : "/" + locale + route }
        return basePath + "/_next/data/" + buildId + assetPath(fromRoute: route) + ".json" + search
    }
}

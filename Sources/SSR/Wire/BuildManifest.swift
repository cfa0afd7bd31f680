import HTTPTypes

/// `/_next/static/<buildId>/_buildManifest.js`, in Next.js's format: how a client learns the
/// site's pages (`sortedPages`) without a page of its own. Pages have no JavaScript chunks
/// here (the engine renders on the server only), so each page's list is empty.
///
/// ```js
/// self.__BUILD_MANIFEST = {"__rewrites":{…},"/":[],"/posts/[id]":[],"sortedPages":["/","/_app","/_error","/posts/[id]"]};self.__BUILD_MANIFEST_CB && self.__BUILD_MANIFEST_CB()
/// ```
struct BuildManifest {
    let site: Site

    static func isRequest(_ path: String, basePath: String, buildId: String) -> Bool {
        // Compared piece by piece in UTF-8: this runs for every request.
        var rest = path.utf8[...]
        func take(_ piece: String) -> Bool {
            guard rest.starts(with: piece.utf8) else { return false }
            rest = rest.dropFirst(piece.utf8.count)
            return true
        }
        guard take(basePath), take("/_next/static/"), take(buildId), take("/_buildManifest.js") else { return false }
        return rest.first.map { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? true
    }

    /// Every page in Next.js's order (`getSortedRoutes`), its special pages among them: `/_app`,
    /// `/_error`, and `/404` and `/500` when the site has its own.
    var sortedPages: [String] {
        var special = ["/_app", "/_error"]
        if site.notFoundPage != nil { special.append("/404") }
        if site.errorPage != nil { special.append("/500") }
        let all = site.sortedRoutes + special.compactMap { try? RoutePattern(route: $0) }
        let sorted = (try? RouteTable(all.map { ($0, ()) }))?.patterns ?? all
        return sorted.map(\.description)
    }

    var javaScript: [UInt8] {
        // Script-safe strings: a page name can never close a script element.
        func quoted(_ text: String) -> [UInt8] {
            var out: [UInt8] = []
            _ = JSONStringEscaping.append(text, to: &out, scriptSafe: true)
            return out
        }
        var out = Array(#"self.__BUILD_MANIFEST = {"__rewrites":{"afterFiles":[],"beforeFiles":[],"fallback":[]}"#.utf8)
        for page in sortedPages where page != "/_app" && page != "/_error" {
            out += Array(",".utf8) + quoted(page) + Array(":[]".utf8)
        }
        out += Array(#","sortedPages":["#.utf8)
        out += sortedPages.map(quoted).joined(separator: Array(",".utf8))
        out += Array("]};self.__BUILD_MANIFEST_CB && self.__BUILD_MANIFEST_CB()".utf8)
        return out
    }

    /// Static assets never change under one build ID: cached for a year, as Next.js serves them.
    static let cacheControl = "public, max-age=31536000, immutable"

    /// The manifest as `next start` serves its static files (`UTF-8` in capitals, as there).
    func response(generateEtags: Bool, cacheControl: String?) -> EngineResponse {
        EngineResponse(
            status: .ok, headers: [:], contentType: "application/javascript; charset=UTF-8",
            cacheControl: cacheControl, body: javaScript, timing: ServerTiming(), etag: generateEtags)
    }
}

import SSR

/// Reads Next.js's client manifests (`_buildManifest.js`, `_ssgManifest.js`): JavaScript
/// literals, often minified and wrapped in a function, not JSON (spec, "Confirmed on real
/// Next.js build output"). Their arrays are read string by string.
enum BuildManifestReader {
    /// The site's page routes among `pages`, without Next.js's special pages (`/_app`,
    /// `/_error`, `/_document`, `/404`, `/500`).
    static func routes(_ pages: [String]) -> [RoutePattern] {
        pages.compactMap { route -> RoutePattern? in
            guard !Site.specialPages.contains(route) else { return nil }
            return try? RoutePattern(route: route)
        }
    }

    /// Every page `next dev` knows, compiled or not: its `_devPagesManifest.json`
    /// (`{"pages":["/","/404",…]}`), which Next's client reads in development, where the build
    /// manifest lists only the pages compiled so far.
    static func devPages(_ json: [UInt8]) -> [String]? {
        guard case .array(let pages)? = (try? JSONValue(parsing: json[...]))?["pages"] else { return nil }
        return pages.compactMap(\.stringValue)
    }

    /// `sortedPages` as written, special pages included.
    static func sortedPages(_ javaScript: [UInt8]) -> [String]? {
        let key = Array("sortedPages".utf8)
        guard let found = javaScript.firstRange(of: key) else { return nil }
        var index = found.upperBound
        // `sortedPages:[` or `"sortedPages":[`
        while index < javaScript.count, javaScript[index] == UInt8(ascii: "\"") || javaScript[index] == UInt8(ascii: ":") || javaScript[index] == 0x20 {
            index += 1
        }
        guard index < javaScript.count, javaScript[index] == UInt8(ascii: "[") else { return nil }
        return arrayStrings(javaScript, from: index)
    }

    /// Each page's JavaScript files, as the manifest maps them
    /// (`"/login":["static/chunks/pages/login-….js"]`), for the pages named.
    static func chunks(_ javaScript: [UInt8], pages: [String]) -> [String: [String]] {
        var found: [String: [String]] = [:]
        for page in pages {
            guard let key = javaScript.firstRange(of: Array((JSONValue.string(page).jsonText + ":[").utf8)),
                  let files = arrayStrings(javaScript, from: key.upperBound - 1)
            else { continue }
            found[page] = files
        }
        return found
    }

    /// The pages `_ssgManifest.js` lists (`self.__SSG_MANIFEST=new Set(["/a","/b"])`): those
    /// with getStaticProps. Empty for `new Set` (none) or an unreadable file.
    static func ssgPages(_ javaScript: [UInt8]) -> Set<String> {
        guard let set = javaScript.firstRange(of: Array("new Set([".utf8)) else { return [] }
        return Set(arrayStrings(javaScript, from: set.upperBound - 1) ?? [])
    }

    /// A page's kind from its module, as Next's client learns it: the module exports `__N_SSP`
    /// (getServerSideProps) or `__N_SSG` (getStaticProps); else it has `getInitialProps` (its
    /// own, or `appGetInitialProps`: a custom App's), or it is static.
    static func kind(ofModule javaScript: [UInt8], appGetInitialProps: Bool = false) -> SiteInfo.Route.Kind {
        if javaScript.firstRange(of: Array("__N_SSP".utf8)) != nil { return .serverSide }
        if javaScript.firstRange(of: Array("__N_SSG".utf8)) != nil { return .staticProps }
        if appGetInitialProps || javaScript.firstRange(of: Array(".getInitialProps=".utf8)) != nil
            || javaScript.firstRange(of: Array(".getInitialProps =".utf8)) != nil
        {
            return .initialProps
        }
        return .static
    }

    /// The build manifest read as the data it is (`self.__BUILD_MANIFEST=…`): `nil` when it is
    /// not a literal this reading understands (then only `sortedPages` is scanned for).
    static func manifest(_ javaScript: [UInt8]) -> JSONValue? {
        let value = JavaScriptLiteral.assigned(to: "__BUILD_MANIFEST", in: javaScript)
        guard case .object? = value else { return nil }
        return value
    }

    /// The Next.js version the client's main chunk names (`var X="16.2.1"`, `version = "15.2.4"`),
    /// `nil` when it names none.
    static func nextVersion(inMainChunk javaScript: [UInt8]) -> String? {
        let text = String(decoding: javaScript, as: UTF8.self)
        guard let found = text.range(of: #"(var [A-Za-z_$][\w$]*=|version\s*=\s*)"\d{2}\.\d+\.\d+(-[\w.]+)?""#, options: .regularExpression) else {
            return nil
        }
        let literal = text[found].drop { $0 != "\"" }
        return String(literal.dropFirst().dropLast())
    }

    /// Whether the client was built with `trailingSlash: true`: its main chunk then keeps the
    /// branch of `normalizePathTrailingSlash` that adds the slash (`/\.[^/]+\/?$/` is that
    /// branch's test); a minified build drops it otherwise, and a development one writes the
    /// condition out as `if (false)`.
    static func trailingSlash(inMainChunk javaScript: [UInt8]) -> Bool {
        guard let test = javaScript.firstRange(of: Array(#"/\.[^/]+\/?$/.test("#.utf8)) else { return false }
        let before = String(decoding: javaScript[max(0, test.lowerBound - 40)..<test.lowerBound], as: UTF8.self)
        return !(before.contains("if(false)") || before.contains("if (false)"))
    }

    /// The strings of the array literal opened at `start`, `nil` when it does not close.
    /// Brackets inside strings (`[id]`) do not count, and what is not a string is passed over: a
    /// minified manifest names shared chunks by variable (`[e,"static/…"]`).
    private static func arrayStrings(_ bytes: [UInt8], from start: Int) -> [String]? {
        var strings: [String] = []
        var open: Int?, escaped = false
        for index in start..<bytes.count {
            let byte = bytes[index]
            if let stringStart = open {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") {
                    if case .string(let text)? = try? JSONValue(parsing: bytes[stringStart...index]) { strings.append(text) }
                    open = nil
                }
            } else if byte == UInt8(ascii: "\"") {
                open = index
            } else if byte == UInt8(ascii: "]") {
                return strings
            }
        }
        return nil
    }
}

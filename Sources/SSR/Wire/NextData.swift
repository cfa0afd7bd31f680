/// The inline `__NEXT_DATA__` object a document carries for the client, in Next.js's key order:
/// `props, page, query, buildId, nextExport?, autoExport?, isFallback, isExperimentalCompile?,
/// err?, gssp?, gip?, locale?, locales?, defaultLocale?, notFoundSrcPage?, scriptLoader`.
struct NextData {
    enum Props {
        /// A gSSP page: `{"pageProps":…,"__N_SSP":true}`.
        case serverSide(ErasedProps)
        /// A static page: `{"pageProps":{}}`.
        case empty
        /// The `_error` page: `{"pageProps":{"statusCode":N}}`, and the server's host name when
        /// rendered for a request (its `getInitialProps` reads it; a prerendered one has none).
        case statusCode(Int, hostname: String?)
    }

    /// `err` in dev: what the client's error overlay shows.
    struct DevError: Encodable {
        var name: String
        var source = "server"
        var message: String
        var stack: String
    }

    var props: Props
    var page: String
    var query: QueryParameters
    var buildId: String
    /// Automatically statically optimized (a page without gSSP): `nextExport` and `autoExport`.
    var autoExport = false
    /// The prerendered `_error` page (404, 500 in production): `nextExport` only.
    var nextExport = false
    /// `isExperimentalCompile:false`: `next start` writes its config's value into documents it
    /// renders for a request; prerendered ones and `next dev` have no such key.
    var experimentalCompile = false
    var err: DevError?
    var gip = false
    var i18n: (locale: String, locales: [String], defaultLocale: String)?
    /// `next dev` only: the page whose `notFound` is being shown.
    var notFoundSrcPage: String?

    /// Writes the object, script-safe. Returns the length `JSON.stringify` would give (the
    /// large-page-data measure: without the bytes added by escaping) and where pageProps start.
    func write(into out: inout [UInt8]) throws(SerializationError) -> (length: Int, pagePropsOffset: Int) {
        let start = out.count
        var escapes = 0
        func key(_ k: StaticString) { k.withUTF8Buffer { out.append(contentsOf: $0) } }
        func string(_ s: String) { escapes += JSONStringEscaping.append(s, to: &out, scriptSafe: true) }
        key("{\"props\":{\"pageProps\":")
        let pagePropsOffset = out.count
        switch props {
        case .serverSide(let p):
            escapes += try p.encode(&out, true)
            key(",\"__N_SSP\":true}")
        case .empty: key("{}}")
        case .statusCode(let code, let hostname):
            key("{\"statusCode\":")
            out.append(contentsOf: String(code).utf8)
            if let hostname {
                key(",\"hostname\":")
                string(hostname)
            }
            key("}}")
        }
        key(",\"page\":")
        string(page)
        key(",\"query\":")
        if query.isEmpty { key("{}") } else { escapes += try PropsEncoder(scriptSafe: true).encode(query, into: &out) }
        key(",\"buildId\":")
        string(buildId)
        if nextExport || autoExport { key(",\"nextExport\":true") }
        if autoExport { key(",\"autoExport\":true") }
        key(",\"isFallback\":false")
        if experimentalCompile { key(",\"isExperimentalCompile\":false") }
        if let err {
            key(",\"err\":")
            escapes += try PropsEncoder(scriptSafe: true).encode(err, into: &out)
        }
        if case .serverSide = props { key(",\"gssp\":true") }
        if gip { key(",\"gip\":true") }
        if let i18n {
            key(",\"locale\":")
            string(i18n.locale)
            key(",\"locales\":[")
            for (i, locale) in i18n.locales.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                string(locale)
            }
            key("],\"defaultLocale\":")
            string(i18n.defaultLocale)
        }
        if let notFoundSrcPage {
            key(",\"notFoundSrcPage\":")
            string(notFoundSrcPage)
        }
        key(",\"scriptLoader\":[]}")
        return (out.count - start - escapes, pagePropsOffset)
    }
}

import Foundation
import HTTPTypes
import SSR

/// The simulated browser tab. It navigates as Next.js's client router does (its `router.ts`,
/// read for Next.js 15 and 16, and checked against Chromium running it):
///
/// - a **client transition** (`next/link`, `router.push`) resolves the path against the build's
///   pages and rewrites, asks the proxy (middleware) first when its matchers match — a data
///   request whatever the page — and follows what it says (`x-nextjs-redirect`,
///   `x-nextjs-rewrite`), fetches `/_next/data/<buildId>/<path>.json` for a page with
///   getServerSideProps or getStaticProps (a static page fetches nothing), follows
///   `__N_REDIRECT`, renders the 404 page for `{"notFound":true}`, and falls back to a hard
///   navigation for anything it cannot load. Data answers are kept as the client keeps them
///   for the page's lifetime (prefetches, the proxy's redirects);
/// - a **hard navigation** fetches the HTML document, follows HTTP redirects as a browser does
///   (to an absolute URL of the same site too), takes the props from `__NEXT_DATA__`, and then
///   does what the client does once the page is up: checks a static or fallback page's data
///   (the hydration's query update) and prefetches the links in view.
///
/// The headers and cookies set here go with every request (the `/dashboard` session), after
/// the headers a browser adds (``BrowserHeaders``), which they replace by name.
///
/// ```swift
/// let navigator = Navigator(transport: InProcessTransport(engine: engine))
/// let exchange = await navigator.navigate(.clientTransition, to: "/posts/1")
/// exchange.props?["pageProps"]?["title"]
/// ```
public actor Navigator {
    public nonisolated let transport: any Transport
    public internal(set) var history = History()
    /// Sent with every request, after the explorer's own (`Accept`, `x-nextjs-data`).
    public private(set) var headers: HTTPFields
    /// Sent as one `Cookie` header with every request, in place of the jar's cookies of the same name.
    public private(set) var cookies: [(name: String, value: String)]
    /// Cookies the site set (`Set-Cookie`), sent back as a browser does.
    public private(set) var jar = CookieJar()
    /// What a browser adds to every request: languages, encodings, the page it comes from.
    public private(set) var browserHeaders: BrowserHeaders
    /// After a client transition on a remote site (whose pages cannot render here), fetch the
    /// server's document for the same URL, for the HTML and its links. Off for a site whose
    /// `getServerSideProps` has side effects: it runs once more per transition.
    public private(set) var fetchesServerDocument: Bool
    /// Whether the links of a page shown are prefetched as Next.js's client prefetches the links
    /// in view (production builds only).
    public private(set) var prefetchesLinks: Bool
    var site: SiteInfo?
    /// Whether the site's pages run here (in-process), so that the client's render is shown:
    /// else the server's document is fetched for the HTML, and `next dev` may compile pages.
    let rendersPages: Bool
    /// The page the tab shows, as Next.js's client holds it.
    var shown = ShownPage()
    /// Document loads so far (each starts a new ``ShownPage``).
    var documentLoads = 0

    /// Browsers give up after 20 redirects; so does the explorer.
    static let maxRedirects = 20
    static let userAgent = "gssp-explorer/1.0"
    /// What the navigator's requests name as their host: the transport decides where they go.
    /// A request read from a recording names its real one.
    static let requestAuthority = "localhost"
    static let documentAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"

    public init(
        transport: any Transport, headers: HTTPFields = [:], cookies: [(name: String, value: String)] = [],
        browserHeaders: BrowserHeaders = BrowserHeaders(), fetchesServerDocument: Bool = true, prefetchesLinks: Bool = true,
        jar: CookieJar = CookieJar()
    ) {
        self.transport = transport
        self.jar = jar
        self.headers = headers
        self.cookies = cookies
        self.browserHeaders = browserHeaders
        self.fetchesServerDocument = fetchesServerDocument
        self.prefetchesLinks = prefetchesLinks
        rendersPages = transport.renderClientSide(page: "/404", pageProps: Array("{}".utf8)) != nil
    }

    /// A navigator that sends what this one sends (headers, cookies, the browser's headers), with
    /// a history of its own: on the same site (`transport` `nil`) with the cookies the site set
    /// too, or on another site without them, as a browser keeps cookies per site.
    public func copy(on transport: (any Transport)? = nil) -> Navigator {
        Navigator(
            transport: transport ?? self.transport, headers: headers, cookies: cookies, browserHeaders: browserHeaders,
            fetchesServerDocument: fetchesServerDocument, prefetchesLinks: prefetchesLinks, jar: transport == nil ? jar : CookieJar())
    }

    /// Turns ``fetchesServerDocument`` on or off.
    public func setFetchesServerDocument(_ on: Bool) { fetchesServerDocument = on }

    /// Turns ``prefetchesLinks`` on or off.
    public func setPrefetchesLinks(_ on: Bool) { prefetchesLinks = on }

    /// Sends one of a browser's headers again (`true`) or leaves it out.
    public func setBrowserHeader(_ name: BrowserHeaders.Name, sent: Bool) {
        if sent { browserHeaders.omitted.remove(name) } else { browserHeaders.omitted.insert(name) }
    }

    /// Adds a header to every request, replacing one of the same name; `nil` removes it.
    public func setHeader(_ name: HTTPField.Name, _ value: String?) {
        headers[name] = value
    }

    /// Sets a cookie for every request; `nil` removes it.
    public func setCookie(_ name: String, _ value: String?) {
        cookies.removeAll { $0.name == name }
        if let value { cookies.append((name, value)) }
    }

    /// The site's build ID, basePath and routes, fetched once.
    public func siteInfo() async throws(TransportError) -> SiteInfo {
        if let site { return site }
        var info = try await transport.siteInfo()
        info.clientRequest.userAgent = Navigator.userAgent
        info.clientRequest.host = HARLog.split(transport.pageOrigin)?.authority.split(separator: ":").first.map(String.init) ?? "localhost"
        site = info
        if shown.locale == nil { shown.locale = info.defaultLocale }
        return info
    }

    /// Navigates to `target` (a path with an optional query, e.g. `/posts/1?ref=home`, without
    /// the basePath). Characters a browser would not send as they are (spaces, non-ASCII,
    /// quotes) are percent-encoded first, as a browser does with what is typed in its address
    /// bar. `recordingHistory: false` leaves the history as it was (a comparison, not a visit).
    public func navigate(_ kind: Exchange.Kind, to target: String, recordingHistory: Bool = true) async -> Exchange {
        var target = Navigator.percentEncoded(target)
        if kind == .clientTransition, target.hasPrefix("/") {
            // `/posts/1/` → `/posts/1` (or the other way with `trailingSlash`), as the router writes a link.
            target = ((try? await siteInfo())?.config ?? RouterConfig()).normalizeTrailingSlash(target)
        }
        var exchange = Exchange(requested: kind, target: target)
        let compiled = await compiledPages()
        let saved = (history, shown, documentLoads)
        switch kind {
        case .clientTransition: await push(target, &exchange)
        case .hardNavigation: await load(target, &exchange, referer: nil)
        }
        await fetchServerDocument(&exchange)
        noteCompiling(&exchange, compiledBefore: compiled)
        if !recordingHistory || Task.isCancelled {
            // A comparison, or a navigation stopped or superseded: the tab is as it was.
            (history, shown, documentLoads) = saved
        } else if exchange.enteredHistory {
            await prefetchLinks(&exchange)
        }
        return exchange
    }

    /// Back, as the browser's button: Next.js's router answers the `popstate` with a client
    /// transition to that entry (gSSP data is never reused, so it is fetched again); an entry
    /// of another document is loaded again. `nil` at the first entry.
    public func back() async -> Exchange? {
        guard let url = stepBack() else { return nil }
        return await revisit(url)
    }

    /// Forward, the reverse of ``back()``; `nil` at the last entry.
    public func forward() async -> Exchange? {
        guard let url = stepForward() else { return nil }
        return await revisit(url)
    }

    /// The first half of ``back()``: history moves at once, as the browser's address bar does
    /// on `popstate`, so that a second press goes one entry further even while the first
    /// entry is still loading. ``revisit(_:)`` is the second half.
    public func stepBack() -> String? { history.back() }

    /// The first half of ``forward()``.
    public func stepForward() -> String? { history.forward() }

    /// Loads the history entry `url` that back or forward moved to.
    public func revisit(_ url: String) async -> Exchange {
        var exchange = Exchange(requested: .clientTransition, target: url)
        let compiled = await compiledPages()
        if let document = history.currentDocument, document != shown.document {
            exchange.notes.append("This entry belongs to another document: the browser loads it again.")
            await load(url, &exchange, referer: nil, replacing: true)
        } else {
            await popState(url, &exchange)
        }
        await fetchServerDocument(&exchange)
        noteCompiling(&exchange, compiledBefore: compiled)
        if exchange.enteredHistory, !Task.isCancelled { await prefetchLinks(&exchange) }
        return exchange
    }

    /// The server's document for the URL a remote client transition arrived at, fetched by the
    /// explorer, not the browser: the HTML view shows what the server renders there, and its
    /// links. In-process the client's own rendering is shown instead.
    private func fetchServerDocument(_ exchange: inout Exchange) async {
        guard fetchesServerDocument, !rendersPages, exchange.kind == .clientTransition, exchange.html == nil, !Task.isCancelled,
            exchange.outcome == .page || exchange.outcome == .clientNotFound, let site
        else { return }
        var fields: HTTPFields = [.accept: Navigator.documentAccept]
        guard let fetch = try? await send(site.config.addBasePath(exchange.url), &fields), !Task.isCancelled else { return }
        exchange.takeServerDocument(fetch)
    }

    /// On `next dev` (build ID `development`) over HTTP, the pages compiled so far: its build
    /// manifest lists only those, and a page's first request compiles it. `nil` elsewhere.
    private func compiledPages() async -> Set<String>? {
        guard !rendersPages, let site, site.buildId == "development" else { return nil }
        let request = HTTPRequest(method: .get, scheme: nil, authority: nil, path: site.basePath + "/_next/static/development/_buildManifest.js")
        guard let manifest = try? await transport.send(request, body: []), manifest.response.status == .ok else { return nil }
        return BuildManifestReader.sortedPages(manifest.body).map(Set.init)
    }

    /// Says so when a page was compiled for this navigation (the target's route, or the page
    /// that answered: `/_error`, `/404`): its time is the compiler's.
    private func noteCompiling(_ exchange: inout Exchange, compiledBefore compiled: Set<String>?) {
        guard let compiled, !exchange.fetches.isEmpty else { return }
        let target = site.flatMap { $0.route(for: String($0.splitLocale(exchange.target).target[...].pathAndRest.path)) }?.pattern.description
        guard let page = [target, exchange.page].compactMap({ $0 }).first(where: { !compiled.contains($0) }) else { return }
        exchange.compiledPage = page
        exchange.notes.append("next dev compiled \(page) for this request (it was not in its build manifest): the time is mostly compiling, not the page's cost; the next request of the page shows that.")
    }

    // MARK: - Requests

    /// The absolute URL of the page the tab shows, as `Referer` names it; `nil` before the first.
    func shownPage() -> String? {
        history.current.map { transport.pageOrigin + (site?.config.addBasePath($0) ?? $0) }
    }

    func send(_ path: String, _ fields: inout HTTPFields, method: HTTPRequest.Method = .get, referer: String? = nil) async throws(TransportError)
        -> Fetch
    {
        fields[.userAgent] = Navigator.userAgent
        fields.append(contentsOf: browserHeaders.fields(referer: referer))
        for field in headers { fields[field.name] = nil }
        fields.append(contentsOf: headers)
        // A fragment is not sent: it stays in the browser.
        let requestPath = String(path[...].withoutFragment)
        let userNames = Set(cookies.map(\.name))
        let sent = cookies.map { "\($0.name)=\($0.value)" }
            + jar.cookies(for: requestPath, now: Date()).filter { !userNames.contains($0.name) }.map { "\($0.name)=\($0.value)" }
        if !sent.isEmpty { fields[.cookie] = sent.joined(separator: "; ") }
        let request = HTTPRequest(method: method, scheme: "http", authority: Navigator.requestAuthority, path: requestPath, headerFields: fields)
        let fetch = try await transport.send(request, body: [])
        jar.store(fetch.response.headerFields[values: .setCookie], requestPath: requestPath, now: Date())
        return fetch
    }

    /// The cookies `document.cookie` shows the client: the jar's (not HttpOnly) and the user's.
    func documentCookies() -> [String: String] {
        var cookies: [String: String] = [:]
        for cookie in jar.cookies(for: "/", now: Date()) where !cookie.httpOnly { cookies[cookie.name] = cookie.value }
        for (name, value) in self.cookies { cookies[name] = value }
        return cookies
    }

    /// Where an absolute URL the site sends points: a path of this site (its origin, or the same
    /// server under another loopback name: a proxy writes the host it believes it has) with what
    /// to say about it, or `nil` for another site.
    func sameSitePath(_ url: String) -> (path: String, note: String?)? {
        guard let target = HARLog.split(url), let ours = HARLog.split(transport.pageOrigin) else { return nil }
        guard target.scheme == ours.scheme else { return nil }
        if target.authority.lowercased() == ours.authority.lowercased() { return (target.path, nil) }
        let loopback = ["localhost", "127.0.0.1", "[::1]"]
        func split(_ authority: String) -> (host: String, port: String) {
            if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
                let host = String(authority[...close]), rest = authority[authority.index(after: close)...]
                return (host, rest.hasPrefix(":") ? String(rest.dropFirst()) : "")
            }
            let parts = authority.split(separator: ":", maxSplits: 1)
            return (String(parts[0]).lowercased(), parts.count > 1 ? String(parts[1]) : "")
        }
        let a = split(target.authority), b = split(ours.authority)
        guard loopback.contains(a.host), loopback.contains(b.host), a.port == b.port else { return nil }
        return (target.path, "\(target.scheme)://\(target.authority) is this server under another name: followed as this site.")
    }

    /// `target` with the bytes that cannot appear in a request target percent-encoded (as UTF-8);
    /// existing `%XX` escapes are kept.
    static func percentEncoded(_ target: String) -> String {
        let unsafe: Set<UInt8> = Set("\"<>`{}|\\^".utf8)
        guard target.utf8.contains(where: { $0 <= 0x20 || $0 >= 0x7F || unsafe.contains($0) }) else { return target }
        var out = ""
        for byte in target.utf8 {
            if byte <= 0x20 || byte >= 0x7F || unsafe.contains(byte) {
                out += PercentDecoding.escaped(byte)
            } else {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return out
    }
}

extension Exchange {
    /// Whether the address bar shows a page of the site at the end (then history records it).
    var enteredHistory: Bool {
        switch outcome {
        case .page, .clientNotFound: true
        case .leftSite, .failed: false
        }
    }

    /// The browser leaves for `url`: nothing of the site is shown.
    mutating func leaveSite(_ url: String) {
        outcome = .leftSite(url)
        page = nil
        notes.append("The explorer does not follow the browser to \(url): it shows this site only.")
    }

    mutating func fail(_ message: String) {
        outcome = .failed(message)
        notes.append(message)
    }
}

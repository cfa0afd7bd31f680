import Foundation
import HTTPTypes
import SSR

/// The simulated browser tab. It navigates as Next.js's client router does:
///
/// - a **client transition** (`next/link`) fetches `/_next/data/<buildId>/<path>.json` with
///   `x-nextjs-data: 1`; a static page fetches nothing; `__N_REDIRECT` to a path transitions
///   there (the redirecting URL never enters history); an external redirect leaves the site;
///   `{"notFound":true}` renders the 404 page client-side; any other failure falls back to a
///   hard navigation;
/// - a **hard navigation** fetches the HTML document, follows HTTP redirects as a browser does,
///   and takes the props from `__NEXT_DATA__`.
///
/// The headers and cookies set here go with every request (the `/dashboard` session), after
/// the headers a browser adds (``BrowserHeaders``), which they replace by name.
///
/// ```swift
/// let navigator = Navigator(transport: InProcessTransport(engine: engine))
/// let exchange = await navigator.navigate(.clientTransition, to: "/posts/1")
/// exchange.props?["title"]
/// ```
public actor Navigator {
    public nonisolated let transport: any Transport
    public private(set) var history = History()
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
    private var site: SiteInfo?
    /// Whether the site's pages run here (in-process), so that the client's render is shown:
    /// else the server's document is fetched for the HTML, and `next dev` may compile pages.
    private let rendersPages: Bool

    /// Browsers give up after 20 redirects; so does the explorer.
    static let maxRedirects = 20
    static let userAgent = "gssp-explorer/1.0"
    /// What the navigator's requests name as their host: the transport decides where they go.
    /// A request read from a recording names its real one.
    static let requestAuthority = "localhost"
    static let documentAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"

    public init(
        transport: any Transport, headers: HTTPFields = [:], cookies: [(name: String, value: String)] = [],
        browserHeaders: BrowserHeaders = BrowserHeaders(), fetchesServerDocument: Bool = true, jar: CookieJar = CookieJar()
    ) {
        self.transport = transport
        self.jar = jar
        self.headers = headers
        self.cookies = cookies
        self.browserHeaders = browserHeaders
        self.fetchesServerDocument = fetchesServerDocument
        rendersPages = transport.renderClientSide(page: "/404", pageProps: Array("{}".utf8)) != nil
    }

    /// A navigator that sends what this one sends (headers, cookies, the browser's headers), with
    /// a history of its own: on the same site (`transport` `nil`) with the cookies the site set
    /// too, or on another site without them, as a browser keeps cookies per site.
    public func copy(on transport: (any Transport)? = nil) -> Navigator {
        Navigator(
            transport: transport ?? self.transport, headers: headers, cookies: cookies, browserHeaders: browserHeaders,
            fetchesServerDocument: fetchesServerDocument, jar: transport == nil ? jar : CookieJar())
    }

    /// Turns ``fetchesServerDocument`` on or off.
    public func setFetchesServerDocument(_ on: Bool) { fetchesServerDocument = on }

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
        let info = try await transport.siteInfo()
        site = info
        return info
    }

    /// Navigates to `target` (a path with an optional query, e.g. `/posts/1?ref=home`).
    /// Characters a browser would not send as they are (spaces, non-ASCII, quotes) are
    /// percent-encoded first, as a browser does with what is typed in its address bar.
    /// `recordingHistory: false` leaves the history as it was (a comparison, not a visit).
    public func navigate(_ kind: Exchange.Kind, to target: String, recordingHistory: Bool = true) async -> Exchange {
        var target = Navigator.percentEncoded(target)
        if kind == .clientTransition, target.hasPrefix("/") {
            // `/posts/1/` → `/posts/1`, as Next.js's router normalizes a link (without `trailingSlash`).
            let (path, rest) = target[...].pathAndRest
            target = String(path.withoutTrailingSlashes) + rest
        }
        var exchange = Exchange(requested: kind, target: target)
        let compiled = await compiledPages()
        switch kind {
        case .clientTransition:
            await transition(to: target, &exchange, redirects: 0)
            await fetchServerDocument(&exchange)
        case .hardNavigation: await hardNavigation(to: target, &exchange)
        }
        noteCompiling(&exchange, compiledBefore: compiled)
        // A navigation stopped or superseded (the task was cancelled) never arrives.
        if recordingHistory, exchange.enteredHistory, !Task.isCancelled { history.push(exchange.url) }
        return exchange
    }

    /// Back, as the browser's button: Next.js's router answers the `popstate` with a client
    /// transition to that entry (gSSP data is never reused, so it is fetched again). `nil` at
    /// the first entry.
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
        await transition(to: url, &exchange, redirects: 0)
        await fetchServerDocument(&exchange)
        noteCompiling(&exchange, compiledBefore: compiled)
        if exchange.enteredHistory, !Task.isCancelled { history.replaceCurrent(exchange.url) }
        return exchange
    }

    // MARK: - Client transition

    private func transition(to target: String, _ exchange: inout Exchange, redirects: Int) async {
        if let external = leavesSite(target) {
            exchange.leaveSite(external)
            return
        }
        let site: SiteInfo
        do {
            site = try await siteInfo()
        } catch {
            exchange.fail("cannot reach the site: \(error.message)")
            return
        }
        // The route is matched, and the data URL built, without the locale (which the data URL
        // then always carries, as Next.js's router writes it).
        let path = String(site.splitLocale(target).target[...].pathAndRest.path)
        var params: QueryParameters?
        if site.routes != nil {
            guard let route = site.route(for: path) else {
                let why = PercentDecoding.isMalformed(path) ? " (its %-escapes are not valid UTF-8)" : ""
                exchange.notes.append("No page matches \(path)\(why): the client cannot load a page for it, so it falls back to a hard navigation (as Next.js's router does).")
                return await hardNavigation(to: target, &exchange)
            }
            exchange.page = route.pattern.description
            do throws(MalformedParameter) {
                params = try route.pattern.parameters(of: path)
            } catch {
                // Next.js's router decodes the params before it fetches anything, and stops there.
                exchange.fail(
                    "\(error.segment) is not valid percent-encoding for a parameter of \(route.pattern): Next.js's router throws DecodeError (\"failed to decode param\") and stays on the page; a hard navigation gets the server's 400 Bad Request.")
                return
            }
            if route.fetchesData == false {
                exchange.notes.append("\(route.pattern) is static (no getServerSideProps): a client transition loads the page's JavaScript and fetches no data.")
                return arrive(&exchange, at: target, props: .object([]), from: .staticPage, serverHTML: nil)
            }
        }

        let (dataURL, dataFields) = site.dataRequest(for: target, params: params)
        var fields = dataFields
        let fetch: Fetch
        do {
            fetch = try await send(dataURL, &fields, referer: shownPage(site))
        } catch {
            if Task.isCancelled { return exchange.fail("stopped before the answer came") }
            exchange.notes.append("The data request failed (\(error.message)): Next.js falls back to a hard navigation.")
            return await hardNavigation(to: target, &exchange)
        }
        if Task.isCancelled { return exchange.fail("stopped before the answer came") }
        exchange.fetches.append(fetch)
        switch DataAnswer(fetch) {
        case .notFound:
            exchange.arriveNotFound(at: target)
            if let html = transport.renderClientSide(page: "/404", pageProps: Array("{}".utf8)), case .success(let text) = html {
                exchange.html = text
            }
        case .failed(let status):
            exchange.notes.append(Exchange.failedDataNote(status: status))
            await hardNavigation(to: target, &exchange)
        case .unreadable:
            exchange.notes.append(Exchange.unreadableDataNote)
            arrive(&exchange, at: target, props: .object([]), from: .unreadableResponse, serverHTML: nil)
        case .redirect(let destination, let code, let keepsBasePath):
            switch exchange.followDataRedirect(from: target, to: destination, status: code, keepsBasePath: keepsBasePath) {
            case .transition:
                guard redirects < Navigator.maxRedirects else {
                    return exchange.fail("Redirected \(Navigator.maxRedirects) times in a row: a redirect loop.")
                }
                await transition(to: destination, &exchange, redirects: redirects + 1)
            case .load: await hardNavigation(to: destination, &exchange, basePath: "")
            case .leave: break
            }
        case .props(let pageProps):
            arrive(&exchange, at: target, props: pageProps, from: .dataResponse, serverHTML: fetch.serverHTML)
        }
    }

    /// The end of a client transition: the page at `target` renders in the browser from `props`,
    /// and the result is checked against the server's HTML for the same props.
    private func arrive(
        _ exchange: inout Exchange, at target: String, props: JSONValue, from source: Exchange.PropsSource, serverHTML: String?
    ) {
        exchange.url = target
        exchange.props = props
        exchange.propsSource = source
        // The props are written out again only for a transport that renders (a remote one
        // cannot): for 10 MB of props that took a tenth of the time to open the page.
        guard rendersPages, let page = exchange.page, let bytes = try? PropsEncoder().encode(props) else { return }
        let clock = ContinuousClock()
        let started = clock.now
        guard let rendered = transport.renderClientSide(page: page, pageProps: bytes) else { return }
        exchange.clientRenderMilliseconds = (clock.now - started).inMilliseconds
        switch rendered {
        case .success(let html):
            exchange.html = html
            if let serverHTML { exchange.hydration = HydrationCheck.compare(server: serverHTML, client: html) }
        case .failure(let error):
            exchange.hydration = .failed("the client cannot render the page: \(error.message)")
        }
    }

    /// The server's document for the URL a remote client transition arrived at, fetched by the
    /// explorer, not the browser: the HTML view shows what the server renders there, and its
    /// links. In-process the client's own rendering is shown instead.
    private func fetchServerDocument(_ exchange: inout Exchange) async {
        guard fetchesServerDocument, !rendersPages, exchange.kind == .clientTransition, exchange.html == nil, !Task.isCancelled,
            exchange.outcome == .page || exchange.outcome == .clientNotFound, let site
        else { return }
        var fields: HTTPFields = [.accept: Navigator.documentAccept]
        guard let fetch = try? await send(site.basePath + exchange.url, &fields), !Task.isCancelled else { return }
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

    // MARK: - Hard navigation

    private func hardNavigation(to target: String, _ exchange: inout Exchange, basePath: String? = nil) async {
        exchange.kind = .hardNavigation
        var location = target
        var prefix = basePath
        // A load from the address bar names no page; the client's fallback (`location.href`)
        // names the page it leaves, on every redirect hop too.
        let referer = exchange.requested == .clientTransition ? site.flatMap(shownPage) : nil
        for _ in 0...Navigator.maxRedirects {
            if let external = leavesSite(location) {
                exchange.leaveSite(external)
                return
            }
            if prefix == nil {
                do {
                    prefix = try await siteInfo().basePath
                } catch {
                    exchange.fail("cannot reach the site: \(error.message)")
                    return
                }
            }
            var fields: HTTPFields = [.accept: Navigator.documentAccept]
            let fetch: Fetch
            do {
                fetch = try await send((prefix ?? "") + location, &fields, referer: referer)
            } catch {
                exchange.fail(Task.isCancelled ? "stopped before the answer came" : "cannot reach the site: \(error.message)")
                return
            }
            exchange.fetches.append(fetch)
            if Task.isCancelled { return exchange.fail("stopped before the answer came") }
            let status = fetch.response.status.code
            if [301, 302, 303, 307, 308].contains(status), let next = fetch.response.headerFields[.location] {
                exchange.followDocumentRedirect(status: status, to: next)
                // Resolved against the URL that redirected, as a browser resolves `Location`.
                switch PageLinks.destination(next, base: (prefix ?? "") + location) {
                case .external(let url):
                    exchange.leaveSite(url)
                    return
                case .fragment:
                    break  // the same document again
                case .page(let path):
                    let base = prefix ?? ""
                    if !base.isEmpty, path == base || path.hasPrefix(base + "/") || path.hasPrefix(base + "?") {
                        location = String(path.dropFirst(base.count))
                        if !location.hasPrefix("/") { location = "/" + location }
                    } else {
                        location = path
                        prefix = ""
                    }
                }
                continue
            }
            exchange.url = location
            readDocument(fetch, into: &exchange)
            return
        }
        exchange.fail("Redirected more than \(Navigator.maxRedirects) times: the browser stops (a redirect loop).")
    }

    /// A document's props and page from `__NEXT_DATA__`, a deploy, and the hydration check.
    private func readDocument(_ fetch: Fetch, into exchange: inout Exchange) {
        guard let parts = exchange.readDocument(fetch) else { return }
        if let buildId = parts.nextData?["buildId"]?.stringValue, let known = site?.buildId, buildId != known {
            // A deploy while exploring: the stale data URL failed, this full load brought the new
            // build, and Next's client goes on with it; so does the navigator (routes read again).
            exchange.noteNewBuild(buildId, was: known)
            site = nil
        }
        guard rendersPages, parts.nextData != nil, exchange.serverError == nil, let page = exchange.page, let server = parts.appHTML,
            let pageProps = exchange.props,
            let bytes = try? PropsEncoder().encode(pageProps),
            let rendered = transport.renderClientSide(page: page, pageProps: bytes)
        else { return }
        switch rendered {
        case .success(let client): exchange.hydration = HydrationCheck.compare(server: server, client: client)
        case .failure(let error): exchange.hydration = .failed("the client cannot hydrate the page: \(error.message)")
        }
    }

    // MARK: - Requests

    /// The absolute URL of the page the tab shows, as `Referer` names it; `nil` before the first.
    private func shownPage(_ site: SiteInfo) -> String? {
        history.current.map { transport.pageOrigin + site.basePath + $0 }
    }

    private func send(_ path: String, _ fields: inout HTTPFields, referer: String? = nil) async throws(TransportError) -> Fetch {
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
        let request = HTTPRequest(method: .get, scheme: "http", authority: Navigator.requestAuthority, path: requestPath, headerFields: fields)
        let fetch = try await transport.send(request, body: [])
        jar.store(fetch.response.headerFields[values: .setCookie], requestPath: requestPath, now: Date())
        return fetch
    }

    /// The absolute URL a target points to when it is on another site; `nil` for a path.
    private nonisolated func leavesSite(_ target: String) -> String? {
        guard !target.hasPrefix("/") || target.hasPrefix("//") else { return nil }
        return target
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

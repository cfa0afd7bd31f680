import SSR

extension RecordedSession {
    /// One navigation read from recorded answers, one at a time, by Next.js's client rules.
    struct Replay {
        /// What the navigation waits for next: the data of a page it transitions to, or the
        /// document it loads (a fallback, a redirect hop). `nil` once it has arrived.
        enum Expecting: Equatable {
            case data(String)
            case document(String)
            /// The next hop (`hop`) of the data request for `page` that `fetch` follows (a
            /// redirect with `Location`).
            case followed(hop: String, page: String)
            /// After a notFound, the 404 page's data, which a client with a proxy asks for
            /// (`target` is where the 404 page shows).
            case notFoundPage(String)
            /// After a data answer whose body the recording lacks (the page went away before it
            /// was read): the document the browser loaded next, if it did (a redirect of the page's).
            case afterUnread(String)

            var target: String {
                switch self {
                case .data(let target), .document(let target), .followed(_, let target), .notFoundPage(let target), .afterUnread(let target): target
                }
            }
        }

        var exchange: Exchange
        var expecting: Expecting?
        var basePath: String
        /// `http://host:port` of the site: a `Location` there is a path of the site.
        var origin: String?
        /// The site's locales (from its first document): a data URL names the page's locale, a link need not.
        var locales: [String] = []
        /// The site's build as last seen (a data URL's, a document's): a document of another
        /// build is a deploy.
        private(set) var buildId: String?

        init(_ exchange: Exchange, basePath: String, buildId: String?) {
            self.exchange = exchange
            self.basePath = basePath
            self.buildId = buildId
            if !exchange.target.hasPrefix("/") || exchange.target.hasPrefix("//") {
                // A link to another site: the browser leaves, nothing is fetched.
                self.exchange.leaveSite(exchange.target)
                return
            }
            expecting = exchange.requested == .clientTransition ? .data(exchange.target) : .document(exchange.target)
        }

        /// Whether `fetch` is the next request of this navigation.
        func expects(_ fetch: Fetch) -> Bool {
            // The proxy's answer it marked `x-middleware-cache: no-cache` is not kept: the client
            // asks the same data URL again for the page.
            if expecting == nil, let path = fetch.request.path, DataURL(path) != nil, let last = exchange.fetches.last,
                last.request.path == path, last.response.headerFields[.middlewareCache] == "no-cache"
            {
                return true
            }
            guard let expecting, let path = fetch.request.path else { return false }
            let wanted = String(expecting.target[...].pathAndRest.path)
            switch expecting {
            case .data:
                guard let data = DataURL(path) else { return false }
                let page = withoutLocale(data.pagePath)
                return data.pagePath == wanted || page == withoutLocale(wanted) || (data.pagePath == "/" && wanted.isEmpty)
            case .document:
                // The document of a failed transition has the address's trailing slash, which the data URL had not.
                let asked = RouterConfig.removeTrailingSlash(String(path[...].pathAndRest.path))
                return DataURL(path) == nil && asked == RouterConfig.removeTrailingSlash(basePath + (wanted == "/" && !basePath.isEmpty ? "" : wanted))
            case .followed(let hop, _): return DataURL(path) == nil && String(path[...].pathAndRest.path) == String(hop[...].pathAndRest.path)
            case .notFoundPage: return DataURL(path).map { withoutLocale($0.pagePath) == "/404" } ?? false
            case .afterUnread: return DataURL(path) == nil
            }
        }

        /// The page whose data the navigation waits for, when it waits for data.
        var expectedData: String? {
            if case .data(let target)? = expecting { target } else { nil }
        }

        /// An answer the client kept (a prefetch's, an earlier navigation's), used for the page it waits for without a
        /// request (`fetchNextData`'s cache).
        mutating func takeKept(_ fetch: Fetch) {
            let location = expecting?.target ?? exchange.target
            let note = "\(fetch.request.path ?? location) was answered before (\(fetch.response.status.code)) and the client keeps that answer: no request."
            if !exchange.notes.contains(note) { exchange.notes.append(note) }
            takeData(fetch, at: location, followed: false, bodyMissing: false)
        }

        private func withoutLocale(_ path: String) -> String {
            RouterConfig(locales: locales).normalizeLocalePath(path).pathname
        }

        mutating func take(_ fetch: Fetch, bodyMissing: Bool) {
            let location = expecting?.target ?? exchange.target
            exchange.fetches.append(fetch)
            if case .afterUnread? = expecting, let path = fetch.request.path {
                let address = withoutBasePath(String(path[...].withoutFragment))
                exchange.notes.append("The browser then loaded \(address): the page's data sent it there, most likely (a redirect).")
                return takeDocument(fetch, at: address)
            }
            if case .followed? = expecting {
                // The hop a data request's `fetch` followed: read as the data answer it ends with.
                return takeData(fetch, at: location, followed: true, bodyMissing: bodyMissing)
            }
            if let path = fetch.request.path, DataURL(path) != nil {
                return takeData(fetch, at: location, followed: false, bodyMissing: bodyMissing)
            }
            takeDocument(fetch, at: location)
        }

        private mutating func takeData(_ fetch: Fetch, at location: String, followed: Bool, bodyMissing: Bool) {
            if let path = fetch.request.path, let data = DataURL(path) { buildId = data.buildId }
            if case .notFoundPage? = expecting {
                switch DataAnswer(fetch) {
                case .props(let props): exchange.props = props
                case .failed(let status) where exchange.requested == .hardNavigation:
                    // The first render after a document load: no reload, the error page.
                    exchange.notes.append(
                        "The 404 page's data request answered \(status): on the first render after a document load the client shows its error page (\"Application error: a client-side exception has occurred\").")
                    exchange.page = "/_error"
                case .failed(let status):
                    exchange.notes.append(Exchange.failedDataNote(status: status))
                    expecting = .document(location)
                    return
                default: break
                }
                expecting = nil
                return
            }
            if exchange.page == nil || followed, let matched = fetch.response.headerFields[.nextjsMatchedPath] {
                exchange.page = withoutLocale(matched)
            }
            switch DataAnswer(fetch) {
                case .notFound:
                    exchange.arriveNotFound(at: location)
                    expecting = .notFoundPage(location)
                case .failed(let status):
                    exchange.notes.append(Exchange.failedDataNote(status: status))
                    expecting = .document(location)
                case .unreadable:
                    exchange.notes.append(bodyMissing ? "The recording does not hold this response's body: its props are not known." : Exchange.unreadableDataNote)
                    arrive(at: location, props: ["pageProps": .object([])], from: .unreadableResponse)
                    if bodyMissing { expecting = .afterUnread(location) }
                case .redirect(let destination, let code, let keepsBasePath):
                    switch exchange.followDataRedirect(from: location, to: destination, status: code, keepsBasePath: keepsBasePath) {
                    case .transition: expecting = .data(destination)
                    case .load:
                        basePath = ""
                        expecting = .document(destination)
                    case .leave: expecting = nil
                    }
                case .proxyRedirect(let destination):
                    exchange.redirects.append("proxy \(destination)")
                    if exchange.redirects.count > Navigator.maxRedirects {
                        exchange.fail("The proxy redirected more than \(Navigator.maxRedirects) times (\(location) → \(destination) …): a redirect loop; the client goes on forever and the tab hangs.")
                        expecting = nil
                        return
                    }
                    guard destination.hasPrefix("/") else {
                        exchange.notes.append("The proxy sends the browser to \(destination): a full load (window.location.href).")
                        exchange.leaveSite(destination)
                        expecting = nil
                        return
                    }
                    let target = withoutBasePath(destination)
                    exchange.notes.append("The proxy redirected \(location) → \(target): the client transitions there; \(location) does not enter history.")
                    expecting = .data(target)
                case .followed(let next):
                    exchange.notes.append("The data request was redirected (\(fetch.response.status.code)) to \(next): fetch follows it.")
                    let hop: String
                    switch PageLinks.destination(next, base: fetch.request.path ?? "/") {
                    case .page(let path): hop = path
                    case .external(let url): hop = HARLog.split(url)?.path ?? url
                    case .fragment: hop = fetch.request.path ?? "/"
                    }
                    expecting = .followed(hop: hop, page: location)
                case .props(let props): arrive(at: location, props: props, from: .dataResponse)
            }
        }

        private func withoutBasePath(_ path: String) -> String {
            guard !basePath.isEmpty else { return path }
            return RouterConfig(basePath: basePath).hasBasePath(path) ? RouterConfig(basePath: basePath).removeBasePath(path) : path
        }

        /// `location` as a path when it is on the site (`http://localhost:3000/a` → `/a`).
        private func onSite(_ location: String) -> String {
            guard let origin, location.lowercased().hasPrefix(origin.lowercased() + "/") else { return location }
            return String(location.dropFirst(origin.count))
        }

        private mutating func takeDocument(_ fetch: Fetch, at location: String) {
            exchange.kind = .hardNavigation
            let status = fetch.response.status.code
            if [301, 302, 303, 307, 308].contains(status), let location = fetch.response.headerFields[.location] {
                let next = onSite(location)
                // Past the browser's limit the load has failed; a browser that tries it again
                // walks the same loop, and those hops are still this load's.
                let looped = exchange.redirects.count >= Navigator.maxRedirects
                if !looped { exchange.followDocumentRedirect(status: status, to: next) }
                if exchange.redirects.count == Navigator.maxRedirects, exchange.outcome == .page {
                    exchange.fail("Redirected more than \(Navigator.maxRedirects) times: the browser stops (ERR_TOO_MANY_REDIRECTS, a redirect loop).")
                }
                switch PageLinks.destination(next, base: fetch.request.path ?? "/") {
                case .external(let url):
                    exchange.leaveSite(url)
                    expecting = nil
                case .fragment: break
                case .page(let path):
                    let base = basePath
                    if !base.isEmpty, path == base || path.hasPrefix(base + "/") || path.hasPrefix(base + "?") {
                        let rest = String(path.dropFirst(base.count))
                        expecting = .document(rest.hasPrefix("/") ? rest : "/" + rest)
                    } else {
                        basePath = ""
                        expecting = .document(path)
                    }
                }
                return
            }
            exchange.url = location
            exchange.outcome = .page
            expecting = nil
            guard let parts = exchange.readDocument(fetch) else { return }
            if let found = parts.nextData?["locales"]?.arrayValue?.compactMap(\.stringValue), !found.isEmpty { locales = found }
            if parts.nextData?["isFallback"]?.isTruthy == true {
                // A placeholder: the client asks for the page's data next, as part of this load.
                exchange.notes.append("The document is the page's fallback (a path not built yet): the client asks for the page's data next.")
                expecting = .data(location)
            }
            guard let newBuild = parts.nextData?["buildId"]?.stringValue else { return }
            if let known = buildId, newBuild != known { exchange.noteNewBuild(newBuild, was: known) }
            buildId = newBuild
        }

        private mutating func arrive(at target: String, props: JSONValue, from source: Exchange.PropsSource) {
            exchange.url = target
            exchange.props = props
            exchange.propsSource = source
            expecting = nil
        }

        /// The recording has nothing more for this navigation.
        mutating func finish() {
            switch expecting {
            case nil, .notFoundPage, .afterUnread: return
            case .data(let target):
                // Next's client fetches nothing for a page without getServerSideProps.
                exchange.notes.append("No data request for \(target) follows: a static page fetches none, and renders with empty props.")
                arrive(at: target, props: ["pageProps": .object([])], from: .staticPage)
            case .document(let target), .followed(_, let target):
                if exchange.outcome == .page { exchange.fail("The recording stops before \(target) came.") }
            }
            expecting = nil
        }
    }
}

import HTTPTypes
import SSR

extension RecordedSession {
    /// A browser's recording, grouped into navigations from the order of its requests.
    struct Reading {
        var exchanges: [Exchange] = []
        var others: [HARLog.Entry] = []
        var origin: String?
        private var open: Replay?
        private var basePath = ""
        private var buildId: String?
        /// The site's locales (from its first document): a data URL names the default locale,
        /// which the address the user saw does not.
        private var config = RouterConfig()
        /// The answers to the prefetches since the last document: the client uses them for the
        /// navigations they name without asking again (not those the proxy let through unanswered).
        private var kept: [Fetch] = []
        /// The data URL the browser's cache last answered for a navigation: the request it sends
        /// at once to revalidate it is no navigation of the client's.
        private var cachedAnswer: String?

        mutating func take(_ entry: HARLog.Entry) {
            adoptAddress(from: entry)
            if isRevalidation(entry) {
                // The browser's HTTP cache checking an answer it just gave: not the client's request.
                return others.append(entry)
            }
            if let fetch = entry.fetch, let background = background(entry) {
                if background == .prefetch, fetch.response.headerFields[.middlewareSkip] == nil { kept.append(fetch) }
                if background == .check, let page = entry.request.path.flatMap(DataURL.init).map({ address(of: $0) }) {
                    // A check after a page the client showed from a prefetched answer: that navigation.
                    let current = open?.exchange ?? exchanges.last
                    let shown = open.map { $0.expectedData ?? $0.exchange.url } ?? exchanges.last?.url
                    let ownCheck = current?.fetches.contains { $0.request.path == entry.request.path } ?? false
                    if let shown, !ownCheck, pathOnly(shown) != pathOnly(page), keptAnswer(for: page) != nil {
                        close()
                        open = replay(.clientTransition, page)
                    }
                    useKeptAnswers()
                }
                // A prefetch of the links shown, or a background check (`HEAD`): the page's own.
                switch (background, open != nil) {
                case (.prefetch, true): open?.exchange.prefetches.append(fetch)
                case (.prefetch, false) where !exchanges.isEmpty: exchanges[exchanges.count - 1].prefetches.append(fetch)
                case (.check, true): open?.exchange.fetches.append(fetch)
                case (.check, false) where !exchanges.isEmpty: exchanges[exchanges.count - 1].fetches.append(fetch)
                default: others.append(entry)
                }
                return
            }
            guard let fetch = entry.fetch, let kind = kind(of: entry, fetch) else { return others.append(entry) }
            if open?.expects(fetch) != true {
                close()
                let path = fetch.request.path ?? "/"
                let target: String
                if kind == .clientTransition, let data = DataURL(path) {
                    basePath = data.basePath
                    target = address(of: data)
                } else {
                    kept = []
                    if buildId == nil, let document = DocumentParts(html: fetch.body).nextData {
                        let locales = document["locales"]?.arrayValue?.compactMap(\.stringValue) ?? []
                        config = RouterConfig(locales: locales, defaultLocale: document["defaultLocale"]?.stringValue, trailingSlash: config.trailingSlash)
                        basePath = HTTPTransport.basePath(
                            of: fetch.body, at: path, page: document["page"]?.stringValue, locales: locales, origin: origin ?? "").basePath
                    }
                    target = SiteInfo(buildId: "", basePath: basePath, routes: nil).pagePath(ofLink: path) ?? path
                }
                open = replay(kind, target)
            }
            open?.take(fetch, bodyMissing: entry.bodyMissing)
            cachedAnswer = entry.fromCache ? fetch.request.path : nil
            // The client keeps a data answer for the page (a getServerSideProps page's it drops once used).
            if kind == .clientTransition, fetch.request.path.flatMap(DataURL.init) != nil, Reading.isKept(fetch) { kept.append(fetch) }
            buildId = open?.buildId ?? buildId
        }

        mutating func finish() { close() }

        private func replay(_ kind: Exchange.Kind, _ target: String) -> Replay {
            var replay = Replay(Exchange(requested: kind, target: target), basePath: basePath, buildId: buildId)
            replay.locales = config.locales
            replay.origin = origin
            return replay
        }

        /// Whether the client keeps a data answer for its page (`fetchNextData`'s cache): an
        /// answer, a notFound or the proxy's redirect, but not a failure, nor a
        /// getServerSideProps page's (dropped once used), nor one the proxy marks `no-cache`.
        private static func isKept(_ fetch: Fetch) -> Bool {
            let status = fetch.response.status.code
            let json = try? JSONValue(parsing: fetch.body)
            let answered = (200..<300).contains(status) || (status == 404 && json?["notFound"] == .bool(true))
                || fetch.response.headerFields[.nextjsRedirect] != nil
            return answered && json?["__N_SSP"] != .bool(true) && fetch.response.headerFields[.middlewareCache] != "no-cache"
        }

        /// A request sent while a page is shown names it in its `Referer`: the address the user
        /// saw, which a data URL does not give whole (a trailing slash, a query without the
        /// parameters a rewrite added). The page shown takes it when the paths agree and its
        /// query is part of the data URL's.
        private mutating func adoptAddress(from entry: HARLog.Entry) {
            guard let origin, let referer = entry.request.headerFields[.referer], referer.hasPrefix(origin + "/") else { return }
            let path = String(referer.dropFirst(origin.count))
            let address = SiteInfo(buildId: "", basePath: basePath, routes: nil).pagePath(ofLink: path) ?? path
            func pairs(_ url: String) -> Set<Substring> { Set(RouterConfig.parsePath(url).query.dropFirst().split(separator: "&")) }
            func same(_ url: String) -> Bool { pathOnly(url) == pathOnly(address) && pairs(address).isSubset(of: pairs(url)) }
            if let replay = open, replay.expecting == nil, replay.exchange.outcome == .page, same(replay.exchange.url) {
                learn(from: address, was: replay.exchange.url)
                open?.exchange.url = address
            } else if open == nil, let last = exchanges.last, last.outcome == .page, same(last.url) {
                learn(from: address, was: last.url)
                exchanges[exchanges.count - 1].url = address
            }
        }

        /// A site whose addresses end with `/` where the data URL's did not has `trailingSlash: true`.
        private mutating func learn(from address: String, was read: String) {
            let path = RouterConfig.parsePath(address).pathname
            if path != "/", path.hasSuffix("/"), !RouterConfig.parsePath(read).pathname.hasSuffix("/") { config.trailingSlash = true }
        }

        /// A request for the data URL the page just got, after the browser's cache answered it or
        /// made conditional (`If-None-Match`, which Next.js's client never sends): the browser
        /// revalidating the answer it gave from its store, not a request of the client's.
        private func isRevalidation(_ entry: HARLog.Entry) -> Bool {
            let fields = entry.request.headerFields
            guard entry.request.method == .get, let path = entry.request.path, DataURL(path) != nil,
                (open?.exchange ?? exchanges.last)?.lastFetch?.request.path == path
            else { return false }
            return cachedAnswer == path || fields[.ifNoneMatch] != nil || fields[.ifModifiedSince] != nil
        }

        /// The address a data URL stands for, as the user saw it: without the default locale.
        private func address(of data: DataURL) -> String {
            let (pathname, query, _) = RouterConfig.parsePath(data.target)
            let (page, locale) = config.normalizeLocalePath(pathname)
            let address = locale != nil && locale == config.defaultLocale ? page + query : data.target
            return config.trailingSlash ? config.normalizeTrailingSlash(address) : address
        }

        /// The path of an address, without its query or a trailing slash: what two addresses of one page share.
        private func pathOnly(_ target: String) -> String { RouterConfig.removeTrailingSlash(RouterConfig.parsePath(target).pathname) }

        /// The kept answer to a prefetch of `target`'s data, the latest.
        private func keptAnswer(for target: String) -> Fetch? {
            kept.last { fetch in fetch.request.path.flatMap(DataURL.init).map { pathOnly(address(of: $0)) == pathOnly(target) } ?? false }
        }

        /// While the open navigation waits for data the client kept, it has it.
        private mutating func useKeptAnswers() {
            for _ in 0..<20 {
                guard let target = open?.expectedData, let answer = keptAnswer(for: target) else { return }
                open?.takeKept(answer)
            }
        }

        private mutating func close() {
            useKeptAnswers()
            guard var replay = open else { return }
            replay.finish()
            exchanges.append(replay.exchange)
            open = nil
        }

        private enum Background { case prefetch, check }

        /// A data request of the site's that is no navigation: a prefetch (`purpose: prefetch`)
        /// or a background check (`HEAD`).
        private func background(_ entry: HARLog.Entry) -> Background? {
            guard let path = entry.request.path, DataURL(path) != nil, let entryOrigin = RecordedSession.origin(of: entry.url),
                origin == nil || origin == entryOrigin
            else { return nil }
            let fields = entry.request.headerFields
            if fields[.purpose] == "prefetch" || fields[.middlewarePrefetch] != nil { return .prefetch }
            return entry.request.method == .head ? .check : nil
        }

        /// A Next.js data request or a page's document on the site; `nil` for the rest.
        private mutating func kind(of entry: HARLog.Entry, _ fetch: Fetch) -> Exchange.Kind? {
            guard entry.request.method == .get, let path = entry.request.path, let entryOrigin = RecordedSession.origin(of: entry.url) else { return nil }
            let fields = entry.request.headerFields
            if DataURL(path) != nil {
                guard origin == nil || origin == entryOrigin else { return nil }
                origin = entryOrigin
                return .clientTransition
            }
            // A data request's `fetch` following a redirect (`x-nextjs-data` on a page's path).
            if fields[.nextjsData] != nil, open?.expects(fetch) == true { return .clientTransition }
            let isDocument = entry.resourceType.map { $0 == "document" }
                ?? (fields[HTTPField.Name("sec-fetch-dest")!].map { $0 == "document" } ?? (fields[.accept]?.hasPrefix("text/html") == true))
            guard isDocument else { return nil }
            if origin == nil {
                // The site is where the first Next.js document comes from.
                guard DocumentParts(html: fetch.body).nextData != nil || (300..<400).contains(fetch.response.status.code) else { return nil }
                origin = entryOrigin
            }
            return origin == entryOrigin ? .hardNavigation : nil
        }
    }
}

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

        mutating func take(_ entry: HARLog.Entry) {
            if let fetch = entry.fetch, let background = background(entry) {
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
                    target = data.target
                } else {
                    if buildId == nil, let document = DocumentParts(html: fetch.body).nextData {
                        let locales = document["locales"]?.arrayValue?.compactMap(\.stringValue) ?? []
                        basePath = HTTPTransport.basePath(
                            of: fetch.body, at: path, page: document["page"]?.stringValue, locales: locales, origin: origin ?? "").basePath
                    }
                    target = SiteInfo(buildId: "", basePath: basePath, routes: nil).pagePath(ofLink: path) ?? path
                }
                open = Replay(Exchange(requested: kind, target: target), basePath: basePath, buildId: buildId)
            }
            open?.take(fetch, bodyMissing: entry.bodyMissing)
            buildId = open?.buildId ?? buildId
        }

        mutating func finish() { close() }

        private mutating func close() {
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

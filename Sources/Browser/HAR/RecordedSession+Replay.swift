import SSR

extension RecordedSession {
    /// One navigation read from recorded answers, one at a time, by Next.js's client rules.
    struct Replay {
        /// What the navigation waits for next: the data of a page it transitions to, or the
        /// document it loads (a fallback, a redirect hop). `nil` once it has arrived.
        enum Expecting: Equatable {
            case data(String)
            case document(String)

            var target: String {
                switch self {
                case .data(let target), .document(let target): target
                }
            }
        }

        var exchange: Exchange
        var expecting: Expecting?
        var basePath: String
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
            guard let expecting, let path = fetch.request.path else { return false }
            let wanted = String(expecting.target[...].pathAndRest.path)
            switch expecting {
            case .data: return DataURL(path).map { $0.pagePath == wanted || ($0.pagePath == "/" && wanted.isEmpty) } ?? false
            case .document: return DataURL(path) == nil && String(path[...].pathAndRest.path) == basePath + (wanted == "/" && !basePath.isEmpty ? "" : wanted)
            }
        }

        mutating func take(_ fetch: Fetch, bodyMissing: Bool) {
            let location = expecting?.target ?? exchange.target
            exchange.fetches.append(fetch)
            if let path = fetch.request.path, let data = DataURL(path) {
                buildId = data.buildId
                if exchange.page == nil { exchange.page = fetch.response.headerFields[.nextjsMatchedPath] }
                switch DataAnswer(fetch) {
                case .notFound:
                    exchange.arriveNotFound(at: location)
                    expecting = nil
                case .failed(let status):
                    exchange.notes.append(Exchange.failedDataNote(status: status))
                    expecting = .document(location)
                case .unreadable:
                    exchange.notes.append(bodyMissing ? "The recording does not hold this response's body: its props are not known." : Exchange.unreadableDataNote)
                    arrive(at: location, props: .object([]), from: .unreadableResponse)
                case .redirect(let destination, let code, let keepsBasePath):
                    switch exchange.followDataRedirect(from: location, to: destination, status: code, keepsBasePath: keepsBasePath) {
                    case .transition: expecting = .data(destination)
                    case .load:
                        basePath = ""
                        expecting = .document(destination)
                    case .leave: expecting = nil
                    }
                case .props(let props): arrive(at: location, props: props, from: .dataResponse)
                }
                return
            }
            exchange.kind = .hardNavigation
            let status = fetch.response.status.code
            if [301, 302, 303, 307, 308].contains(status), let next = fetch.response.headerFields[.location] {
                exchange.followDocumentRedirect(status: status, to: next)
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
            expecting = nil
            guard let parts = exchange.readDocument(fetch) else { return }
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
            case nil: return
            case .data(let target):
                // Next's client fetches nothing for a page without getServerSideProps.
                exchange.notes.append("No data request for \(target) follows: a static page fetches none, and renders with empty props.")
                arrive(at: target, props: .object([]), from: .staticPage)
            case .document(let target):
                exchange.fail("The recording stops before \(target) came.")
            }
            expecting = nil
        }
    }
}

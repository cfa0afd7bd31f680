import SSR

/// What Next.js's client does with each answer, written into the exchange: the navigator
/// applies these as answers arrive, and a recording (HAR) is read with the same ones.
extension Exchange {
    /// Where a data response's `__N_REDIRECT` takes the client.
    enum RedirectStep {
        /// A client transition to the destination (a path of the site).
        case transition
        /// A full load of the destination (a path outside the basePath: `basePath: false`).
        case load
        /// Another site: the browser leaves.
        case leave
    }

    static let unreadableDataNote = "The data response is not JSON: the page renders with empty props, as Next.js does."

    static func failedDataNote(status: Int) -> String {
        "The data request answered \(status): Next.js's router fails with \"Failed to load static props\" and falls back to a hard navigation."
    }

    /// `{"notFound":true}`: the client renders its 404 page at `target`, without reloading.
    mutating func arriveNotFound(at target: String) {
        notes.append("The page's data said notFound: the client renders the 404 page itself, without reloading; the address stays \(target).")
        url = target
        outcome = .clientNotFound
        page = "/404"
        // What the 404 page renders with: its `getInitialProps` in the browser (an App's default).
        props = ["pageProps": .object([])]
        propsSource = .staticPage
    }

    /// Records a data response's `__N_REDIRECT` from `target` and says where it leads.
    mutating func followDataRedirect(from target: String, to destination: String, status code: String, keepsBasePath: Bool) -> RedirectStep {
        redirects.append("\(code) \(destination)")
        if destination.hasPrefix("/") && keepsBasePath {
            notes.append("The page's data redirected to \(destination) (\(code)): the client transitions there; \(target) does not enter history.")
            return .transition
        }
        if destination.hasPrefix("/") {
            notes.append("The page's data redirected to \(destination) (\(code), basePath: false): the browser loads it as a new page (window.location.href).")
            return .load
        }
        notes.append("The page's data redirected to another site (\(code)): the browser goes there (window.location.href).")
        leaveSite(destination)
        return .leave
    }

    /// An HTTP redirect of a document, which the browser follows.
    mutating func followDocumentRedirect(status: Int, to location: String) {
        notes.append("\(status) redirect to \(location): the browser follows it.")
        redirects.append("\(status) \(location)")
    }

    /// The server's document for the URL a remote client transition arrived at, fetched by the
    /// explorer: its HTML is shown, and its props compared with the data response's.
    mutating func takeServerDocument(_ fetch: Fetch) {
        serverDocument = fetch
        guard fetch.response.headerFields[.contentType]?.lowercased().hasPrefix("text/html") == true else { return }
        html = fetch.bodyText
        guard let nextData = DocumentParts(html: fetch.body).nextData, let documentProps = nextData["props"] else { return }
        if propsSource == .clientInitialProps {
            // What getInitialProps returned on the server for the same URL: the browser ran it itself.
            props = documentProps
            notes.append("The props shown are what getInitialProps returned on the server for this URL (the explorer's request for the document): the browser ran it itself.")
            return
        }
        guard outcome == .page, let props else { return }
        documentPropsAgree = Exchange.withoutMarkers(documentProps) == Exchange.withoutMarkers(props)
    }

    /// Props without Next.js's own markers (`__N_SSP`, `__N_SSG`), which a custom server may
    /// write in one place and not the other.
    static func withoutMarkers(_ props: JSONValue) -> JSONValue {
        guard case .object(let members) = props else { return props }
        return .object(members.filter { $0.key != "__N_SSP" && $0.key != "__N_SSG" })
    }

    /// A document's HTML, page and props from `__NEXT_DATA__`, and the error a development
    /// server put there. `nil` when the answer is not an HTML document.
    mutating func readDocument(_ fetch: Fetch) -> DocumentParts? {
        let contentType = fetch.response.headerFields[.contentType] ?? ""
        guard contentType.lowercased().hasPrefix("text/html") else {
            notes.append("The response is \(contentType.isEmpty ? "not typed" : contentType), not an HTML document: no props to show.")
            page = nil
            return nil
        }
        html = fetch.bodyText
        let parts = DocumentParts(html: fetch.body)
        guard let nextData = parts.nextData else {
            notes.append(parts.problem ?? "No __NEXT_DATA__.")
            return parts
        }
        page = nextData["page"]?.stringValue
        props = nextData["props"] ?? ["pageProps": .object([])]
        propsSource = .nextData
        if let error = nextData["err"], error["stack"] == nil, nextData["buildId"]?.stringValue != "development" {
            // A production error document (no stack): the browser shows the site's own error page.
            let status = error["statusCode"]?.doubleValue.map { String(Int($0)) } ?? "an error"
            notes.append("The server answered \(status) with its error page (\(page ?? "/_error")): the browser shows it, as the site wrote it.")
        } else if let error = nextData["err"] {
            // What Next.js's error overlay shows (`next dev` sends it).
            let text = { (key: String) in error[key]?.stringValue ?? "" }
            let serverError = Exchange.ServerError(name: text("name"), message: text("message"), stack: text("stack"))
            self.serverError = serverError
            notes.append(
                "The server failed: \(serverError.name.isEmpty ? "Error" : serverError.name): \(serverError.message) (__NEXT_DATA__.err: the browser shows Next.js's error overlay, so there is no hydration to check).")
        }
        return parts
    }

    /// A full load brought build `buildId` where `known` was before: the site was deployed again.
    mutating func noteNewBuild(_ buildId: String, was known: String) {
        notes.append("The site was deployed again: its build ID is \(buildId) now (was \(known)); the next client transition uses it, as Next.js's client does after this full load.")
        newBuildId = buildId
    }
}

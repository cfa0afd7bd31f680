import SSR

/// What a data response (`/_next/data/<buildId>/<path>.json`) tells Next.js's client router to
/// do. The navigator acts on it as it arrives; a recording (HAR) is read with the same rules.
enum DataAnswer: Sendable, Equatable {
    /// 404 with `{"notFound":true}`: the client renders the 404 page itself.
    case notFound
    /// Any other status than 200: "Failed to load static props", and a hard navigation.
    case failed(status: Int)
    /// 200 but not JSON: the page renders with empty props.
    case unreadable
    /// `__N_REDIRECT` (with its status as written, `?` when absent): to a path of the site
    /// (`keepsBasePath`: `basePath: false` was not set), or to another site.
    case redirect(destination: String, status: String, keepsBasePath: Bool)
    /// The page's props.
    case props(JSONValue)

    init(status: Int, body: [UInt8]) {
        let json = try? JSONValue(parsing: body)
        if status == 404, let notFound = json?["notFound"], notFound.isTruthy {
            self = .notFound
            return
        }
        guard status == 200 else {
            self = .failed(status: status)
            return
        }
        guard let json else {
            self = .unreadable
            return
        }
        let pageProps = json["pageProps"] ?? .object([])
        if let destination = pageProps["__N_REDIRECT"]?.stringValue {
            self = .redirect(
                destination: destination, status: pageProps["__N_REDIRECT_STATUS"].map { $0.jsonText } ?? "?",
                keepsBasePath: pageProps["__N_REDIRECT_BASE_PATH"] != .bool(false))
            return
        }
        self = .props(pageProps)
    }

    init(_ fetch: Fetch) { self.init(status: fetch.response.status.code, body: fetch.body) }
}

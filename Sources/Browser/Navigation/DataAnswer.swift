import HTTPTypes
import SSR

/// What a data response (`/_next/data/<buildId>/<path>.json`) tells Next.js's client router to
/// do, read on its own: how a recording (HAR) is read. (The navigator, which makes the requests,
/// follows the client's own steps: `routeInfo`, ``MiddlewareEffect``.)
enum DataAnswer: Sendable, Equatable {
    /// 404 with `{"notFound":true}`: the client renders the 404 page itself.
    case notFound
    /// Any other status than 200: "Failed to load static props", and a hard navigation.
    case failed(status: Int)
    /// 200 but not JSON (a page the proxy rewrote to): the page renders with empty props.
    case unreadable
    /// `__N_REDIRECT` (with its status as written, `?` when absent): to a path of the site
    /// (`keepsBasePath`: `basePath: false` was not set), or to another site.
    case redirect(destination: String, status: String, keepsBasePath: Bool)
    /// The proxy redirected (`x-nextjs-redirect`, a 3xx without `Location`).
    case proxyRedirect(destination: String)
    /// An HTTP redirect, which the client's `fetch` follows to `location`.
    case followed(location: String)
    /// The props, as the client holds them (`pageProps` and what is beside it).
    case props(JSONValue)

    init(status: Int, body: [UInt8], fields: HTTPFields = [:]) {
        if (300..<400).contains(status) {
            if let destination = fields[.nextjsRedirect] {
                self = .proxyRedirect(destination: destination)
                return
            }
            if let location = fields[.location] {
                self = .followed(location: location)
                return
            }
        }
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
        guard case .object(var members) = json else {
            self = .props(["pageProps": .object([])])
            return
        }
        if !members.contains(where: { $0.key == "pageProps" }) { members.insert(JSONValue.Member("pageProps", .object([])), at: 0) }
        self = .props(.object(members))
    }

    init(_ fetch: Fetch) { self.init(status: fetch.response.status.code, body: fetch.body, fields: fetch.response.headerFields) }
}

import HTTPTypes
import SSR

/// A data answer as Next.js's client keeps it (`fetchNextData`'s result): the data URL, the
/// response it ended with (a `fetch` follows HTTP redirects), and its JSON.
struct NextDataFetch: Sendable {
    let dataHref: String
    let response: HTTPResponse
    let body: [UInt8]
    /// The body as JSON; `nil` when it is not (an HTML page the proxy rewrote to), `{}` for a
    /// redirect of the proxy and for a background `HEAD`.
    let json: JSONValue?
    /// `404 {"notFound":true}`: the client renders its 404 page.
    let notFound: Bool

    /// The proxy answered a prefetch without running the page (`x-middleware-skip`).
    var skipped: Bool { response.headerFields[.middlewareSkip] != nil }
}

/// Why a data request failed for Next.js's client: "Failed to load static props" for an answer
/// that is neither 200, a redirect of the proxy, nor `{"notFound":true}`; "Failed to fetch"
/// when there was no answer (or a redirect to another origin, which `fetch` refuses).
enum NextDataFailure: Error, Sendable {
    case status(Int)
    case network(String)
    /// The navigation was stopped or superseded before the answer came.
    case stopped
    /// The answer names another deployment than the page's (`x-nextjs-deployment-id`).
    case otherDeployment(String)

    /// In words, as the router's error says it.
    var message: String {
        switch self {
        case .status(let code): "the data request answered \(code): Next.js's router fails with \"Failed to load static props\""
        case .network(let why): "the data request got no answer (\(why)): Next.js's router fails with \"Failed to fetch\""
        case .stopped: "stopped before the answer came"
        case .otherDeployment(let id):
            "the data answer comes from another deployment (x-nextjs-deployment-id: \(id)): Next.js's client fails with \"Loaded static props were from an outdated deployment, forcing a hard reload\""
        }
    }
}

/// How a data request is made (`fetchNextData`'s options that change what is sent or kept).
struct NextDataRequest: Sendable {
    enum Kind: Sendable {
        /// A navigation's request.
        case navigation
        /// A link's prefetch (`purpose: prefetch`).
        case prefetch
        /// The check a static page's data is still fresh, sent after a transition (`HEAD`).
        case background
    }

    var dataHref: String
    var kind: Kind = .navigation
    /// Asked to learn what the proxy does (`hasMiddleware`): a redirect of the proxy is an
    /// answer, not a failure, and a prefetch says so (`x-middleware-prefetch: 1`).
    var middleware = false
    /// Keep the answer for the page's lifetime (`persistCache`: always in production but in
    /// preview mode). A background check is never kept.
    var persist = true
    /// Ask again even when an answer is kept (a hovered link's prefetch, after a skipped one).
    var skipCache = false
    /// The first render after a document load: a 5xx is asked three times (`fetchRetry`).
    var serverRender = false
    /// Whether the answer's JSON is read (`parseJSON`).
    var parseJSON = true

    /// The page's deployment (`x-deployment-id`), when it has one.
    var deploymentId: String?

    var method: HTTPRequest.Method { if case .background = kind { .head } else { .get } }

    var headers: HTTPFields {
        var fields: HTTPFields = [:]
        if case .prefetch = kind {
            fields[.purpose] = "prefetch"
            if middleware { fields[.middlewarePrefetch] = "1" }
        }
        if let deploymentId { fields[.deploymentId] = deploymentId }
        fields[.nextjsData] = "1"
        return fields
    }
}

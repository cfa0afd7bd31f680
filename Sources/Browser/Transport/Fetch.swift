import Foundation
import HTTPTypes

/// One HTTP request the explorer made and what came back, with its timing. A navigation is
/// one or more of these (a redirect adds one per hop).
public struct Fetch: Sendable {
    /// The request as sent: method, path (with basePath and query), headers.
    public var request: HTTPRequest
    public var response: HTTPResponse
    public var body: [UInt8]
    public var timing: Timing
    /// In-process only: the HTML the server rendered inside `#__next` from the page's props,
    /// also for a data request (which does not send it). The hydration check compares with it.
    public var serverHTML: String?
    /// When the request was sent (a HAR's `startedDateTime`).
    public var started: Date

    /// `started` defaults to the answer's time less its duration: a fetch is made when it ends.
    public init(request: HTTPRequest, response: HTTPResponse, body: [UInt8], timing: Timing, serverHTML: String? = nil, started: Date? = nil) {
        self.request = request
        self.response = response
        self.body = body
        self.timing = timing
        self.serverHTML = serverHTML
        self.started = started ?? Date(timeIntervalSinceNow: -timing.totalMilliseconds / 1000)
    }

    /// The request target as a browser's network panel shows it: `GET /_next/data/…/posts/1.json`.
    public var requestLine: String { "\(request.method) \(request.path ?? "/")" }

    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}

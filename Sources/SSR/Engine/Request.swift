import HTTPTypes

/// An HTTP request as the engine takes it: swift-http-types' head and the body bytes.
public struct Request: Sendable {
    public var head: HTTPRequest
    public var body: [UInt8]

    /// A request as an HTTP server received it.
    public init(_ head: HTTPRequest, body: [UInt8] = []) {
        self.head = head
        self.body = body
    }

    /// A request for `path` (with its query), e.g. `Request(.get, "/posts/1?ref=home")`.
    public init(_ method: HTTPRequest.Method = .get, _ path: String, headerFields: HTTPFields = [:], body: [UInt8] = []) {
        self.head = HTTPRequest(method: method, scheme: "http", authority: "localhost", path: path, headerFields: headerFields)
        self.body = body
    }
}

/// An HTTP response from the engine: swift-http-types' head and the complete body.
public struct Response: Sendable {
    public var head: HTTPResponse
    /// Empty for HEAD requests and 304s; `Content-Length` still tells the full length.
    public var body: [UInt8]

    public init(head: HTTPResponse, body: [UInt8]) {
        self.head = head
        self.body = body
    }

    public var status: HTTPResponse.Status { head.status }
    public var headerFields: HTTPFields { head.headerFields }
    /// The body as UTF-8 text.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}

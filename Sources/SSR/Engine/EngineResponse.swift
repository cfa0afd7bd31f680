import HTTPTypes

/// An HTTP response from the engine: swift-http-types' head and the complete body.
public struct EngineResponse: Sendable {
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

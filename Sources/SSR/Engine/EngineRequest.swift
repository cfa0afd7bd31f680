import HTTPTypes

/// An HTTP request as the engine takes it: swift-http-types' head and the body bytes.
public struct EngineRequest: Sendable {
    public var head: HTTPRequest
    public var body: [UInt8]

    /// A request as an HTTP server received it.
    public init(_ head: HTTPRequest, body: [UInt8] = []) {
        self.head = head
        self.body = body
    }

    /// A request for `path` (with its query), e.g. `EngineRequest(.get, "/posts/1?ref=home")`.
    public init(_ method: HTTPRequest.Method = .get, _ path: String, headerFields: HTTPFields = [:], body: [UInt8] = []) {
        self.head = HTTPRequest(method: method, scheme: "http", authority: "localhost", path: path, headerFields: headerFields)
        self.body = body
    }
}

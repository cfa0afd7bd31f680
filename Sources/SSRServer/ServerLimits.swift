/// What one request may ask of the server; past each, an error page with the matching status.
public struct ServerLimits: Sendable {
    /// Bytes of the request target (path and query): 414 URI Too Long.
    public var targetBytes = 8 * 1024
    /// Bytes of all header names and values: 431 Request Header Fields Too Large.
    public var headerBytes = 32 * 1024
    /// Bytes of a request body: 413 Payload Too Large.
    public var bodyBytes = 1024 * 1024
    /// How long a page may take (its `getServerSideProps` and render): 504 Gateway Timeout.
    /// The page keeps running, but the client gets its answer and the server takes others.
    public var pageTime: Duration = .seconds(10)
    /// How long a connection may stay silent (between requests, or in the middle of one)
    /// before the server closes it: Node's keep-alive timeout, which `next start` keeps.
    public var idleTime: Duration = .seconds(5)

    public init() {}
}

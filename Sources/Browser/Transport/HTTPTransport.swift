import AsyncHTTPClient
import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1
import SSR

/// Requests to a running server over HTTP (any server that speaks Next.js's protocol). Timing
/// as curl's `-w` gives it — time to first byte and download — with the server's own
/// `Server-Timing` phases beside it. Redirects are not followed here: the navigator follows
/// them, one fetch per hop.
///
/// ```swift
/// let transport = try HTTPTransport(url: "http://127.0.0.1:3000")
/// let navigator = Navigator(transport: transport)
/// ```
public struct HTTPTransport: Transport {
    /// `http://host:port`, without a trailing slash.
    public let origin: String
    public var pageOrigin: String { origin }
    /// The whole answer must have come within this (connecting may take up to 5 s of it).
    public let readTimeout: Duration

    /// Clients for the process (a client must be shut down before it is released, and the
    /// explorer uses them until it exits): one that decodes gzip and deflate, for requests that
    /// offer them (`Accept-Encoding`), and one that neither offers nor decodes, since the first
    /// adds `Accept-Encoding: deflate, gzip` to a request without one.
    private static let decoding = client(decompression: .enabled(limit: .ratio(100)))
    private static let plain = client(decompression: .disabled)

    private static func client(decompression: HTTPClient.Decompression) -> HTTPClient {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow, timeout: .init(connect: .seconds(5), read: .seconds(30)), decompression: decompression)
        // A refused connection is an answer (the server is down): say so at once rather than
        // retrying until the connect timeout.
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// The page first read to learn the site: `/`, or the path of the URL given, which a site
    /// with a `basePath` needs (`http://127.0.0.1:3000/docs`).
    public let entryPath: String

    /// `url` is a server's base URL (`http://127.0.0.1:3000`) or a page of the site.
    public init(url: String, readTimeout: Duration = .seconds(30)) throws(TransportError) {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = parsed.host, !host.isEmpty
        else { throw TransportError("“\(url)” is not a server URL: give one such as http://127.0.0.1:3000") }
        guard parsed.query == nil, parsed.fragment == nil else {
            throw TransportError("“\(url)” has a query or fragment: give the server's URL, such as http://127.0.0.1:3000 (or /docs after it for a basePath)")
        }
        origin = "\(scheme)://\(host.contains(":") ? "[\(host)]" : host)" + (parsed.port.map { ":\($0)" } ?? "")
        let path = parsed.path(percentEncoded: true)
        entryPath = path.isEmpty ? "/" : path
        self.readTimeout = readTimeout
    }

    /// What Next.js's client knows when a page has loaded, read from the entry page
    /// (``entryPath``) and the client's files (``SiteDiscovery``).
    public func siteInfo() async throws(TransportError) -> SiteInfo {
        try await SiteDiscovery(origin: origin, entryPath: entryPath) { request throws(TransportError) in try await self.send(request, body: []) }
            .siteInfo()
    }

    /// The site's basePath and where its `/_next/static/` files are on this server (`nil`: on
    /// another host), from a document fetched at `path`. Next.js writes `basePath` (or an
    /// `assetPrefix`) before `/_next/static/` in the script URLs. Without a script on this host
    /// (files on an `assetPrefix` CDN, or a server that sends no scripts) the basePath is what the
    /// path has before the page's own route.
    static func basePath(of html: [UInt8], at path: String, page: String?, locales: [String], origin: String) -> (basePath: String, assets: String?) {
        let written = DocumentParts.assetBase(in: html)
        if var base = written {
            if base.hasPrefix(origin + "/") || base == origin { base = String(base.dropFirst(origin.count)) }
            if base.isEmpty || (base.hasPrefix("/") && !base.hasPrefix("//")) { return (base, base) }
        }
        let basePath = basePath(at: path, page: page, locales: locales)
        return (basePath, written == nil ? basePath : nil)
    }

    /// `/base/fr/about` showing page `/about` has basePath `/base` (the locale comes after it).
    /// Only a page without parameters says where it is; `/404` stands for any path.
    private static func basePath(at path: String, page: String?, locales: [String]) -> String {
        let shown = path[...].pathAndRest.path
        guard let page, !page.contains("["), page != "/404", page != "/_error", shown.hasSuffix(page == "/" ? "" : page) else { return "" }
        var prefix = shown.dropLast(page == "/" ? 0 : page.count).withoutTrailingSlashes
        if let slash = prefix.lastIndex(of: "/"), locales.contains(where: { $0.lowercased() == prefix[prefix.index(after: slash)...].lowercased() }) {
            prefix = prefix[..<slash]
        }
        return prefix == "/" ? "" : String(prefix)
    }

    public func send(_ request: HTTPRequest, body: [UInt8]) async throws(TransportError) -> Fetch {
        let url = origin + (request.path ?? "/")
        let started = ContinuousClock.now
        do {
            var headers = HTTPHeaders()
            for field in request.headerFields { headers.add(name: field.name.rawName, value: field.value) }
            let outgoing = try HTTPClient.Request(
                url: url, method: HTTPMethod(rawValue: request.method.rawValue), headers: headers,
                body: body.isEmpty ? nil : .bytes(body))
            let delegate = FetchTimingDelegate(bodyLimit: HTTPTransport.bodyLimit)
            let deadline = NIODeadline.now() + TimeAmount(readTimeout)
            let client = request.headerFields[.acceptEncoding] == nil ? HTTPTransport.plain : HTTPTransport.decoding
            let task = client.execute(request: outgoing, delegate: delegate, deadline: deadline)
            // A navigation that is stopped or superseded closes its connection at once.
            let received = try await withTaskCancellationHandler { try await task.futureResult.get() } onCancel: { task.cancel() }
            var fields = HTTPFields()
            for header in received.head.headers {
                if let name = HTTPField.Name(header.name) { fields.append(HTTPField(name: name, value: header.value)) }
            }
            let status = HTTPResponse.Status(code: Int(received.head.status.code), reasonPhrase: received.head.status.reasonPhrase)
            var timing = Timing(total: received.lastByte - started, serverTimingOf: fields)
            timing.phases.insert(contentsOf: [
                Timing.Phase(name: "connect", milliseconds: (received.requestSent - started).inMilliseconds, source: .client),
                Timing.Phase(name: "ttfb", milliseconds: (received.firstByte - received.requestSent).inMilliseconds, source: .client),
                Timing.Phase(name: "download", milliseconds: (received.lastByte - received.firstByte).inMilliseconds, source: .client),
            ], at: 0)
            return Fetch(
                request: request, response: HTTPResponse(status: status, headerFields: fields),
                body: Array(buffer: received.body), timing: timing)
        } catch {
            throw TransportError(HTTPTransport.describe(error, url: url))
        }
    }

    /// Answers larger than this are refused rather than held in memory.
    static let bodyLimit = 512 * 1024 * 1024

    /// A remote server's pages cannot run here.
    public func renderClientSide(page: String, pageProps: [UInt8]) -> Result<String, ClientRenderError>? { nil }

    /// What went wrong, for a person.
    static func describe(_ error: any Error, url: String) -> String {
        let text = String(describing: error)
        if text.contains("connectTimeout") { return "\(url): no connection within the time limit (is the server up?)" }
        if text.contains("connectionRefused") || text.contains("Connection refused") || text.contains("ECONNREFUSED") {
            return "\(url): connection refused (is the server running?)"
        }
        if text.contains("deadlineExceeded") || text.contains("readTimeout") { return "\(url): no complete answer within the time limit" }
        if text.contains("remoteConnectionClosed") { return "\(url): the server closed the connection without an answer" }
        if error is HTTPParserError {
            return "\(url): the answer is not HTTP (\(text))"
        }
        return "\(url): \(text)"
    }
}

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
    /// Connecting may take this long; then the whole answer this long.
    public let connectTimeout: Duration
    public let readTimeout: Duration

    /// One client for the process: a client must be shut down before it is released, and the
    /// explorer uses it until it exits.
    private static let client = HTTPClient(
        eventLoopGroupProvider: .singleton,
        configuration: HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(5), read: .seconds(30)),
            decompression: .enabled(limit: .ratio(100))))

    /// `url` is a server's base URL: `http://127.0.0.1:3000`.
    public init(url: String, connectTimeout: Duration = .seconds(5), readTimeout: Duration = .seconds(30)) throws(TransportError) {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = parsed.host, !host.isEmpty
        else { throw TransportError("“\(url)” is not a server URL: give one such as http://127.0.0.1:3000") }
        guard parsed.path.isEmpty || parsed.path == "/", parsed.query == nil else {
            throw TransportError("“\(url)” has a path or query: give the server's base URL only, such as http://127.0.0.1:3000")
        }
        origin = "\(scheme)://\(host.contains(":") ? "[\(host)]" : host)" + (parsed.port.map { ":\($0)" } ?? "")
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
    }

    /// The build ID from `__NEXT_DATA__` of `/`, the routes from the build manifest when the
    /// server has one.
    public func siteInfo() async throws(TransportError) -> SiteInfo {
        let home = try await send(HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/", headerFields: [.accept: "text/html"]), body: [])
        let parts = DocumentParts(html: home.body)
        guard case .object(let members)? = parts.nextData,
              case .string(let buildId)? = members.first(where: { $0.key == "buildId" })?.value
        else {
            throw TransportError("\(origin)/ answered \(home.response.status.code) without a build ID: \(parts.problem ?? "its __NEXT_DATA__ has no buildId")")
        }
        func strings(_ key: String) -> [String] {
            guard case .array(let values)? = members.first(where: { $0.key == key })?.value else { return [] }
            return values.compactMap { if case .string(let s) = $0 { s } else { nil } }
        }
        let defaultLocale: String? = if case .string(let s)? = members.first(where: { $0.key == "defaultLocale" })?.value { s } else { nil }
        let manifestPath = "/_next/static/\(buildId)/_buildManifest.js"
        let manifest = try? await send(HTTPRequest(method: .get, scheme: nil, authority: nil, path: manifestPath), body: [])
        let routes = manifest.flatMap { $0.response.status == .ok ? BuildManifestReader.routes($0.body) : nil }
        return SiteInfo(
            buildId: buildId, routes: routes?.map { SiteInfo.Route(pattern: $0, hasServerSideProps: nil) },
            locales: strings("locales"), defaultLocale: defaultLocale)
    }

    public func send(_ request: HTTPRequest, body: [UInt8]) async throws(TransportError) -> Fetch {
        var outgoing = HTTPClientRequest(url: origin + (request.path ?? "/"))
        outgoing.method = HTTPMethod(rawValue: request.method.rawValue)
        for field in request.headerFields { outgoing.headers.add(name: field.name.rawName, value: field.value) }
        if !body.isEmpty { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        let clock = ContinuousClock()
        let started = clock.now
        do {
            let response = try await HTTPTransport.client.execute(outgoing, timeout: .seconds(readTimeout.components.seconds))
            let firstByte = clock.now
            let bytes = try await response.body.collect(upTo: 512 * 1024 * 1024)
            let finished = clock.now
            var fields = HTTPFields()
            for header in response.headers {
                if let name = HTTPField.Name(header.name) { fields.append(HTTPField(name: name, value: header.value)) }
            }
            let head = HTTPResponse(status: HTTPResponse.Status(code: Int(response.status.code), reasonPhrase: response.status.reasonPhrase), headerFields: fields)
            var timing = Timing(total: finished - started, serverTimingOf: fields)
            timing.phases.insert(contentsOf: [
                Timing.Phase(name: "ttfb", milliseconds: Timing.milliseconds(firstByte - started), source: .client),
                Timing.Phase(name: "download", milliseconds: Timing.milliseconds(finished - firstByte), source: .client),
            ], at: 0)
            return Fetch(request: request, response: head, body: Array(buffer: bytes), timing: timing)
        } catch {
            throw TransportError(HTTPTransport.describe(error, url: origin + (request.path ?? "/")))
        }
    }

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
        return "\(url): \(text)"
    }
}

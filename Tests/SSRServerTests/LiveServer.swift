import AsyncHTTPClient
import Foundation
import TestSupport
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import SSR
import SSRServer
import ServiceLifecycle
import Synchronization

/// A small site served over real HTTP on an ephemeral loopback port, and a client for it.
enum LiveSite {
    struct Post: ServerSidePage {
        struct Props: Codable, Sendable { var id: String; var text: String }
        func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<Props> {
            let id = context.params?["id"]?.string ?? ""
            switch id {
            case "missing": return .notFound
            case "old": return .redirect(destination: "/posts/1", permanent: true)
            case "fails": throw URLError(.badServerResponse)
            default: return .props(Props(id: id, text: String(repeating: "words of a post ", count: 200)))
            }
        }
        func render(_ props: Props) -> some Markup { h1 { "Post \(props.id)" }; p { props.text } }
    }

    /// Takes as long as `?ms=` says.
    struct Slow: ServerSidePage {
        /// The `?tag=` of each one begun: a test waits for its request to be in the page, not for
        /// a guessed time.
        static let started = Mutex<Set<String>>([])
        struct Props: Codable, Sendable { var waited: Int }
        func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<Props> {
            if let tag = context.query["tag"]?.string { _ = Self.started.withLock { $0.insert(tag) } }
            let ms = Int(context.query["ms"]?.string ?? "") ?? 0
            try? await Task.sleep(for: .milliseconds(ms))
            return .props(Props(waited: ms))
        }
        func render(_ props: Props) -> some Markup { p { "waited \(props.waited) ms" } }
    }

    /// Puts the query's `q` in its props, as a search page would, and the request body's text;
    /// `?nan=1` returns NaN.
    struct Echo: ServerSidePage {
        struct Props: Codable, Sendable { var q: String; var score: Double; var body: String }
        func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<Props> {
            .props(Props(
                q: context.query["q"]?.string ?? "", score: context.query["nan"] == nil ? 1 : .nan,
                body: String(decoding: context.request.body, as: UTF8.self)))
        }
        func render(_ props: Props) -> some Markup { p { props.q } }
    }

    struct Home: Page {
        func render(_ props: EmptyProps) -> some Markup { p { "home" } }
    }

    static func engine(_ mode: Engine.Mode) throws -> Engine {
        let site = try Site(
            pages: [
                PageRoute(file: "pages/index.swift", page: Home.self),
                PageRoute(file: "pages/posts/[id].swift", page: Post.self),
                PageRoute(file: "pages/slow.swift", page: Slow.self),
                PageRoute(file: "pages/echo.swift", page: Echo.self),
                PageRoute(file: "pages/about.swift", page: Home.self),
            ],
            buildId: "B")
        return Engine(site: site, mode: mode, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
    }

    /// Runs a server for the length of `body`, then shuts it down gracefully.
    static func withServer<T: Sendable>(
        _ mode: Engine.Mode = .production, limits: ServerLimits = ServerLimits(),
        _ body: @Sendable (Client) async throws -> T
    ) async throws -> T {
        let server = SiteServer(engine: try engine(mode), host: "127.0.0.1", port: 0, limits: limits,
                                logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        return try await ScopedServer.run({ server.application(onListening: $0) }) { port, group in
            try await body(Client(port: port, group: group))
        }
    }

    struct Client: Sendable {
        /// Redirects are answers to check, not to follow; gzip is bytes to check, not to undo.
        /// Kept for the whole test process (a client must be shut down before it is released).
        static let http = HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: HTTPClient.Configuration(redirectConfiguration: .disallow, decompression: .disabled))
        let port: Int
        let group: ServiceGroup

        struct Answer: Sendable {
            var status: Int
            var headers: [(String, String)]
            var body: [UInt8]
            var text: String { String(decoding: body, as: UTF8.self) }
            subscript(_ name: String) -> String? {
                let matches = headers.filter { $0.0.lowercased() == name.lowercased() }.map(\.1)
                return matches.isEmpty ? nil : matches.joined(separator: ", ")
            }
        }

        /// The status line of a request sent byte for byte over a plain socket: for targets an
        /// HTTP client library would correct before sending (malformed percent-encoding).
        func raw(_ requestLine: String) async throws -> String {
            try await raw(bytes: Array("\(requestLine)\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)).statusLine
        }

        /// Sends `bytes` as they are and reads until the server closes the connection (at most
        /// 10 s): for requests no client library would send (control bytes, unknown methods).
        func raw(bytes request: [UInt8]) async throws -> RawHTTP.Answer {
            try await RawHTTP.exchange(request, port: port)
        }

        /// One request, the body read raw (no decompression, no redirects followed).
        func send(_ path: String, method: HTTPMethod = .GET, headers: [(String, String)] = [], body: [UInt8]? = nil) async throws -> Answer {
            var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
            request.method = method
            for (name, value) in headers { request.headers.add(name: name, value: value) }
            if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
            let response = try await Client.http.execute(request, timeout: .seconds(30))
            let bytes = try await response.body.collect(upTo: 64 * 1024 * 1024)
            return Answer(status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) }, body: Array(buffer: bytes))
        }
    }
}

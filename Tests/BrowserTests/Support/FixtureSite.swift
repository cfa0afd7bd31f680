import Browser
import Foundation
import HTTPTypes
import Logging
import SSR

/// A small site whose pages each show one navigation rule: redirects of every kind, notFound,
/// a failing page, a static page, a page whose client render differs from the server's.
enum FixtureSite {
    struct Home: ServerSidePage {
        struct Props: Codable, Sendable { var greeting: String }
        func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<Props> {
            .props(Props(greeting: "hi"))
        }
        func render(_ props: Props) -> some Markup { h1 { props.greeting }; a(.href("/item/2")) { "two" } }
    }

    struct Item: ServerSidePage {
        struct Props: Codable, Sendable { var id: String; var cookie: String?; var header: String? }
        func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<Props> {
            let id = context.params?["id"]?.string ?? ""
            if id == "missing" { return .notFound }
            return .props(Props(id: id, cookie: context.request.cookies["session"], header: context.request.headerFields[.authorization]))
        }
        func render(_ props: Props) -> some Markup { p { "item \(props.id)" } }
    }

    struct About: Page {
        func render(_ props: EmptyProps) -> some Markup { p { "static" } }
    }

    /// `/go/<where>`: the redirect named by the path.
    struct Go: ServerSidePage {
        func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<EmptyProps> {
            switch context.params?["where"]?.string {
            case "item": .redirect(destination: "/item/7", permanent: true)
            case "chain": .redirect(destination: "/go/item", permanent: false)
            case "loop": .redirect(destination: "/go/loop", permanent: false)
            case "outside": .redirect(destination: "/outside", permanent: false, basePath: false)
            case "static": .redirect(destination: "/about", permanent: false)
            default: .redirect(destination: "https://example.com/elsewhere", permanent: false)
            }
        }
        func render(_ props: EmptyProps) -> some Markup { EmptyMarkup() }
    }

    struct Fails: ServerSidePage {
        struct Oops: Error {}
        func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<EmptyProps> { throw Oops() }
        func render(_ props: EmptyProps) -> some Markup { EmptyMarkup() }
    }

    /// Its `secret` is rendered by the server but not sent: the client cannot render the same.
    struct Mismatch: ServerSidePage {
        struct Props: Codable, Sendable {
            var shown: String
            var secret: String = ""
            enum CodingKeys: String, CodingKey { case shown }
        }
        func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<Props> {
            .props(Props(shown: "a", secret: "server only"))
        }
        func render(_ props: Props) -> some Markup { p { props.shown + props.secret } }
    }

    /// Props that do not decode back: the encoder writes `count` as a string.
    struct Undecodable: ServerSidePage {
        struct Props: Codable, Sendable {
            var count: Int
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(String(count), forKey: .count)
            }
        }
        func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<Props> { .props(Props(count: 3)) }
        func render(_ props: Props) -> some Markup { p { "\(props.count)" } }
    }

    static func site(basePath: String = "", i18n: Site.I18n? = nil, buildId: String = "B") throws -> Site {
        try Site(
            pages: [
                PageRoute(file: "pages/index.swift", page: Home.self),
                PageRoute(file: "pages/item/[id].swift", page: Item.self),
                PageRoute(file: "pages/about.swift", page: About.self),
                PageRoute(file: "pages/go/[where].swift", page: Go.self),
                PageRoute(file: "pages/fails.swift", page: Fails.self),
                PageRoute(file: "pages/mismatch.swift", page: Mismatch.self),
                PageRoute(file: "pages/undecodable.swift", page: Undecodable.self),
            ],
            basePath: basePath, i18n: i18n, buildId: buildId)
    }

    /// The fixture's engine, in production, with the build ID given.
    static func engine(buildId: String) throws -> Engine {
        Engine(site: try site(buildId: buildId), logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
    }

    static func navigator(basePath: String = "", i18n: Site.I18n? = nil, mode: Engine.Mode = .production) throws -> Navigator {
        let site = try site(basePath: basePath, i18n: i18n)
        let engine = Engine(site: site, mode: mode, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        return Navigator(transport: InProcessTransport(engine: engine))
    }
}

/// A server with canned answers (by request path, else the default): for the rules about servers
/// that misbehave or answer unusually (garbage JSON, relative redirects), which our engine never does.
struct CannedTransport: Transport {
    struct Answer: Sendable {
        var status: HTTPResponse.Status = .ok
        var headers: HTTPFields = [.contentType: "application/json"]
        var body = ""
    }
    var answer = Answer()
    var byPath: [String: Answer] = [:]
    var fails: TransportError?
    /// The site as its client learns it (default: build `B`, routes unknown).
    var site = SiteInfo(buildId: "B", routes: nil)

    var origin: String { "canned" }
    var pageOrigin: String { "http://localhost" }

    func siteInfo() async throws(TransportError) -> SiteInfo {
        if let fails { throw fails }
        return site
    }

    func send(_ request: HTTPRequest, body: [UInt8]) async throws(TransportError) -> Fetch {
        if let fails { throw fails }
        let answer = byPath[request.path ?? ""] ?? answer
        return Fetch(
            request: request, response: HTTPResponse(status: answer.status, headerFields: answer.headers),
            body: Array(answer.body.utf8), timing: Timing(totalMilliseconds: 1))
    }

    func renderClientSide(page: String, pageProps: [UInt8]) -> Result<String, ClientRenderError>? { nil }
}

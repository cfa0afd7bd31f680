import Explorer
import HTTPTypes
import Logging
import SSR
@testable import ExplorerUI

/// A small site whose props hold what a terminal UI must survive: wide characters, combining
/// marks, an emoji sequence, control characters, a secret, a nested list.
enum UIFixture {
    struct Article: ServerSidePage {
        struct Author: Codable, Sendable { var name: String; var apiToken: String }
        struct Props: Codable, Sendable {
            var id: String
            var title: String
            var tags: [String]
            var author: Author
            var note: String
        }
        func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<Props> {
            let id = context.params?["id"]?.string ?? ""
            if id == "missing" { return .notFound }
            return .props(Props(
                id: id, title: "日本語のタイトル café",
                tags: ["swift", "ssr", "e\u{301}te\u{301}"],
                author: Author(name: "Ada 👩‍💻", apiToken: "tok_123"),
                note: "bell\u{07} and \u{1B}[31mred"))
        }
        func render(_ props: Props) -> some Markup {
            h1 { props.title }
            a(.href("/articles/2")) { "next" }
            a(.href("https://example.com/")) { "elsewhere" }
        }
    }

    struct Home: Page {
        func render(_ props: EmptyProps) -> some Markup { p { "home" }; a(.href("/articles/1")) { "first" } }
    }

    static func engine() throws -> Engine {
        let site = try Site(
            pages: [
                PageRoute(file: "pages/index.swift", page: Home.self),
                PageRoute(file: "pages/articles/[id].swift", page: Article.self),
            ],
            buildId: "B")
        return Engine(site: site, mode: .production, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
    }

    /// The fixture in-process, but every fetch timed 2.5 ms (gSSP 1.25 ms, render 0.5 ms):
    /// screens are the same on every run.
    struct FixedTiming: Transport {
        let inner: InProcessTransport
        var origin: String { "fixture" }
        func siteInfo() async throws(TransportError) -> SiteInfo { try await inner.siteInfo() }
        func send(_ request: HTTPRequest, body: [UInt8]) async throws(TransportError) -> Fetch {
            var fetch = try await inner.send(request, body: body)
            fetch.response.headerFields[.serverTiming] = "gssp;dur=1.25, render;dur=0.5"
            fetch.timing = Timing(totalMilliseconds: 2.5, phases: [
                .init(name: "gssp", milliseconds: 1.25, source: .server), .init(name: "render", milliseconds: 0.5, source: .server),
            ])
            return fetch
        }
        func renderClientSide(page: String, pageProps: [UInt8]) -> Result<String, ClientRenderError>? {
            inner.renderClientSide(page: page, pageProps: pageProps)
        }
    }

    static func navigator(fixedTiming: Bool = true) throws -> Navigator {
        let transport = InProcessTransport(engine: try engine())
        return Navigator(transport: fixedTiming ? FixedTiming(inner: transport) as any Transport : transport)
    }
}

/// Drives an `AppState` as the session does, but in step: each effect is performed and its
/// event applied before the next key.
struct Driver {
    var state: AppState
    let navigator: Navigator
    /// Effects the driver does not perform (copy, quit), in order.
    var outside: [Effect] = []

    init(width: Int, height: Int, navigator: Navigator) async {
        self.navigator = navigator
        state = AppState(width: width, height: height, origin: "fixture", curlBase: "http://localhost:3000")
        let site = await Result { () async throws(TransportError) -> SiteInfo in try await navigator.siteInfo() }
        await run(state.handle(.siteLoaded(site)))
    }

    mutating func press(_ keys: Key...) async { for key in keys { await run(state.handle(.key(key))) } }

    mutating func type(_ text: String) async { for character in text { await press(.character(character)) } }

    mutating func resize(_ width: Int, _ height: Int) async { await run(state.handle(.resize(width: width, height: height))) }

    private mutating func run(_ effects: [Effect]) async {
        for effect in effects {
            if let event = await Session.perform(effect, navigator) {
                await run(state.handle(event))
            } else {
                outside.append(effect)
            }
        }
    }

    var screen: String { Screen.render(state).text }
}

extension Result where Failure == TransportError {
    init(_ body: () async throws(TransportError) -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}

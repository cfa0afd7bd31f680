import Browser
import Foundation
import HTTPTypes
import Logging
import SSR
import Synchronization
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

    /// Waits `?ms=` milliseconds; counts the waits that were stopped (the request cancelled).
    struct Slow: ServerSidePage {
        /// The `ms` of each request begun, so that a test waits for its own (other tests open `/slow` too).
        static let started = Mutex<[Int]>([])
        static let stopped = Atomic<Int>(0)
        struct Props: Codable, Sendable { var waited: Int }
        func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<Props> {
            let ms = Int(context.query["ms"]?.string ?? "") ?? 0
            Slow.started.withLock { $0.append(ms) }
            do {
                try await Task.sleep(for: .milliseconds(ms))
            } catch {
                Slow.stopped.add(1, ordering: .relaxed)
                throw error
            }
            return .props(Props(waited: ms))
        }
        func render(_ props: Props) -> some Markup { p { "waited \(props.waited)" } }
    }

    /// `?n=` items: a payload as long as a test needs.
    struct List: ServerSidePage {
        struct Props: Codable, Sendable { var items: [String] }
        func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<Props> {
            .props(Props(items: (0..<(Int(context.query["n"]?.string ?? "") ?? 0)).map { "item \($0)" }))
        }
        func render(_ props: Props) -> some Markup { ul { for item in props.items { li { item } } } }
    }

    /// What the `user` cookie's holder sees: their name, the posts in their order (by id), a
    /// part that is the same for everyone.
    struct Me: ServerSidePage {
        struct Post: Codable, Sendable { var id: Int; var title: String }
        struct Shared: Codable, Sendable { var motto: String; var links: [String] }
        struct Props: Codable, Sendable { var user: String; var posts: [Post]; var shared: Shared; var admin: Bool? }
        func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<Props> {
            let user = context.request.cookies["user"] ?? "guest"
            let posts = (1...5).map { Post(id: $0, title: "post \($0)") }
            return .props(Props(
                user: user, posts: user == "grace" ? [posts[2], posts[0], posts[1], posts[3], posts[4]] : Array(posts.prefix(4)),
                shared: Shared(motto: "the same for all", links: (1...30).map { "/l/\($0)" }), admin: user == "grace" ? true : nil))
        }
        func render(_ props: Props) -> some Markup { p { "hello \(props.user)" } }
    }

    /// The fixture site; `morePages` adds `/slow`, `/list` and `/me`.
    static func engine(morePages: Bool = false, buildId: String = "B") throws -> Engine {
        let site = try Site(
            pages: [
                PageRoute(file: "pages/index.swift", page: Home.self),
                PageRoute(file: "pages/articles/[id].swift", page: Article.self),
            ] + (morePages ? [
                PageRoute(file: "pages/slow.swift", page: Slow.self), PageRoute(file: "pages/list.swift", page: List.self),
                PageRoute(file: "pages/me.swift", page: Me.self),
            ] : []),
            buildId: buildId)
        return Engine(site: site, mode: .production, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
    }

    /// The fixture in-process, but every fetch timed alike: by default 2.5 ms (gSSP 1.25 ms,
    /// render 0.5 ms, said in `Server-Timing`), so screens are the same on every run.
    struct FixedTiming: Transport {
        let inner: InProcessTransport
        var serverTiming: String? = "gssp;dur=1.25, render;dur=0.5"
        var timing = Timing(totalMilliseconds: 2.5, phases: [
            .init(name: "gssp", milliseconds: 1.25, source: .server), .init(name: "render", milliseconds: 0.5, source: .server),
        ])
        var origin: String { "fixture" }
        var pageOrigin: String { "http://localhost" }
        func siteInfo() async throws(TransportError) -> SiteInfo { try await inner.siteInfo() }
        func send(_ request: HTTPRequest, body: [UInt8]) async throws(TransportError) -> Fetch {
            var fetch = try await inner.send(request, body: body)
            fetch.response.headerFields[.serverTiming] = serverTiming
            fetch.timing = timing
            return fetch
        }
        func renderClientSide(page: String, pageProps: [UInt8]) -> Result<String, ClientRenderError>? {
            inner.renderClientSide(page: page, pageProps: pageProps)
        }
    }

    static func navigator(fixedTiming: Bool = true, morePages: Bool = false) throws -> Navigator {
        let transport = InProcessTransport(engine: try engine(morePages: morePages))
        // The languages of every run alike, whatever the machine's locale.
        return Navigator(
            transport: fixedTiming ? FixedTiming(inner: transport) as any Transport : transport,
            browserHeaders: BrowserHeaders(acceptLanguage: "en-US,en;q=0.9"))
    }
}

/// Drives an `AppState` as the session does, but in step: each effect is performed and its
/// event applied before the next key.
struct Driver {
    var state: AppState
    let navigator: Navigator
    /// Effects the driver does not perform (copy, quit), in order.
    var outside: [Effect] = []

    /// The site `D` diffs a page on when told `other`.
    let otherSite: (name: String, transport: any Transport)?

    init(width: Int, height: Int, navigator: Navigator, otherSite: (name: String, transport: any Transport)? = nil) async {
        self.navigator = navigator
        self.otherSite = otherSite
        state = AppState(width: width, height: height, origin: "fixture", curlBase: "http://localhost:3000", otherSite: otherSite?.name)
        let site = await Result { () async throws(TransportError) -> SiteInfo in try await navigator.siteInfo() }
        await run(state.handle(.siteLoaded(site)))
    }

    /// Each key, then the frames it takes to finish what it started (a search's slices).
    mutating func press(_ keys: Key...) async {
        for key in keys {
            await run(state.handle(.key(key)))
            while state.isBusy { state.continueWork() }
        }
    }

    mutating func type(_ text: String) async { for character in text { await press(.character(character)) } }

    /// A key whose effects are held back, as if their work were still running: `deliver`
    /// runs them later, after other keys.
    mutating func pressHolding(_ key: Key) -> [Effect] { state.handle(.key(key)) }

    mutating func deliver(_ effects: [Effect]) async { await run(effects) }

    /// Runs the quick half of held effects (history moves) and returns their long work, to
    /// `finish` later.
    mutating func start(_ effects: [Effect]) async -> [@Sendable () async -> Event?] {
        var works: [@Sendable () async -> Event?] = []
        for effect in effects.map(Driver.contained) {
            let step = await Session.prepare(effect, navigator, otherSite: otherSite?.transport)
            for event in step.events { await run(state.handle(event)) }
            if let work = step.work { works.append(work) }
        }
        return works
    }

    mutating func finish(_ works: [@Sendable () async -> Event?]) async {
        for work in works { if let event = await work() { await run(state.handle(event)) } }
    }

    mutating func resize(_ width: Int, _ height: Int) async { await run(state.handle(.resize(width: width, height: height))) }

    private mutating func run(_ effects: [Effect]) async {
        for effect in effects.map(Driver.contained) {
            let step = await Session.prepare(effect, navigator, otherSite: otherSite?.transport)
            if step.events.isEmpty && step.work == nil { outside.append(effect) }
            for event in step.events { await run(state.handle(event)) }
            if let work = step.work, let event = await work() { await run(state.handle(event)) }
        }
    }

    var screen: String { Screen.render(state).text }

    /// A file saved under a relative name goes to a scratch folder, not where the tests run
    /// (random keys type `W`, a name and Enter).
    static func contained(_ effect: Effect) -> Effect {
        guard case .saveHAR(let save) = effect, !save.path.hasPrefix("/") else { return effect }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("explorer-ui-tests").path
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        return .saveHAR(HARSave(path: scratch + "/" + save.path, exchanges: save.exchanges))
    }
}

extension Result where Failure == TransportError {
    init(_ body: () async throws(TransportError) -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}

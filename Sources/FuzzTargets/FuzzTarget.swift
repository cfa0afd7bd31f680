import SSR

/// The parsers the fuzzer drives: each takes arbitrary bytes, must not crash, and checks a
/// property that must hold for every input (a violated one stops the run like a crash, and
/// libFuzzer keeps the input).
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// The request target: path, percent-encoding, query, normalizing redirects.
    case requestTarget = "request-target"
    /// Route matching: the static lookup against the ordered scan.
    case routeMatch = "route-match"
    /// Data URLs, both ways.
    case dataURL = "data-url"
    /// The explorer's props tree from arbitrary JSON.
    case jsonTree = "json-tree"

    public func run(_ bytes: [UInt8]) {
        switch self {
        case .requestTarget: RequestTargetFuzz.run(bytes)
        case .routeMatch: RouteMatchFuzz.run(bytes)
        case .dataURL: DataURLFuzz.run(bytes)
        case .jsonTree: JSONTreeFuzz.run(bytes)
        }
    }

    /// A site with every kind of route, and one under a basePath with locales.
    static let sites: [Site] = {
        struct P: Page { func render(_ props: EmptyProps) -> some Markup { "" } }
        struct S: ServerSidePage {
            func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<EmptyProps> { .props(EmptyProps()) }
            func render(_ props: EmptyProps) -> some Markup { "" }
        }
        let files = [
            "pages/index.swift", "pages/about.swift", "pages/index/index.swift", "pages/posts/[id].swift",
            "pages/posts/[id]/comments.swift", "pages/blog/[...slug].swift", "pages/docs/[[...path]].swift",
            "pages/[user]/settings.swift", "pages/日本.swift",
        ]
        let pages = files.enumerated().map { $0 % 2 == 0 ? PageRoute(file: $1, page: S.self) : PageRoute(file: $1, page: P.self) }
        return [
            try! Site(pages: pages, buildId: "B"),
            try! Site(pages: pages, basePath: "/base", i18n: Site.I18n(locales: ["en", "fr-CA"], defaultLocale: "en"), buildId: "B"),
        ]
    }()
}

import Foundation
import HTTPTypes
import Logging
import SSR

/// A site exercising every engine behaviour, with pages registered by file path as the
/// build plugin generates them.

struct HomePage: ServerSidePage {
    struct Props: Codable, Sendable, Equatable { var title: String; var count: Int }
    func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<Props> {
        .props(Props(title: "Home", count: 3))
    }
    func head(_ props: Props) -> some Markup { title { props.title } }
    func render(_ props: Props) -> some Markup {
        h1 { props.title }
        p { "\(props.count) posts" }
    }
}

struct AboutPage: Page {
    func head(_ props: EmptyProps) -> some Markup { title { "About" } }
    func render(_ props: EmptyProps) -> some Markup { h1 { "About us" } }
}

/// Posts 1 and 2 exist; `?cache=1` sets a public Cache-Control; `?status=201` sets a status.
struct PostPage: ServerSidePage {
    struct Props: Codable, Sendable, Equatable {
        var id: Int
        var title: String
        var body: String
        var publishedAt: Date
        var tags: [String]
        var rating: Double
    }
    func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<Props> {
        guard let id = context.params?["id"]?.string.flatMap(Int.init), (1...2).contains(id) else { return .notFound }
        if context.query["cache"]?.string == "1" {
            context.response.headerFields[.cacheControl] = "public, s-maxage=10, stale-while-revalidate=59"
        }
        if let status = context.query["status"]?.string.flatMap(Int.init) {
            context.response.status = HTTPResponse.Status(code: status)
        }
        return .props(Props(
            id: id, title: id == 1 ? "</script><script>alert(1)</script>" : "Tom & Jerry",
            body: "line\u{2028}sep\u{2029}end 日本語 😀", publishedAt: Date(timeIntervalSince1970: 1_714_555_800.123),
            tags: ["a/b", "c"], rating: 4.5))
    }
    func render(_ props: Props) -> some Markup {
        article {
            h1 { props.title }
            p { props.body }
        }
    }
}

struct EchoPage: ServerSidePage {
    struct Props: Codable, Sendable, Equatable {
        var params: QueryParameters?
        var query: QueryParameters
        var resolvedUrl: String
        var url: String
        var method: String
        var cookies: [String: String]
        var locale: String?
        var locales: [String]
        var defaultLocale: String?
        var page: String
    }
    func getServerSideProps(_ c: ServerSideContext) async throws -> ServerSideResult<Props> {
        .props(Props(
            params: c.params, query: c.query,
            resolvedUrl: c.resolvedUrl, url: c.request.url, method: c.request.method.rawValue,
            cookies: c.request.cookies, locale: c.locale, locales: c.locales, defaultLocale: c.defaultLocale, page: c.page))
    }
    func render(_ props: Props) -> some Markup { pre { props.resolvedUrl } }
}

struct BlogPage: ServerSidePage {
    struct Props: Codable, Sendable, Equatable { var slug: [String] }
    func getServerSideProps(_ c: ServerSideContext) async throws -> ServerSideResult<Props> {
        .props(Props(slug: c.params?["slug"]?.array ?? []))
    }
    func render(_ props: Props) -> some Markup { ForEach(props.slug) { s in span { s } } }
}

struct DocsPage: ServerSidePage {
    struct Props: Codable, Sendable, Equatable { var slug: [String]?; var hasKey: Bool }
    func getServerSideProps(_ c: ServerSideContext) async throws -> ServerSideResult<Props> {
        .props(Props(slug: c.params?["slug"]?.array, hasKey: c.params?["slug"] != nil))
    }
    func render(_ props: Props) -> some Markup { p { props.slug?.joined(separator: "/") ?? "docs index" } }
}

struct CommentsPage: ServerSidePage {
    struct Props: Codable, Sendable { var which: String }
    func getServerSideProps(_ c: ServerSideContext) async throws -> ServerSideResult<Props> { .props(Props(which: "comments")) }
    func render(_ props: Props) -> some Markup { props.which }
}

struct CommentPage: ServerSidePage {
    struct Props: Codable, Sendable { var which: String }
    func getServerSideProps(_ c: ServerSideContext) async throws -> ServerSideResult<Props> {
        .props(Props(which: "comment " + (c.params?["comment"]?.string ?? "?")))
    }
    func render(_ props: Props) -> some Markup { props.which }
}

struct NestedIndexPage: Page {
    func render(_ props: EmptyProps) -> some Markup { "nested index" }
}

/// `/go/<kind>`: each kind of redirect.
struct GoPage: ServerSidePage {
    func getServerSideProps(_ c: ServerSideContext) async throws -> ServerSideResult<EmptyProps> {
        switch c.params?["kind"]?.string {
        case "permanent": return .redirect(destination: "/posts/1", permanent: true)
        case "temporary":
            c.response.headerFields[.setCookie] = "flash=1; Path=/"
            return .redirect(destination: "/about", permanent: false)
        case "external": return .redirect(destination: "https://nextjs.org/docs", permanent: false)
        case "see-other": return .redirect(destination: "/about", statusCode: 303)
        case "no-base-path": return .redirect(destination: "/elsewhere", permanent: false, basePath: false)
        case "slashes": return .redirect(destination: "//about//team?x=a//b", permanent: false)
        case "bad-status": return .redirect(destination: "/about", statusCode: 304)
        case "both": return .redirect(Redirect(destination: "/about", permanent: true, statusCode: 301))
        default: return .notFound
        }
    }
    func render(_ props: EmptyProps) -> some Markup { EmptyMarkup() }
}

struct DatabaseDown: Error, CustomStringConvertible {
    var description: String { "connection refused: secret-db.internal:5432" }
}

struct BrokenPage: ServerSidePage {
    func getServerSideProps(_ c: ServerSideContext) async throws -> ServerSideResult<EmptyProps> { throw DatabaseDown() }
    func render(_ props: EmptyProps) -> some Markup { EmptyMarkup() }
}

struct NaNPage: ServerSidePage {
    struct Inner: Codable, Sendable { var n: Double }
    struct Item: Codable, Sendable { var a: [JSONValue] }
    struct Props: Codable, Sendable { var k: Item }
    func getServerSideProps(_ c: ServerSideContext) async throws -> ServerSideResult<Props> {
        .props(Props(k: Item(a: [1, ["n": .number(.nan)]])))
    }
    func render(_ props: Props) -> some Markup { EmptyMarkup() }
}

struct ArrayPropsPage: ServerSidePage {
    func getServerSideProps(_ c: ServerSideContext) async throws -> ServerSideResult<[Int]> { .props([1, 2]) }
    func render(_ props: [Int]) -> some Markup { ForEach(props) { $0 } }
}

struct LargePage: ServerSidePage {
    struct Row: Codable, Sendable { var id: Int; var title: String }
    func getServerSideProps(_ c: ServerSideContext) async throws -> ServerSideResult<[String: [Row]]> {
        .props(["rows": (0..<3000).map { Row(id: $0, title: "Row number \($0) with some padding text") }])
    }
    func render(_ props: [String: [Row]]) -> some Markup { ul { ForEach(props["rows"] ?? []) { r in li { r.title } } } }
}

struct Shell: DocumentShell {
    func head() -> some Markup { Style("body{margin:0}") }
    func body(_ page: HTML) -> some Markup { main(.class("layout")) { page } }
}

struct Custom404: ErrorPage {
    func head(_ e: ErrorStatus) -> some Markup { title { "Lost" } }
    func render(_ e: ErrorStatus) -> some Markup { h1 { "custom pages/404" } }
}

struct Custom500: ErrorPage {
    func head(_ e: ErrorStatus) -> some Markup { title { "Oops" } }
    func render(_ e: ErrorStatus) -> some Markup { h1 { "custom pages/500" } }
}

enum TestSite {
    static let pages: [PageRoute] = [
        PageRoute(file: "pages/index.swift", page: HomePage.self),
        PageRoute(file: "pages/about.swift", page: AboutPage.self),
        PageRoute(file: "pages/posts/[id].swift", page: PostPage.self),
        PageRoute(file: "pages/echo/[name].swift", page: EchoPage.self),
        PageRoute(file: "pages/echo/index.swift", page: EchoPage.self),
        PageRoute(file: "pages/blog/[...slug].swift", page: BlogPage.self),
        PageRoute(file: "pages/docs/[[...slug]].swift", page: DocsPage.self),
        PageRoute(file: "pages/[name]/comments.swift", page: CommentsPage.self),
        PageRoute(file: "pages/[name]/[comment].swift", page: CommentPage.self),
        PageRoute(file: "pages/nested-index/index/index.swift", page: NestedIndexPage.self),
        PageRoute(file: "pages/sub/[id].swift", page: EchoPage.self),
        PageRoute(file: "pages/go/[kind].swift", page: GoPage.self),
        PageRoute(file: "pages/broken.swift", page: BrokenPage.self),
        PageRoute(file: "pages/nan.swift", page: NaNPage.self),
        PageRoute(file: "pages/array-props.swift", page: ArrayPropsPage.self),
        PageRoute(file: "pages/large.swift", page: LargePage.self),
    ]

    static func engine(
        _ mode: Engine.Mode = .production, basePath: String = "", i18n: Site.I18n? = nil, custom: Bool = false,
        logger: Logger? = nil
    ) throws -> Engine {
        let site = try Site(
            pages: pages, document: Shell(), notFoundPage: custom ? Custom404() : nil, errorPage: custom ? Custom500() : nil,
            basePath: basePath, i18n: i18n, buildId: "B")
        return Engine(site: site, mode: mode, logger: logger ?? Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
    }
}


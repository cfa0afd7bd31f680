import Foundation
import SSR

/// A page a shared cache may keep: the documentation's Cache-Control example. The render
/// time shows whether an answer came from the cache.
struct CachedPage: ServerSidePage {
    static let cacheControl = "public, s-maxage=10, stale-while-revalidate=59"

    struct Props: Codable, Sendable {
        var renderedAt: Date
        var cacheControl: String
    }

    func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<Props> {
        context.response.headerFields[.cacheControl] = CachedPage.cacheControl
        // Whole seconds: what the page shows must survive the trip through JSON unchanged, or
        // the browser's render would differ from the server's (a hydration mismatch).
        let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        return .props(Props(renderedAt: now, cacheControl: CachedPage.cacheControl))
    }

    func head(_ props: Props) -> some Markup { title { "Cached · The Swift Gazette" } }

    func render(_ props: Props) -> some Markup {
        h1 { "A cacheable page" }
        p { "Rendered at "; time(.datetime(Formatting.timestamp(props.renderedAt))) { Formatting.timestamp(props.renderedAt) } }
        p { "Cache-Control: "; code { props.cacheControl } }
        p(.class("muted")) { "A shared cache serves this for 10 seconds, then serves it stale for up to 59 more while it fetches a fresh one." }
    }
}

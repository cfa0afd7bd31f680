import Foundation
import HTTPTypes
import SSR

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
    func head(_ props: Props) -> some Markup {
        title { props.title }
        meta(.name("description"), .content("One post"))
    }
    func render(_ props: Props) -> some Markup {
        article {
            h1 { props.title }
            p { props.body }
        }
    }
}

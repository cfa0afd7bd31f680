import Foundation
import HTTPTypes
import SSR

struct DocsPage: ServerSidePage {
    struct Props: Codable, Sendable, Equatable { var slug: [String]?; var hasKey: Bool }
    func getServerSideProps(_ c: ServerSideContext) async throws -> ServerSideResult<Props> {
        .props(Props(slug: c.params?["slug"]?.array, hasKey: c.params?["slug"] != nil))
    }
    func render(_ props: Props) -> some Markup { p { props.slug?.joined(separator: "/") ?? "docs index" } }
}

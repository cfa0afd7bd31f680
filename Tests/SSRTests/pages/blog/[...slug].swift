import Foundation
import HTTPTypes
import SSR

struct BlogPage: ServerSidePage {
    struct Props: Codable, Sendable, Equatable { var slug: [String] }
    func getServerSideProps(_ c: ServerSideContext) async throws -> ServerSideResult<Props> {
        .props(Props(slug: c.params?["slug"]?.array ?? []))
    }
    func render(_ props: Props) -> some Markup { ForEach(props.slug) { s in span { s } } }
}

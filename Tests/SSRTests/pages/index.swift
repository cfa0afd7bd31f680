import Foundation
import HTTPTypes
import SSR

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

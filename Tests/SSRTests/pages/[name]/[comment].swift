import Foundation
import HTTPTypes
import SSR

struct CommentPage: ServerSidePage {
    struct Props: Codable, Sendable { var which: String }
    func getServerSideProps(_ c: ServerSideContext) async throws -> ServerSideResult<Props> {
        .props(Props(which: "comment " + (c.params?["comment"]?.string ?? "?")))
    }
    func render(_ props: Props) -> some Markup { props.which }
}

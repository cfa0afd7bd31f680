import Foundation
import HTTPTypes
import SSR

struct CommentsPage: ServerSidePage {
    struct Props: Codable, Sendable { var which: String }
    func getServerSideProps(_ c: ServerSideContext) async throws -> ServerSideResult<Props> { .props(Props(which: "comments")) }
    func render(_ props: Props) -> some Markup { props.which }
}

import Foundation
import HTTPTypes
import SSR

struct NaNPage: ServerSidePage {
    struct Inner: Codable, Sendable { var n: Double }
    struct Item: Codable, Sendable { var a: [JSONValue] }
    struct Props: Codable, Sendable { var k: Item }
    func getServerSideProps(_ c: ServerSideContext) async throws -> ServerSideResult<Props> {
        .props(Props(k: Item(a: [1, ["n": .number(.nan)]])))
    }
    func render(_ props: Props) -> some Markup { EmptyMarkup() }
}

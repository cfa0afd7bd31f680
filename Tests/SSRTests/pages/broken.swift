import Foundation
import HTTPTypes
import SSR

struct DatabaseDown: Error, CustomStringConvertible {
    var description: String { "connection refused: secret-db.internal:5432" }
}

struct BrokenPage: ServerSidePage {
    func getServerSideProps(_ c: ServerSideContext) async throws -> ServerSideResult<EmptyProps> { throw DatabaseDown() }
    func render(_ props: EmptyProps) -> some Markup { EmptyMarkup() }
}

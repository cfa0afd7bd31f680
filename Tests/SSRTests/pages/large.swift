import Foundation
import HTTPTypes
import SSR

struct LargePage: ServerSidePage {
    struct Row: Codable, Sendable { var id: Int; var title: String }
    func getServerSideProps(_ c: ServerSideContext) async throws -> ServerSideResult<[String: [Row]]> {
        .props(["rows": (0..<3000).map { Row(id: $0, title: "Row number \($0) with some padding text") }])
    }
    func render(_ props: [String: [Row]]) -> some Markup { ul { ForEach(props["rows"] ?? []) { r in li { r.title } } } }
}

import Foundation
import HTTPTypes
import SSR

struct ArrayPropsPage: ServerSidePage {
    func getServerSideProps(_ c: ServerSideContext) async throws -> ServerSideResult<[Int]> { .props([1, 2]) }
    func render(_ props: [Int]) -> some Markup { ForEach(props) { $0 } }
}

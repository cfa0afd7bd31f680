import Foundation
import SSR

/// Old post addresses: a permanent redirect (308) to `/posts/[id]`.
struct OldPostPage: ServerSidePage {
    func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<EmptyProps> {
        let id = context.params?["id"]?.string ?? ""
        // The param is decoded: encode it again for the destination path.
        var segment = CharacterSet.urlPathAllowed
        segment.remove("/")
        let encoded = id.addingPercentEncoding(withAllowedCharacters: segment) ?? id
        return .redirect(destination: "/posts/\(encoded)", permanent: true)
    }

    func render(_ props: EmptyProps) -> some Markup { EmptyMarkup() }
}

import Foundation
import HTTPTypes
import SSR

/// `/go/<kind>`: each kind of redirect.
struct GoPage: ServerSidePage {
    func getServerSideProps(_ c: ServerSideContext) async throws -> ServerSideResult<EmptyProps> {
        switch c.params?["kind"]?.string {
        case "permanent": return .redirect(destination: "/posts/1", permanent: true)
        case "temporary":
            c.response.headerFields[.setCookie] = "flash=1; Path=/"
            return .redirect(destination: "/about", permanent: false)
        case "external": return .redirect(destination: "https://nextjs.org/docs", permanent: false)
        case "see-other": return .redirect(destination: "/about", statusCode: 303)
        case "no-base-path": return .redirect(destination: "/elsewhere", permanent: false, basePath: false)
        case "slashes": return .redirect(destination: "//about//team?x=a//b", permanent: false)
        case "bad-status": return .redirect(destination: "/about", statusCode: 304)
        case "both": return .redirect(Redirect(destination: "/about", permanent: true, statusCode: 301))
        default: return .notFound
        }
    }
    func render(_ props: EmptyProps) -> some Markup { EmptyMarkup() }
}

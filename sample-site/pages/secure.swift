import Foundation
import SSR

/// A page served with a Content-Security-Policy whose script nonce is new on every request:
/// the document's `__NEXT_DATA__` script carries it (`nonce="…"`), as a Next.js site configured
/// for a nonce writes it. The shell reads the nonce from this header.
struct SecurePage: ServerSidePage {
    struct Props: Codable, Sendable { var directives: [String] }

    func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<Props> {
        var random = SystemRandomNumberGenerator()
        let nonce = Data((0..<16).map { _ in UInt8.random(in: 0...255, using: &random) }).base64EncodedString()
        context.response.headerFields[.contentSecurityPolicy] = "script-src 'nonce-\(nonce)' 'strict-dynamic'; object-src 'none'; base-uri 'none'"
        return .props(Props(directives: ["script-src", "object-src", "base-uri"]))
    }

    func head(_ props: Props) -> some Markup { title { "Content-Security-Policy · The Swift Gazette" } }

    func render(_ props: Props) -> some Markup {
        h1 { "A page with a Content-Security-Policy" }
        p { "Its scripts run only with the nonce its Content-Security-Policy header names, new on every request; the __NEXT_DATA__ script carries it too." }
        ul { for directive in props.directives { li { directive } } }
    }
}

import HTTPTypes
import SSR

/// Every page's head styles and layout: a navigation bar above the page.
struct Shell: DocumentShell {
    func head() -> some Markup {
        Style("body{font-family:system-ui,sans-serif;max-width:48rem;margin:0 auto;padding:0 1rem;line-height:1.5}header nav a{margin-right:1rem}footer{margin-top:3rem;color:#666;font-size:.875rem}.muted{color:#666}")
    }

    func body(_ page: PageBody) -> some Markup {
        header {
            nav {
                a(.href("/")) { "Home" }
                a(.href("/archive")) { "Archive" }
                a(.href("/docs")) { "Docs" }
                a(.href("/guestbook")) { "Guestbook" }
                a(.href("/dashboard")) { "Dashboard" }
                a(.href("/about")) { "About" }
            }
        }
        main { page }
        footer { "Server-rendered by the Swift SSR engine. Explore it with swift run explorer." }
    }

    /// The nonce a page's Content-Security-Policy names (`/secure`), as the twin's `_document`
    /// reads it from the response.
    func scriptNonce(responseHeaders: HTTPFields) -> String? {
        guard let policy = responseHeaders[.contentSecurityPolicy], let start = policy.range(of: "'nonce-") else { return nil }
        return String(policy[start.upperBound...].prefix { $0 != "'" })
    }
}

/// A page shown for an error status: the site's 404 page (`pages/404`), its 500 page
/// (`pages/500`), or the default (`_error`) for both and for 400 and 405.
public protocol ErrorPage: HTMLScope, Sendable {
    associatedtype Head: Markup
    associatedtype Body: Markup
    @MarkupBuilder func head(_ error: ErrorStatus) -> Head
    @MarkupBuilder func render(_ error: ErrorStatus) -> Body
}

/// The status an error page is rendered for, with Next.js's wording for it.
public struct ErrorStatus: Sendable, Equatable {
    public let statusCode: Int

    public init(statusCode: Int) { self.statusCode = statusCode }

    /// The status pages a visitor can open by their path, `/404` and `/500`, as Next.js serves
    /// them (with their status).
    init?(visitedPath path: Substring) {
        switch path {
        case "/404": self.init(statusCode: 404)
        case "/500": self.init(statusCode: 500)
        default: return nil
        }
    }

    /// `This page could not be found`, `Internal Server Error`, … as Next.js's `_error`.
    public var title: String {
        switch statusCode {
        case 400: "Bad Request"
        case 404: "This page could not be found"
        case 405: "Method Not Allowed"
        case 413: "Payload Too Large"
        case 414: "URI Too Long"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 504: "Gateway Timeout"
        default: "An unexpected error has occurred"
        }
    }
}

/// Next.js's built-in error page: `404` beside `This page could not be found.`, titled
/// `404: This page could not be found`.
public struct DefaultErrorPage: ErrorPage {
    public init() {}

    public func head(_ error: ErrorStatus) -> some Markup {
        title { "\(error.statusCode): \(error.title)" }
    }

    public func render(_ error: ErrorStatus) -> some Markup {
        div(.style("font-family:system-ui,sans-serif;height:100vh;text-align:center;display:flex;flex-direction:column;align-items:center;justify-content:center")) {
            div {
                Style("body{color:#000;background:#fff;margin:0}.next-error-h1{border-right:1px solid rgba(0,0,0,.3)}@media (prefers-color-scheme:dark){body{color:#fff;background:#000}.next-error-h1{border-right:1px solid rgba(255,255,255,.3)}}")
                h1(.class("next-error-h1"), .style("display:inline-block;margin:0 20px 0 0;padding:0 23px 0 0;font-size:24px;font-weight:500;vertical-align:top;line-height:49px")) {
                    error.statusCode
                }
                div(.style("display:inline-block")) {
                    h2(.style("font-size:14px;font-weight:400;line-height:49px;margin:0")) { "\(error.title)." }
                }
            }
        }
    }
}

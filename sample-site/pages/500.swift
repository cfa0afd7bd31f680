import SSR

/// The site's 500 page (`pages/500`), shown in production when a page fails.
struct ServerErrorPage: ErrorPage {
    func head(_ error: ErrorStatus) -> some Markup { title { "Server error · The Swift Gazette" } }

    func render(_ error: ErrorStatus) -> some Markup {
        h1 { "500: something broke on our side" }
        p { "The error was logged. Try again, or go back to the "; a(.href("/")) { "home page" }; "." }
    }
}

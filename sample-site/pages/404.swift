import SSR

/// The site's 404 page (`pages/404`).
struct NotFoundPage: ErrorPage {
    func head(_ error: ErrorStatus) -> some Markup { title { "Not found · The Swift Gazette" } }

    func render(_ error: ErrorStatus) -> some Markup {
        h1 { "404: nothing here" }
        p { "No page answers this address. The " ; a(.href("/archive")) { "archive" }; " lists every post." }
    }
}

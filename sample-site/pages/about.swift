import SSR

/// A static page: no getServerSideProps, so its props are `{}` and a client transition
/// fetches no data for it.
struct AboutPage: Page {
    func head(_ props: EmptyProps) -> some Markup { title { "About · The Swift Gazette" } }

    func render(_ props: EmptyProps) -> some Markup {
        h1 { "About" }
        p { "The Swift Gazette is the sample site of the getServerSideProps explorer: Swift pages, routed by their file paths, rendered on the server from an SQLite database." }
        p { "This page is static: it has no getServerSideProps." }
    }
}

import SSR

/// A catch-all route: `/blog/2026/hello-world` gives `slug = ["2026", "hello-world"]`.
struct BlogPage: ServerSidePage {
    struct Props: Codable, Sendable {
        var slug: [String]
    }

    func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<Props> {
        .props(Props(slug: context.params?["slug"]?.array ?? []))
    }

    func head(_ props: Props) -> some Markup { title { "Blog: \(props.slug.joined(separator: " / "))" } }

    func render(_ props: Props) -> some Markup {
        h1 { "Blog" }
        p { "This catch-all route received \(props.slug.count) segment\(props.slug.count == 1 ? "" : "s"):" }
        ol { ForEach(props.slug) { segment in li { code { segment } } } }
    }
}

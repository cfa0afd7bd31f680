import GRDB
import SSR

/// An optional catch-all route: `/docs` is the docs index, `/docs/routing/dynamic` a page
/// below it. The pages are rows of the `docs` table; others are 404s.
struct DocsPage: ServerSidePage {
    struct Props: Codable, Sendable {
        struct Child: Codable, Sendable {
            var title: String
            var link: String
        }
        var slug: [String]
        var title: String
        var body: String
        var children: [Child]
    }

    func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<Props> {
        let slug = context.params?["slug"]?.array ?? []
        let path = slug.joined(separator: "/")
        let props = try await SampleDatabase.shared().read { db -> Props? in
            guard let row = try Row.fetchOne(db, sql: "SELECT title, body FROM docs WHERE path = ?", arguments: [path]) else { return nil }
            // Direct children only: "routing" lists "routing/dynamic", the index lists top-level pages.
            let children = try Row.fetchAll(db, sql: "SELECT path, title FROM docs WHERE path <> '' ORDER BY path").compactMap { child -> Props.Child? in
                let childPath: String = child["path"]
                let parent = childPath.split(separator: "/").dropLast().joined(separator: "/")
                guard parent == path else { return nil }
                return Props.Child(title: child["title"], link: "/docs/" + childPath)
            }
            return Props(slug: slug, title: row["title"], body: row["body"], children: children)
        }
        guard let props else { return .notFound }
        return .props(props)
    }

    func head(_ props: Props) -> some Markup { title { "\(props.title) · Docs" } }

    func render(_ props: Props) -> some Markup {
        h1 { props.title }
        p { props.body }
        if !props.children.isEmpty {
            ul { ForEach(props.children) { child in li { a(.href(child.link)) { child.title } } } }
        }
    }
}

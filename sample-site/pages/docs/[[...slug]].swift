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
        let props = try SampleDatabase.shared().read { db -> Props? in
            // Compared here, byte for byte, not in SQL: SQLite would end a bound string at a NUL
            // (`/docs/%00` would be the index).
            let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT path, title, body FROM docs ORDER BY path"))
            guard let row = rows.first(where: { ($0["path"] as String).utf8.elementsEqual(path.utf8) }) else { return nil }
            // Direct children only: "routing" lists "routing/dynamic", the index lists top-level pages.
            let children = rows.compactMap { child -> Props.Child? in
                let childPath: String = child["path"]
                let parent = childPath.split(separator: "/").dropLast().joined(separator: "/")
                guard !childPath.isEmpty, parent.utf8.elementsEqual(path.utf8) else { return nil }
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

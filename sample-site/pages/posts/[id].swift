import Foundation
import GRDB
import SSR

/// One post, read from SQLite. An id that is not a post's (or not a number) is a 404.
struct PostPage: ServerSidePage {
    struct Props: Codable, Sendable {
        var id: Int
        var title: String
        var body: String
        var author: String
        var publishedAt: Date
        var tags: [String]
    }

    func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<Props> {
        // Only the canonical form: /posts/01 is not /posts/1.
        guard let text = context.params?["id"]?.string, let id = Int(text), id > 0, String(id) == text else { return .notFound }
        let post = try SampleDatabase.shared().read { db -> Props? in
            guard let row = try Row.fetchOne(
                db.cachedStatement(sql: """
                    SELECT posts.title, posts.body, posts.published_at, authors.name AS author
                    FROM posts JOIN authors ON authors.id = posts.author_id WHERE posts.id = ?
                    """),
                arguments: [id])
            else { return nil }
            let tags = try String.fetchAll(
                db.cachedStatement(sql: "SELECT tags.name FROM post_tags JOIN tags ON tags.id = post_tags.tag_id WHERE post_tags.post_id = ? ORDER BY tags.name"),
                arguments: [id])
            return Props(
                id: id, title: row["title"], body: row["body"], author: row["author"],
                publishedAt: Date(timeIntervalSince1970: row["published_at"]), tags: tags)
        }
        guard let post else { return .notFound }
        return .props(post)
    }

    func head(_ props: Props) -> some Markup { title { "\(props.title) · The Swift Gazette" } }

    func render(_ props: Props) -> some Markup {
        article {
            h1 { props.title }
            p(.class("muted")) {
                "By \(props.author), "
                time(.datetime(Formatting.day(props.publishedAt))) { Formatting.day(props.publishedAt) }
            }
            p { props.body }
            p { "Tags: \(props.tags.joined(separator: ", "))" }
        }
        nav {
            if props.id > 1 { a(.href("/posts/\(props.id - 1)")) { "← Previous" }; " " }
            a(.href("/posts/\(props.id + 1)")) { "Next →" }
        }
    }
}

import GRDB
import SSR

/// Every post: 10,000 links, over Next.js's 128 kB large-page-data threshold on purpose.
struct ArchivePage: ServerSidePage {
    struct Props: Codable, Sendable {
        struct Entry: Codable, Sendable {
            var id: Int
            var title: String
            var link: String
        }
        var posts: [Entry]
    }

    func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<Props> {
        let posts = try SampleDatabase.shared().read { db in
            // A cursor read by column index: fetchAll copies every row, and names are looked up
            // case-insensitively on each access (a quarter of this page's time in a profile).
            var posts: [Props.Entry] = []
            posts.reserveCapacity(10_000)
            let rows = try Row.fetchCursor(db.cachedStatement(sql: "SELECT id, title FROM posts ORDER BY id"))
            while let row = try rows.next() {
                let id: Int = row[0]
                posts.append(Props.Entry(id: id, title: row[1], link: "/posts/\(id)"))
            }
            return posts
        }
        return .props(Props(posts: posts))
    }

    func head(_ props: Props) -> some Markup { title { "Archive · The Swift Gazette" } }

    func render(_ props: Props) -> some Markup {
        h1 { "Archive" }
        p(.class("muted")) { "\(props.posts.count) posts" }
        ul {
            ForEach(props.posts) { post in
                li { a(.href(post.link)) { post.title } }
            }
        }
    }
}

import Foundation
import GRDB
import SSR

/// The home page: the site's name and its ten latest posts, and a link to every page.
struct HomePage: ServerSidePage {
    struct Props: Codable, Sendable {
        struct Post: Codable, Sendable {
            var id: Int
            var title: String
            var author: String
            var publishedAt: Date
        }
        var siteName: String
        var tagline: String
        var latest: [Post]
    }

    func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<Props> {
        let props = try SampleDatabase.shared().read { db in
            let site = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db.cachedStatement(sql: "SELECT key, value FROM site")).map {
                (row: Row) -> (String, String) in (row["key"], row["value"])
            })
            let latest = try Row.fetchAll(
                db.cachedStatement(sql: """
                    SELECT posts.id, posts.title, authors.name AS author, posts.published_at
                    FROM posts JOIN authors ON authors.id = posts.author_id
                    ORDER BY posts.published_at DESC LIMIT 10
                    """)
            ).map { row in
                Props.Post(
                    id: row["id"], title: row["title"], author: row["author"],
                    publishedAt: Date(timeIntervalSince1970: row["published_at"]))
            }
            return Props(siteName: site["name"] ?? "", tagline: site["tagline"] ?? "", latest: latest)
        }
        return .props(props)
    }

    func head(_ props: Props) -> some Markup { title { props.siteName } }

    func render(_ props: Props) -> some Markup {
        h1 { props.siteName }
        p(.class("muted")) { props.tagline }
        h2 { "Latest posts" }
        ul {
            ForEach(props.latest) { post in
                li {
                    a(.href("/posts/\(post.id)")) { post.title }
                    " "
                    span(.class("muted")) { "by \(post.author), \(Formatting.day(post.publishedAt))" }
                }
            }
        }
        h2 { "Every page of this site" }
        ul {
            li { a(.href("/hello")) { "/hello" }; " the smallest server-rendered page" }
            li { a(.href("/about")) { "/about" }; " a static page" }
            li { a(.href("/posts/1")) { "/posts/1" }; " a post read from SQLite" }
            li { a(.href("/archive")) { "/archive" }; " all 10,000 posts (large page data)" }
            li { a(.href("/old/1")) { "/old/1" }; " a permanent redirect" }
            li { a(.href("/external")) { "/external" }; " a redirect to another site" }
            li { a(.href("/dashboard")) { "/dashboard" }; " personalized, needs a session" }
            li { a(.href("/login")) { "/login" }; " how to get one" }
            li { a(.href("/blog/2026/hello-world")) { "/blog/2026/hello-world" }; " a catch-all route" }
            li { a(.href("/docs")) { "/docs" }; " an optional catch-all route" }
            li { a(.href("/cached")) { "/cached" }; " cacheable by a shared cache" }
            li { a(.href("/broken")) { "/broken" }; " getServerSideProps throws" }
            li { a(.href("/guestbook")) { "/guestbook" }; " untrusted text" }
            li { a(.href("/welcome")) { "/welcome" }; " in your language" }
            li { a(.href("/secure")) { "/secure" }; " a Content-Security-Policy nonce" }
        }
    }
}

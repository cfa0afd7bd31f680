import Foundation
import GRDB
import SSR

/// Entries written by visitors: untrusted text, including a script injection attempt, U+2028,
/// CJK, emoji and combining marks. The HTML escapes them; `__NEXT_DATA__` escapes them as
/// Next.js does.
struct GuestbookPage: ServerSidePage {
    struct Props: Codable, Sendable {
        struct Entry: Codable, Sendable {
            var id: Int
            var author: String
            var message: String
            var writtenAt: Date
        }
        var entries: [Entry]
    }

    func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<Props> {
        let entries = try SampleDatabase.shared().read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT id, author, message, written_at FROM guestbook ORDER BY id")).map { row in
                Props.Entry(
                    id: row["id"], author: row["author"], message: row["message"],
                    writtenAt: Date(timeIntervalSince1970: row["written_at"]))
            }
        }
        return .props(Props(entries: entries))
    }

    func head(_ props: Props) -> some Markup { title { "Guestbook · The Swift Gazette" } }

    func render(_ props: Props) -> some Markup {
        h1 { "Guestbook" }
        ForEach(props.entries) { entry in
            article {
                p { entry.message }
                p(.class("muted")) { "— \(entry.author), \(Formatting.day(entry.writtenAt))" }
            }
        }
    }
}

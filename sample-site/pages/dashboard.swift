import Foundation
import GRDB
import HTTPTypes
import SSR

/// A personalized page: the signed-in user's items. The session comes from the `session`
/// cookie or an `Authorization: Bearer` header; without a valid one, a temporary redirect to
/// `/login?next=%2Fdashboard`.
struct DashboardPage: ServerSidePage {
    struct Props: Codable, Sendable {
        /// The whole user row, token included: a deliberate mistake (props are public to whoever
        /// receives the page) for the explorer's sensitive-props warning to find.
        struct User: Codable, Sendable {
            var id: Int
            var name: String
            var email: String
            var sessionToken: String
        }
        struct Item: Codable, Sendable {
            var id: Int
            var title: String
            var done: Bool
        }
        var user: User
        var items: [Item]
    }

    func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<Props> {
        guard let token = DashboardPage.sessionToken(context.request) else { return DashboardPage.toLogin }
        let props = try SampleDatabase.shared().read { db -> Props? in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, name, email, session_token FROM users WHERE session_token = ?"), arguments: [token])
            else { return nil }
            let user = Props.User(id: row["id"], name: row["name"], email: row["email"], sessionToken: row["session_token"])
            let items = try Row.fetchAll(db.cachedStatement(sql: "SELECT id, title, done FROM items WHERE user_id = ? ORDER BY id"), arguments: [user.id]).map {
                Props.Item(id: $0["id"], title: $0["title"], done: $0["done"])
            }
            return Props(user: user, items: items)
        }
        guard let props else { return DashboardPage.toLogin }
        // The answer depends on these request headers: a cache must key on them, or not store it.
        context.response.headerFields[.vary] = "Cookie, Authorization"
        return .props(props)
    }

    static let toLogin: ServerSideResult<Props> = .redirect(destination: "/login?next=%2Fdashboard", permanent: false)

    static func sessionToken(_ request: IncomingRequest) -> String? {
        if let cookie = request.cookies["session"], !cookie.isEmpty { return cookie }
        if let authorization = request.headerFields[.authorization], authorization.lowercased().hasPrefix("bearer ") {
            let token = authorization.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
            return token.isEmpty ? nil : token
        }
        return nil
    }

    func head(_ props: Props) -> some Markup { title { "Dashboard · The Swift Gazette" } }

    func render(_ props: Props) -> some Markup {
        h1 { "Hello, \(props.user.name)" }
        p(.class("muted")) { "Signed in as \(props.user.email)" }
        ul {
            ForEach(props.items) { item in
                li { item.done ? "☑ " : "☐ "; item.title }
            }
        }
    }
}

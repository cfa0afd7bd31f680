import Foundation
import GRDB
import HTTPTypes
import SSR

/// Greets the visitor in the first language of their `Accept-Language` that the site has
/// (request-time information: the same URL answers differently per visitor).
struct WelcomePage: ServerSidePage {
    struct Props: Codable, Sendable {
        var language: String
        var languageName: String
        var greeting: String
        /// What the browser sent, `null` when it sent nothing.
        var acceptLanguage: String?
        var available: [String]
    }

    func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<Props> {
        let header = context.request.headerFields[.acceptLanguage]
        let greetings = try SampleDatabase.shared().read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT language, name, greeting FROM greetings ORDER BY language")).map {
                (language: $0["language"] as String, name: $0["name"] as String, greeting: $0["greeting"] as String)
            }
        }
        let available = greetings.map(\.language)
        let chosen = WelcomePage.negotiate(header ?? "", available: available) ?? "en"
        guard let greeting = greetings.first(where: { $0.language == chosen }) ?? greetings.first else {
            throw SampleDatabaseError("the greetings table is empty")
        }
        context.response.headerFields[.vary] = "Accept-Language"
        context.response.headerFields[.contentLanguage] = greeting.language
        return .props(Props(
            language: greeting.language, languageName: greeting.name, greeting: greeting.greeting,
            acceptLanguage: header, available: available))
    }

    /// The available language with the highest quality in `header` (`fr-CH, fr;q=0.9, en;q=0.8`);
    /// a regional tag matches its language, `q=0` excludes, ties keep the header's order.
    static func negotiate(_ header: String, available: [String]) -> String? {
        var best: (language: String, quality: Double)?
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased(), !tag.isEmpty else { continue }
            var quality = 1.0
            for parameter in pieces.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            let language = String(tag.split(separator: "-").first ?? "")
            guard quality > 0, available.contains(language) else { continue }
            if quality > (best?.quality ?? 0) { best = (language, quality) }
        }
        return best?.language
    }

    func head(_ props: Props) -> some Markup { title { props.greeting } }

    func render(_ props: Props) -> some Markup {
        h1(.attr("lang", props.language)) { props.greeting }
        p { "Chosen from your Accept-Language header: "; code { props.acceptLanguage ?? "(none sent)" } }
        p(.class("muted")) { "This site speaks \(props.available.joined(separator: ", "))." }
    }
}

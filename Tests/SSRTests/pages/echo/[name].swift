import Foundation
import HTTPTypes
import SSR

/// Shows the context getServerSideProps receives.
struct EchoPage: ServerSidePage {
    struct Props: Codable, Sendable, Equatable {
        var params: QueryParameters?
        var query: QueryParameters
        var resolvedUrl: String
        var url: String
        var method: String
        var cookies: [String: String]
        var locale: String?
        var locales: [String]
        var defaultLocale: String?
        var page: String
        var userAgent: String?
        var body: String
    }
    func getServerSideProps(_ c: ServerSideContext) async throws -> ServerSideResult<Props> {
        .props(Props(
            params: c.params, query: c.query,
            resolvedUrl: c.resolvedUrl, url: c.request.url, method: c.request.method.rawValue,
            cookies: c.request.cookies, locale: c.locale, locales: c.locales, defaultLocale: c.defaultLocale, page: c.page,
            userAgent: c.request.headerFields[.userAgent], body: String(decoding: c.request.body, as: UTF8.self)))
    }
    func render(_ props: Props) -> some Markup { pre { props.resolvedUrl } }
}

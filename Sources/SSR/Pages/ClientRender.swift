import Foundation

/// Rendering as the browser does after a client transition: the page's props are decoded from
/// the JSON the data endpoint sent, then the page renders inside the document shell (what
/// `<div id="__next">` holds). The explorer compares this with the server's HTML for the same
/// props: a difference is what React reports as a hydration mismatch.
///
/// ```swift
/// let route = site.pages[0]   // a PageRoute of the site
/// let html = try site.renderClientSide(route, pageProps: Array(#"{"title":"Hi"}"#.utf8))
/// ```
enum ClientRender {
    static func render<P: Page>(_ page: P.Type, pageProps json: [UInt8], shell: any DocumentShell) throws(ClientRenderError) -> String {
        let props: P.Props
        do {
            props = try decoder().decode(P.Props.self, from: Data(json))
        } catch {
            throw ClientRenderError(message: "pageProps do not decode as \(P.Props.self): \(describe(error))")
        }
        let page = P()
        return shell.appHTML(PageBody { page.write(props, into: &$0) })
    }

    /// Dates arrive as `toISOString()` wrote them (with milliseconds; without is accepted).
    private static let isoDate = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    private static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = try? isoDate.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not an ISO-8601 date")
            }
            return date
        }
        return decoder
    }

    /// `DecodingError` in one line: what was wrong, and where.
    private static func describe(_ error: any Error) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.isEmpty ? "the top level" : "`" + keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined() + "`"
        }
        switch error as? DecodingError {
        case .keyNotFound(let key, let context)?: return "key \"\(key.stringValue)\" missing at \(path(context.codingPath))"
        case .typeMismatch(let type, let context)?: return "expected \(type) at \(path(context.codingPath))"
        case .valueNotFound(let type, let context)?: return "expected \(type), found null at \(path(context.codingPath))"
        case .dataCorrupted(let context)?: return "\(context.debugDescription) at \(path(context.codingPath))"
        default: return String(describing: error)
        }
    }
}

/// The page cannot render client-side from the props it was sent.
public struct ClientRenderError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

extension Site {
    /// The HTML inside `<div id="__next">` as the browser renders `route` from `pageProps` (the
    /// JSON object a data request returned, or `__NEXT_DATA__.props.pageProps`).
    package func renderClientSide(_ route: PageRoute, pageProps: [UInt8]) throws(ClientRenderError) -> String {
        try route.page.renderFromJSON(pageProps, document)
    }

    /// The HTML inside `<div id="__next">` of the site's error page for `statusCode`, as the
    /// client renders it after a data request answered `{"notFound":true}`.
    package func renderErrorPageClientSide(statusCode: Int) -> String {
        let status = ErrorStatus(statusCode: statusCode)
        let page = customErrorPage(statusCode) ?? DefaultErrorPage()
        return document.appHTML(PageBody { page.render(status).render(into: &$0) })
    }
}

import ArgumentParser
import Browser
import Foundation
import HTTPTypes

/// What the simulated browser sends and fetches, for the commands that navigate (`inspect`
/// and the terminal UI): headers and cookies of the user's, and the browser's own headers.
struct RequestOptions: ParsableArguments {
    @Option(name: .customLong("header"), help: ArgumentHelp("A request header for every request, e.g. 'Authorization: Bearer demo-token'.", valueName: "name: value"))
    var headers: [String] = []

    @Option(name: .customLong("cookie"), help: ArgumentHelp("A cookie for every request, e.g. session=demo-token.", valueName: "name=value"))
    var cookies: [String] = []

    @Option(
        name: .customLong("omit-header"),
        help: ArgumentHelp(
            "Leave out one of the headers a browser adds: Accept-Language (from your locale), Accept-Encoding, Referer; 'all' for the three.",
            valueName: "name"))
    var omitted: [String] = []

    @Flag(
        name: .customLong("no-server-document"),
        help: "After a client transition on a remote site, do not fetch the server's document for the HTML view (it runs getServerSideProps again).")
    var noServerDocument = false

    func validate() throws {
        _ = try parsedHeaders()
        _ = try parsedCookies()
        _ = try browserHeaders()
    }

    /// A navigator on `transport` that sends what these options say.
    func navigator(_ transport: any Transport) throws -> Navigator {
        Navigator(
            transport: transport, headers: try parsedHeaders(), cookies: try parsedCookies(), browserHeaders: try browserHeaders(),
            fetchesServerDocument: !noServerDocument)
    }

    func browserHeaders() throws -> BrowserHeaders {
        var headers = BrowserHeaders()
        for name in omitted {
            if name.lowercased() == "all" {
                headers.omitted = Set(BrowserHeaders.Name.allCases)
            } else if let header = BrowserHeaders.Name(typed: name) {
                headers.omitted.insert(header)
            } else {
                throw ValidationError("--omit-header takes Accept-Language, Accept-Encoding, Referer or all, not '\(name)'")
            }
        }
        return headers
    }

    func parsedHeaders() throws -> HTTPFields { try RequestOptions.headers(headers, option: "--header") }

    func parsedCookies() throws -> [(name: String, value: String)] { try RequestOptions.cookies(cookies, option: "--cookie") }

    /// `Name: value` pairs given to `option`; the name must be a valid HTTP field name.
    static func headers(_ values: [String], option: String) throws -> HTTPFields {
        var fields = HTTPFields()
        for value in values {
            guard let colon = value.firstIndex(of: ":"),
                let name = HTTPField.Name(value[..<colon].trimmingCharacters(in: .whitespaces))
            else {
                throw ValidationError("\(option) needs 'Name: value' with a valid header name, got '\(value)'")
            }
            fields.append(HTTPField(name: name, value: value[value.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return fields
    }

    /// A page to navigate to, given to `option`: a path of the site (`/posts/1?x=1`, without the
    /// basePath), or an absolute URL of it (`http://127.0.0.1:3000/other`, outside the basePath too).
    static func checkTarget(_ target: String, option: String) throws {
        let lower = target.lowercased()
        guard (target.hasPrefix("/") && !target.hasPrefix("//")) || lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
            throw ValidationError("\(option) must start with a single / (for example /posts/1) or be a URL of the site, got '\(target)'")
        }
    }

    /// The page a `--from` option starts on, loaded as a user who opened it would (its document,
    /// then what the client does once it is up: its checks and prefetches); the exit for a
    /// page that cannot be loaded.
    static func start(_ navigator: Navigator, on page: String, command: String) async throws -> Exchange {
        let start = await navigator.navigate(.hardNavigation, to: page)
        switch start.outcome {
        case .page, .clientNotFound: return start
        case .failed(let why): throw Unavailable.exit(command, "the --from page \(page) could not be loaded: \(why)")
        case .leftSite(let url): throw Unavailable.exit(command, "the --from page \(page) leaves the site for \(url)")
        }
    }

    /// One line on the page a navigation started from, and what it did before the navigation.
    static func startLine(_ start: Exchange) -> String {
        let status = start.lastFetch.map { " \($0.response.status.code)" } ?? ""
        let prefetches = start.prefetches.isEmpty ? "" : ", its links prefetched (\(start.prefetches.count) requests)"
        return "From \(start.url) (a document load\(status)\(prefetches)): the navigation below starts there."
    }

    /// `name=value` pairs given to `option`; names are cookie tokens, values have no `;`.
    static func cookies(_ values: [String], option: String) throws -> [(name: String, value: String)] {
        try values.map { value in
            let parts = value.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0].trimmingCharacters(in: .whitespaces)
            let separators = CharacterSet(charactersIn: "()<>@,;:\\\"/[]?={} \t").union(.controlCharacters)
            guard parts.count == 2, !name.isEmpty, name.rangeOfCharacter(from: separators) == nil,
                !parts[1].contains(";"), !parts[1].unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
            else {
                throw ValidationError("\(option) needs 'name=value' (no ';' or control characters), got '\(value)'")
            }
            return (name, String(parts[1]))
        }
    }
}

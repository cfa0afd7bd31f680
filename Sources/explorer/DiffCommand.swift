import ArgumentParser
import Browser
import ExplorerUI
import Foundation
import HTTPTypes
import Logging

/// `explorer diff PATH`: the same path as two sides see it (two users, two servers, two kinds of
/// navigation), compared: status, URL, headers, props by path, and the cache-leak finding.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Navigate to a path as two sides (a and b) and print what differs: status, URL, headers, props by path.",
        discussion: """
            A side without --url-… is the sample site in-process. Each side navigates as the explorer \
            does (a client transition unless --hard-…), with the browser's headers and its own \
            cookies and headers. Headers that change on every request (Date, Connection, Keep-Alive, \
            Transfer-Encoding, Server-Timing, Age) are left out unless --all-headers.

            Exit status, as diff's: 0 when the two agree, 1 when they differ, 2 on trouble (a site \
            that cannot be reached, a bad header or cookie).
            """)

    @Argument(help: "The path both sides visit, with its query: /dashboard, '/posts/1?ref=x'.")
    var path: String

    @Option(help: ArgumentHelp("Both sides open this page first and navigate from there, as a click on it would.", valueName: "page"))
    var from: String?

    @Option(name: .customLong("url-a"), help: ArgumentHelp("Side a's server (default: in-process).", valueName: "url")) var urlA: String?
    @Option(name: .customLong("url-b"), help: ArgumentHelp("Side b's server (default: in-process).", valueName: "url")) var urlB: String?
    @Option(name: .customLong("cookie-a"), help: ArgumentHelp("A cookie of side a's.", valueName: "name=value")) var cookiesA: [String] = []
    @Option(name: .customLong("cookie-b"), help: ArgumentHelp("A cookie of side b's.", valueName: "name=value")) var cookiesB: [String] = []
    @Option(name: .customLong("header-a"), help: ArgumentHelp("A request header of side a's.", valueName: "name: value")) var headersA: [String] = []
    @Option(name: .customLong("header-b"), help: ArgumentHelp("A request header of side b's.", valueName: "name: value")) var headersB: [String] = []
    @Flag(name: .customLong("hard-a"), help: "Side a makes a hard navigation (the document).") var hardA = false
    @Flag(name: .customLong("hard-b"), help: "Side b makes a hard navigation (the document).") var hardB = false
    @Option(name: .customLong("wait-b"), help: ArgumentHelp("Side b navigates this many seconds after side a: the same page again later.", valueName: "seconds"))
    var waitB = 0.0
    @Flag(name: .customLong("all-headers"), help: "Compare the headers that change on every request too.") var allHeaders = false
    @Flag(help: "Print one JSON object instead of text.") var json = false
    @OptionGroup var engine: EngineOptions

    func run() async throws {
        do {
            try RequestOptions.checkTarget(path, option: "the path")
            if let from { try RequestOptions.checkTarget(from, option: "--from") }
            guard waitB >= 0, waitB <= 3600 else { throw ValidationError("--wait-b takes 0 to 3600 seconds, not \(waitB)") }
            let a = try await side("a", url: urlA, cookies: cookiesA, headers: headersA, hard: hardA)
            if waitB > 0 { try await Task.sleep(for: .seconds(waitB)) }
            let b = try await side("b", url: urlB, cookies: cookiesB, headers: headersB, hard: hardB)
            // The HTML laid out as the HTML view shows it, one element a line.
            let htmlLines = (Presentation(a).html.indentedTexts, Presentation(b).html.indentedTexts)
            let diff = ExchangeDiff(a, b, ignoring: allHeaders ? [] : ExchangeDiff.perRequestHeaders, htmlLines: htmlLines)
            if json {
                print(diff.json.jsonText)
            } else {
                print(diff.lines().joined(separator: "\n"))
            }
            if !diff.agree { throw ExitCode(1) }
        } catch let error as ValidationError {
            throw Trouble.exit(error.message)
        }
    }

    /// One side's navigation to `path`.
    private func side(_ name: String, url: String?, cookies: [String], headers: [String], hard: Bool) async throws -> Exchange {
        let transport: any Transport
        if let url {
            do throws(TransportError) { transport = try HTTPTransport(url: url) } catch { throw ValidationError("--url-\(name): \(error.message)") }
        } else {
            transport = InProcessTransport(engine: try engine.engine(logger: Logger(label: "diff") { _ in SwiftLogNoOpLogHandler() }))
        }
        let navigator = Navigator(
            transport: transport, headers: try RequestOptions.headers(headers, option: "--header-\(name)"),
            cookies: try RequestOptions.cookies(cookies, option: "--cookie-\(name)"))
        do throws(TransportError) { _ = try await navigator.siteInfo() } catch {
            throw ValidationError("side \(name) cannot reach the site: \(error.message)")
        }
        if let from { _ = try await RequestOptions.start(navigator, on: from, command: "diff (side \(name))") }
        return await navigator.navigate(hard ? .hardNavigation : .clientTransition, to: path)
    }

    enum Trouble {
        static func exit(_ message: String) -> ExitCode {
            FileHandle.standardError.write(Data("explorer diff: \(message)\n".utf8))
            return ExitCode(2)
        }
    }
}

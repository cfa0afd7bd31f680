import ArgumentParser
import Browser
import ExplorerUI
import Foundation
import HTTPTypes
import SSR

/// `explorer inspect PATH`: one navigation, printed as props, HTML, headers, timing and findings.
struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Navigate to a path once and print its props, HTML, headers, timing and findings.",
        discussion: """
            By default the navigation is a client transition, as next/link does it: the data URL \
            /_next/data/<buildId>/<path>.json is fetched and the page is rendered from its JSON. \
            --hard fetches the HTML document instead and reads the props from __NEXT_DATA__.

            Exit status: 0 when the site answered (whatever the HTTP status), 64 for a bad argument, \
            69 when the site cannot be reached.
            """)

    @Argument(help: "The path to visit, with its query: /posts/1, '/blog/a/b?ref=x'.")
    var path: String

    @Flag(help: "A hard navigation (the HTML document) instead of a client transition.")
    var hard = false

    @OptionGroup var request: RequestOptions

    @Flag(help: "Print one JSON object instead of the text report.")
    var json = false

    @Option(help: ArgumentHelp(
        "Print only the props a JSONPath query (RFC 9535) selects, each with its path; $ is the props as the Props view shows them ($.pageProps…).",
        valueName: "expr"))
    var query: String?

    @Option(name: .customLong("max-lines"), help: ArgumentHelp("Lines of props and of HTML printed at most, each (0: all).", valueName: "n"))
    var maxLines = 200

    @OptionGroup var site: SiteOptions

    func validate() throws {
        guard path.hasPrefix("/"), !path.hasPrefix("//") else {
            throw ValidationError("the path must start with a single / (for example /posts/1), got '\(path)'")
        }
        guard maxLines >= 0 else { throw ValidationError("--max-lines must be 0 (all) or more, not \(maxLines)") }
        if let query {
            do throws(JSONPath.SyntaxError) { _ = try JSONPath(query) } catch {
                // The query, and a caret under where it went wrong.
                throw ValidationError("--query: \(error.message)\n  \(query)\n  \(String(repeating: " ", count: error.offset))^")
            }
        }
    }

    func run() async throws {
        let log = CapturedLog()
        let transport = try site.transport(logger: log.logger)
        let navigator = try request.navigator(transport)
        do throws(TransportError) {
            _ = try await navigator.siteInfo()
        } catch {
            // Nothing to report but this: one line, not four empty sections.
            throw Unavailable.exit("inspect", "cannot reach the site: \(error.message)")
        }
        let exchange = await navigator.navigate(hard ? .hardNavigation : .clientTransition, to: path)
        if let query, let parsed = try? JSONPath(query) {
            let root = JSONValue.object([.init("pageProps", exchange.props ?? .null)])
            let matches = parsed.evaluate(root)
            if json {
                print(JSONValue.array(matches.map { ["path": .string($0.path.description), "value": $0.value] }).jsonText)
            } else if matches.isEmpty {
                print(exchange.props == nil ? "(no props: \(exchange.url) has none)" : "(nothing matches \(query))")
            } else {
                for match in matches { print("\(match.path)\t\(match.value.jsonText)") }
            }
            return
        }
        if json {
            print(exchange.json(analysis: Analysis(exchange), serverLog: log.entries).jsonText)
        } else {
            print(Report(Presentation(exchange), origin: transport.origin, serverLog: log.entries, maxLines: maxLines == 0 ? nil : maxLines).text)
        }
    }
}

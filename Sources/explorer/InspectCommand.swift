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

            --har FILE prints a recording instead (a HAR 1.2 file, .har or .har.gz, as a browser's \
            network panel or the explorer saves one): each Next.js document and data request as a \
            navigation, then every other request; PATH, when given, keeps the navigations to it. \
            --save-har FILE writes this navigation as a HAR.

            Exit status: 0 when the site answered (whatever the HTTP status), 64 for a bad argument, \
            69 when the site cannot be reached.
            """)

    @Argument(help: "The path to visit, with its query: /posts/1, '/blog/a/b?ref=x', or a URL of the site. With --har, the navigations to it.")
    var path: String?

    @Flag(help: "A hard navigation (the HTML document) instead of a client transition.")
    var hard = false

    @Option(help: ArgumentHelp(
        "Open this page first (its document, then its checks and prefetches), and navigate from there, as a click on it would: its Referer, the answers it keeps.",
        valueName: "page"))
    var from: String?

    @OptionGroup var request: RequestOptions

    @Flag(help: "Print one JSON object instead of the text report.")
    var json = false

    @Option(help: ArgumentHelp(
        "Print only the props a JSONPath query (RFC 9535) selects, each with its path; $ is the props as the Props view shows them ($.pageProps…).",
        valueName: "expr"))
    var query: String?

    @Option(name: .customLong("max-lines"), help: ArgumentHelp("Lines of props and of HTML printed at most, each (0: all).", valueName: "n"))
    var maxLines = 200

    @Option(name: .customLong("save-har"), help: ArgumentHelp("Also write the navigation as a HAR 1.2 file (gzipped when it ends in .gz).", valueName: "file"))
    var saveHAR: String?

    @Option(name: .customLong("har"), help: ArgumentHelp("Print the navigations a HAR file recorded instead of navigating.", valueName: "file"))
    var har: String?

    @OptionGroup var site: SiteOptions

    func validate() throws {
        if har != nil {
            guard site.urls.isEmpty else { throw ValidationError("--har prints a recording: --url is not used with it") }
            guard saveHAR == nil else { throw ValidationError("--har prints a recording: there is no navigation to --save-har") }
        } else if path == nil {
            throw ValidationError("give a path to visit (for example /posts/1), or --har FILE to print a recording")
        }
        if let path { try RequestOptions.checkTarget(path, option: "the path") }
        if let from {
            guard har == nil else { throw ValidationError("--har prints a recording: --from is not used with it") }
            try RequestOptions.checkTarget(from, option: "--from")
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
        if let har { return try printRecording(har) }
        guard let path else { return }
        let log = CapturedLog()
        let transport = try site.transport(logger: log.logger)
        let navigator = try request.navigator(transport)
        do throws(TransportError) {
            _ = try await navigator.siteInfo()
        } catch {
            // Nothing to report but this: one line, not four empty sections.
            throw Unavailable.exit("inspect", "cannot reach the site: \(error.message)")
        }
        let start = if let from { try await RequestOptions.start(navigator, on: from, command: "inspect") } else { Exchange?.none }
        let exchange = await navigator.navigate(hard ? .hardNavigation : .clientTransition, to: path)
        if let saveHAR {
            do throws(HARError) {
                try HARLog(session: (start.map { [$0] } ?? []) + [exchange], origin: transport.pageOrigin).write(to: saveHAR)
            } catch {
                throw Unavailable.exit("inspect", error.message, code: 73)
            }
        }
        if let query {
            printMatches(query, exchange)
        } else if json {
            var object = exchange.json(analysis: Analysis(exchange), serverLog: log.entries)
            if let start, case .object(var members) = object {
                members.append(.init("from", start.json(analysis: Analysis(start), serverLog: [])))
                object = .object(members)
            }
            print(object.jsonText)
        } else {
            if let start { print(RequestOptions.startLine(start) + "\n") }
            print(Report(Presentation(exchange), origin: transport.origin, serverLog: log.entries, maxLines: maxLines == 0 ? nil : maxLines).text)
        }
    }

    private func printMatches(_ query: String, _ exchange: Exchange) {
        guard let parsed = try? JSONPath(query) else { return }
        let matches = parsed.evaluate(exchange.props ?? .null)
        if json {
            print(JSONValue.array(matches.map { ["path": .string($0.path.description), "value": $0.value] }).jsonText)
        } else if matches.isEmpty {
            print(exchange.props == nil ? "(no props: \(exchange.url) has none)" : "(nothing matches \(query))")
        } else {
            for match in matches { print("\(match.path)\t\(match.value.jsonText)") }
        }
    }

    /// `--har`: the recording's navigations (those to PATH when given), then its other requests.
    private func printRecording(_ file: String) throws {
        let recording: RecordedSession
        do throws(HARError) { recording = RecordedSession(try HARLog(contentsOf: file)) } catch {
            throw Unavailable.exit("inspect --har", error.message, code: 65)
        }
        let exchanges = recording.exchanges.filter { path == nil || $0.target == path || $0.url == path }
        if json {
            print(JSONValue.object([
                .init("recordedBy", .string(recording.recordedBy)), .init("origin", recording.origin.map(JSONValue.string) ?? .null),
                .init("exchanges", .array(exchanges.map { $0.json(analysis: Analysis($0), serverLog: []) })),
                .init("others", .array(recording.others.map(RecordedSession.json))),
            ]).jsonText)
            return
        }
        let origin = "recorded by \(recording.recordedBy)" + (recording.origin.map { " on \($0)" } ?? "")
        for (index, exchange) in exchanges.enumerated() {
            print("── \(index + 1) of \(exchanges.count) ──")
            if let query {
                printMatches(query, exchange)
            } else {
                print(Report(Presentation(exchange), origin: origin, maxLines: maxLines == 0 ? nil : maxLines).text)
            }
        }
        if exchanges.isEmpty { print(path.map { "(no navigation to \($0) in \(file))" } ?? "(no Next.js document or data request in \(file))") }
        guard path == nil, query == nil, !recording.others.isEmpty else { return }
        print("── Also recorded (\(recording.others.count) requests that are not a page's document or data) ──")
        for line in RecordedSession.lines(recording.others) { print(TerminalText.escaped(line)) }
    }
}

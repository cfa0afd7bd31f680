import ArgumentParser
import Browser
import ExplorerUI
import Foundation
import SSR

/// `explorer check`: the whole site crawled as a reader's clicks would walk it, every page in
/// figures, and judged against budgets for CI.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Crawl the site and judge every page against budgets: props size, heaviest key, secrets, caching, server time, broken links.",
        discussion: """
            The crawl starts at / and every route without parameters, and follows the site's own \
            links, so dynamic routes are filled with the paths the site links to. Each page is \
            loaded as a first visit (its document) and, when it has data, as a client transition \
            (its data request). The budgets come from --budget FILE, else explorer.json in the \
            current folder when there is one; without budgets the table is printed and nothing is \
            judged.

            Budget file: {"budgets": [{"route": "/**", "maxPropsBytes": 128000, "maxKeyBytes": 64000, \
            "noSecrets": true, "cache": "private", "maxServerMs": 200, "noBrokenLinks": true}, \
            {"route": "/archive", "maxPropsBytes": 800000}]}. Routes: a literal segment, * one \
            segment, ** any number; the most specific entry that matches a page is its budget. \
            cache: "private" (no shared cache may store it), "no-store", "public".

            Exit status: 0 when every budget holds, 1 when one fails, 2 on trouble (a site that \
            cannot be reached, a budget file that cannot be read).
            """)

    @OptionGroup var site: SiteOptions
    @OptionGroup var request: RequestOptions

    @Option(help: ArgumentHelp("The budgets (default: explorer.json in the current folder, when there is one).", valueName: "file"))
    var budget: String?

    @Option(name: .customLong("max-pages"), help: ArgumentHelp("Pages crawled at most.", valueName: "n"))
    var maxPages = SiteCrawl.defaultMaxPages

    @Option(help: ArgumentHelp("Pages loaded at once.", valueName: "n"))
    var concurrency = SiteCrawl.defaultConcurrency

    @Flag(help: "Print one JSON object: every page's figures and every verdict.")
    var json = false

    @Option(help: ArgumentHelp("Write the verdicts as JUnit XML to this file.", valueName: "file"))
    var junit: String?

    static let defaultBudgetFile = "explorer.json"

    func validate() throws {
        guard maxPages >= 1 else { throw ValidationError("--max-pages must be 1 or more, not \(maxPages)") }
        guard (1...64).contains(concurrency) else { throw ValidationError("--concurrency takes 1 to 64, not \(concurrency)") }
    }

    func run() async throws {
        let budgets: Budgets?
        let budgetFile: String?
        do {
            (budgets, budgetFile) = try readBudgets()
        } catch let problem as Budgets.Problem {
            throw Trouble.exit(problem.message)
        }
        let transport = try site.transport(logger: CapturedLog().logger)
        let navigator = try request.navigator(transport)
        let started = ContinuousClock.now
        let progress = ProgressLine(enabled: isatty(STDERR_FILENO) == 1)
        let crawl: SiteCrawl
        do throws(TransportError) {
            crawl = try await SiteCrawl.run(navigator, maxPages: maxPages, concurrency: concurrency) { progress.show($0) }
        } catch {
            progress.clear()
            throw Trouble.exit("cannot reach the site: \(error.message)")
        }
        progress.clear()
        let report = SiteReport(crawl)
        let verdicts = report.pages.flatMap { budgets?.judge($0) ?? [] }
        let failed = verdicts.filter { !$0.passed }
        if let junit {
            do {
                try JUnitReport.xml(verdicts, pages: report.pages.map(\.url)).write(toFile: junit, atomically: true, encoding: .utf8)
            } catch {
                throw Trouble.exit("cannot write \(junit): \(error.localizedDescription)")
            }
        }
        if json {
            var members = report.json.objectValue ?? []
            members.append(.init("proxy", report.site.middleware.map { .string($0.summary) } ?? .null))
            members.append(.init("budgetFile", budgetFile.map(JSONValue.string) ?? .null))
            members.append(.init("verdicts", .array(verdicts.map { verdict in
                ["page": .string(verdict.page), "rule": .string(verdict.rule), "route": .string(verdict.route),
                 "passed": .bool(verdict.passed), "message": .string(verdict.message)]
            })))
            print(JSONValue.object(members).jsonText)
        } else {
            let elapsed = (ContinuousClock.now - started).components
            let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
            print("Crawled \(report.pages.count) page\(report.pages.count == 1 ? "" : "s") of \(transport.origin) in \(String(format: "%.1f", seconds)) s"
                + (report.leftOut.isEmpty ? "." : "; \(report.leftOut.count) more found, left out at --max-pages \(maxPages)."))
            if let proxy = report.site.proxyLine { print(proxy + ": its redirects and rewrites are followed as the client follows them.") }
            print("")
            for line in SiteTable.lines(report.pages) { print(line) }
            print("")
            if let budgetFile {
                for verdict in failed { print("✗ \(verdict.page)  \(verdict.rule): \(verdict.message) (budget for \(verdict.route))") }
                let judged = Set(verdicts.map(\.page)).count
                print(failed.isEmpty
                    ? "Every budget of \(budgetFile) holds: \(verdicts.count) checks on \(judged) pages."
                    : "\(failed.count) of \(verdicts.count) checks fail on \(Set(failed.map(\.page)).count) of \(judged) pages (\(budgetFile)).")
            } else {
                print("No budgets (--budget FILE, or \(CheckCommand.defaultBudgetFile) here): nothing judged.")
            }
        }
        if !failed.isEmpty { throw ExitCode(1) }
    }

    /// The budget file given, else `explorer.json` here when there is one.
    private func readBudgets() throws -> (Budgets?, String?) {
        let path: String
        if let budget {
            path = budget
        } else if FileManager.default.fileExists(atPath: CheckCommand.defaultBudgetFile) {
            path = CheckCommand.defaultBudgetFile
        } else {
            return (nil, nil)
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw Budgets.Problem(message: "cannot read the budget file \(path)") }
        do throws(Budgets.Problem) {
            return (try Budgets(json: String(decoding: data, as: UTF8.self)), path)
        } catch {
            throw Budgets.Problem(message: "\(path): \(error.message)")
        }
    }

    enum Trouble {
        static func exit(_ message: String) -> ExitCode {
            FileHandle.standardError.write(Data("explorer check: \(message)\n".utf8))
            return ExitCode(2)
        }
    }
}

/// `crawling 12/40 pages…` on standard error, rewritten in place, when it is a terminal.
private final class ProgressLine: Sendable {
    let enabled: Bool

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ progress: SiteCrawl.Progress) {
        guard enabled else { return }
        let width = 30
        let done = progress.known == 0 ? 0 : progress.crawled * width / progress.known
        let bar = String(repeating: "█", count: done) + String(repeating: "░", count: width - done)
        FileHandle.standardError.write(Data("\r\(bar) \(progress.crawled)/\(progress.known) pages".utf8))
    }

    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

import ArgumentParser
import Browser
import Foundation
import SSR

/// `explorer routes`: the route table as `next build` prints it.
struct RoutesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routes",
        abstract: "List the site's routes: ○ static, ƒ server-rendered (getServerSideProps).",
        discussion: "Exit status: 0 once listed, 64 for a bad argument, 69 when the site cannot be reached.")

    @OptionGroup var site: SiteOptions

    func run() async throws {
        let transport = try site.transport(logger: CapturedLog().logger)
        let info: SiteInfo
        do throws(TransportError) {
            info = try await transport.siteInfo()
        } catch {
            throw Unavailable.exit("routes", "cannot reach the site: \(error.message)")
        }
        let errorPages = (transport as? InProcessTransport)?.engine.site.errorPageRoutes ?? []
        print(RoutesCommand.table(info, errorPages: errorPages))
        if info.routes == nil { print("\nThis server has no build manifest: type paths in the explorer (g).") }
    }

    /// `Route (pages)`, one line per route with ┌ ├ └, then the legend.
    static func table(_ info: SiteInfo, errorPages: [String]) -> String {
        var rows: [(symbol: String, route: String)] = (info.routes ?? []).map { route in
            let symbol = switch route.hasServerSideProps {
            case true?: "ƒ"
            case false?: "○"
            case nil: "?"
            }
            return (symbol, route.pattern.description)
        }
        rows += errorPages.map { ("○", $0) }
        rows.sort { $0.route < $1.route }
        var lines = ["Route (pages)"]
        for (i, row) in rows.enumerated() {
            let branch = rows.count == 1 ? "─" : i == 0 ? "┌" : i == rows.count - 1 ? "└" : "├"
            lines.append("\(branch) \(row.symbol) \(row.route)")
        }
        lines.append("")
        lines.append("○  (Static)   prerendered as static content")
        lines.append("ƒ  (Dynamic)  server-rendered on demand")
        if rows.contains(where: { $0.symbol == "?" }) {
            lines.append("?  (Unknown)  the server's build manifest lists pages, not how they render")
        }
        return lines.joined(separator: "\n")
    }
}

extension Site {
    /// `/404` and `/500` when the site has its own (they are static pages in `next build`).
    var errorPageRoutes: [String] {
        (notFoundPage != nil ? ["/404"] : []) + (errorPage != nil ? ["/500"] : [])
    }
}

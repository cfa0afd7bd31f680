import ArgumentParser
import Browser
import Foundation
import SSR

/// `explorer routes`: the route table as `next build` prints it.
struct RoutesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routes",
        abstract: "List the site's routes as next build prints them: ○ static, ● getStaticProps, ƒ server-rendered; and the proxy.",
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
        print(RoutesCommand.table(info))
        if info.routes == nil { print("\nThis server has no build manifest: type paths in the explorer (g).") }
    }

    /// `Route (pages)`, one line per route with ┌ ├ └, the proxy, then the legend of the
    /// symbols used, as `next build` prints them.
    static func table(_ info: SiteInfo) -> String {
        var rows: [(symbol: String, route: String)] = (info.routes ?? []).map { route in
            (route.kind?.symbol ?? "?", route.pattern.description)
        }
        rows += info.errorPages.map { (info.errorPageKind.symbol, $0) }
        rows.sort { $0.route < $1.route }
        var lines = ["Route (pages)"]
        for (i, row) in rows.enumerated() {
            let branch = rows.count == 1 ? "─" : i == 0 ? "┌" : i == rows.count - 1 ? "└" : "├"
            lines.append("\(branch) \(row.symbol) \(row.route)")
        }
        if let proxy = info.proxyLine {
            lines.append("")
            lines.append(proxy)
        }
        lines.append("")
        if rows.contains(where: { $0.symbol == "○" }) { lines.append("○  (Static)   prerendered as static content") }
        if rows.contains(where: { $0.symbol == "●" }) { lines.append("●  (SSG)      prerendered as static HTML (uses getStaticProps)") }
        if rows.contains(where: { $0.symbol == "ƒ" }) || info.middleware != nil { lines.append("ƒ  (Dynamic)  server-rendered on demand") }
        if rows.contains(where: { $0.symbol == "?" }) {
            lines.append("?  (Unknown)  the page's module could not be read (next dev builds it when first visited)")
        }
        return lines.joined(separator: "\n")
    }
}

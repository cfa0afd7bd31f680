import Browser
import SSR

/// A crawled site as a table, one row per page: what `explorer check` prints and the Site view
/// shows, from the same columns. Each column sorts with the worst first.
package enum SiteTable {
    package struct Column: Sendable {
        package let title: String
        /// Right-aligned (figures) or left.
        package let numeric: Bool
        let text: @Sendable (PageFigures) -> String
        /// Larger is worse; `nil` sorts last.
        let weight: @Sendable (PageFigures) -> Double?

        package func cell(_ page: PageFigures) -> String { text(page) }
    }

    /// The column a new table sorts by: the props' bytes.
    package static let defaultColumn = 3

    package static let columns: [Column] = [
        Column(title: "page", numeric: false, text: { $0.url }, weight: { _ in nil }),
        // Redirects first: `308→200`, `307→away` for another site.
        Column(title: "status", numeric: true, text: { page in
            let hops = page.redirects.compactMap { $0.split(separator: " ").first.map(String.init) }
            let end = page.leftFor != nil ? "away" : page.failure != nil ? "failed" : page.status.map(String.init) ?? "—"
            return (hops + [end]).joined(separator: "→")
        }, weight: { $0.status.map(Double.init) }),
        Column(title: "kind", numeric: false, text: { $0.kind }, weight: { _ in nil }),
        Column(title: "props", numeric: true, text: { $0.propsBytes.map(PrettyBytes.format) ?? "—" }, weight: { $0.propsBytes.map(Double.init) }),
        Column(title: "gzip", numeric: true, text: { $0.propsGzipBytes.map(PrettyBytes.format) ?? "—" }, weight: { $0.propsGzipBytes.map(Double.init) }),
        Column(title: "data", numeric: true, text: { $0.nextDataShare.map { "\(Int(($0 * 100).rounded()))%" } ?? "—" }, weight: { $0.nextDataShare }),
        Column(title: "heaviest key", numeric: false, text: { page in
            page.heaviest.first.map { "\($0.path) \(PrettyBytes.format($0.bytes))" } ?? "—"
        }, weight: { $0.heaviest.first.map { Double($0.bytes) } }),
        Column(title: "repeated", numeric: true, text: { $0.repeatedBytes > 0 ? PrettyBytes.format($0.repeatedBytes) : "—" },
               weight: { Double($0.repeatedBytes) }),
        Column(title: "secrets", numeric: true, text: { $0.secrets.isEmpty ? "—" : "\($0.secrets.count)" }, weight: { Double($0.secrets.count) }),
        Column(title: "cache", numeric: false, text: { cacheWord($0.cache) }, weight: { $0.cache?.sharedCacheable == true ? 1 : 0 }),
        Column(title: "hydration", numeric: false, text: { page in
            switch page.hydration {
            case .match?: "✓"
            case .mismatch?: "✗ mismatch"
            case .failed?: "✗ failed"
            case nil: "—"
            }
        }, weight: { page in
            switch page.hydration {
            case .mismatch?, .failed?: 1
            case .match?: 0
            case nil: nil
            }
        }),
        Column(title: "server", numeric: true, text: { $0.serverMilliseconds.map { Timing.text(milliseconds: $0) } ?? "—" },
               weight: { $0.serverMilliseconds }),
        Column(title: "broken", numeric: true, text: { $0.brokenLinks.isEmpty ? "—" : "\($0.brokenLinks.count)" }, weight: { Double($0.brokenLinks.count) }),
    ]

    /// A page a user should look at: an error status, secrets, broken links, a hydration
    /// mismatch, props past Next.js's 128 kB warning.
    package static func isWorrying(_ page: PageFigures) -> Bool {
        (page.status ?? 0) >= 400 || page.failure != nil || !page.secrets.isEmpty || !page.brokenLinks.isEmpty
            || (page.hydration != nil && page.hydration != .match) || (page.propsBytes ?? 0) > PropsSize.nextThreshold
    }

    /// `shared`, `private`, `no-store`, or `—` without the header.
    static func cacheWord(_ reading: CacheControlReading?) -> String {
        guard let reading, reading.header != nil else { return "—" }
        if reading.sharedCacheable { return "shared" }
        return reading.directives.contains { $0.name == "no-store" } ? "no-store" : "private"
    }

    /// Pages sorted by column `index`, the worst first (the crawl's order among equals).
    package static func sorted(_ pages: [PageFigures], by index: Int) -> [PageFigures] {
        let column = columns[index]
        return pages.enumerated().sorted { x, y in
            switch (column.weight(x.element), column.weight(y.element)) {
            case (let a?, let b?) where a != b: return a > b
            case (_?, nil): return true
            case (nil, _?): return false
            default: return x.offset < y.offset
            }
        }.map(\.element)
    }

    /// The table as text lines, columns padded to their widest cell (the page column at most
    /// `pageWidth`, the heaviest key at most 30). Within `width`, the columns on the right that
    /// do not fit are left out, but the page's and the one sorted by, whose title gets a `▼`.
    package static func lines(_ pages: [PageFigures], pageWidth: Int = 40, width: Int? = nil, sortedBy sorted: Int? = nil) -> [String] {
        let titles = columns.indices.map { columns[$0].title + ($0 == sorted ? "▼" : "") }
        let rows = [titles] + pages.map { page in columns.map { $0.cell(page) } }
        let limits = columns.indices.map { $0 == 0 ? pageWidth : columns[$0].title == "heaviest key" ? 30 : Int.max }
        let widths = columns.indices.map { index in min(limits[index], rows.map { DisplayWidth.of($0[index]) }.max() ?? 0) }
        var shown = Array(columns.indices)
        if let width {
            while shown.count > 1, shown.reduce(0, { $0 + widths[$1] }) + 2 * (shown.count - 1) > width,
                let drop = shown.last(where: { $0 != 0 && $0 != sorted }) {
                shown.removeAll { $0 == drop }
            }
        }
        return rows.map { cells in
            shown.map { index in
                let shownCell = DisplayWidth.truncated(cells[index], to: widths[index])
                let pad = String(repeating: " ", count: max(0, widths[index] - DisplayWidth.of(shownCell)))
                return columns[index].numeric ? pad + shownCell : shownCell + pad
            }.joined(separator: "  ").trimmingTrailingSpaces
        }
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}

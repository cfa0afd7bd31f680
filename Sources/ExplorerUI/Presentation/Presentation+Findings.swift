import Browser
import Foundation
import SSR

/// What the analyzers found, as the UI's windows show it (sizes `s`, links `l`) and as
/// `explorer inspect` prints it: one wording for both.
extension Presentation {
    static let noProps = StyledText("(no props)", .dim)
    static let noLinks = StyledText("(this page has no links)", .dim)

    /// The props' size against Next.js's threshold, the largest parts, and what looks sensitive.
    package var sizeLines: [StyledText] {
        guard let size = analysis.propsSize else { return [Presentation.noProps] }
        var lines: [StyledText] = []
        let percent = Double(size.total) / Double(size.threshold) * 100
        var total = StyledText("props \(PrettyBytes.format(size.total))", .heading)
        total.append(", \(String(format: "%.1f", percent))% of Next.js's 128 kB large-page-data threshold", size.isOverThreshold ? .warning : .dim)
        lines.append(total)
        lines.append(StyledText("  " + TimingBar.bar(Double(size.total), of: Double(max(size.total, size.threshold)), width: 40), size.isOverThreshold ? .warning : .bar))
        if size.isOverThreshold { lines.append(StyledText("  ⚠ over it: Next.js warns, and every visit sends this much", .warning)) }
        lines.append("")
        lines.append(StyledText("Largest parts", .heading))
        for node in largestParts {
            var line = StyledText("  " + PrettyBytes.format(node.bytes).padding(toLength: 10, withPad: " ", startingAt: 0), .number)
            line.append(String(format: "%5.1f%% ", size.share(node) * 100), .dim)
            line.append(TimingBar.bar(size.share(node), of: 1, width: 20).padding(toLength: 21, withPad: " ", startingAt: 0), .bar)
            line.append(node.path, .key)
            lines.append(line)
        }
        if !analysis.sensitive.isEmpty {
            lines.append("")
            lines.append(StyledText("Looks sensitive (props are public: anyone who gets the page can read them)", .heading))
            for finding in analysis.sensitive {
                var line = StyledText("  ⚠ ", .warning)
                line.append(finding.path, .key)
                line.append(": \(finding.reason)", .warning)
                lines.append(line)
            }
        }
        return lines
    }

    /// One line per link of the page, in the page's order (the links window's cursor moves over them).
    package var linkLines: [StyledText] {
        analysis.links.isEmpty ? [Presentation.noLinks] : analysis.links.map(Presentation.linkLine)
    }

    private static func linkLine(_ link: PageLink) -> StyledText {
        var line = StyledText()
        switch link.destination {
        case .page(let path):
            line.append("page     ", .success)
            line.append(path, .link)
        case .external(let url):
            line.append("external ", .warning)
            line.append(url, .dim)
        case .fragment:
            line.append("fragment ", .dim)
            line.append(link.href, .dim)
        }
        if !link.text.isEmpty { line.append("  \(link.text)") }
        return line
    }
}

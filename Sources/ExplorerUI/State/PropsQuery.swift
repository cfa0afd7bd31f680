import Browser
import SSR

/// A JSONPath query narrowing the Props view (`$`): the query and the nodes it selected, each
/// shown as its path and its value.
package struct PropsQuery: Sendable {
    package let text: String
    package let matches: [JSONPath.Node]

    /// One row of the narrowed view: the path, then the value as JSON (cut: Enter shows it whole).
    func line(_ row: Int) -> StyledText {
        guard let match = matches[safe: row] else { return StyledText("(nothing matches \(text))", .dim) }
        var line = StyledText(match.path.description, .key)
        line.append("  ")
        let json = match.value.jsonText
        line.append(json.count > 400 ? String(json.prefix(399)) + "…" : json, .string)
        return line
    }
}

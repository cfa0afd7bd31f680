import Browser
import SSR

/// Where a node of the props is, written as the tools a user pastes it into read it: jq
/// (`.pageProps.posts[3].title`, `."odd key"`), JavaScript (`props.pageProps.posts[3].title`,
/// `["odd key"]`) and JSONPath (`$.pageProps.posts[3].title`, `['odd key']`), from the props
/// the client holds (`pageProps`, and what a custom App adds beside it).
package struct PropsPath: Sendable, Equatable {
    package let steps: [NormalizedPath.Step]

    package init(_ steps: [NormalizedPath.Step]) { self.steps = steps }

    package var jq: String {
        let text = steps.map { step in
            switch step {
            case .index(let index): "[\(index)]"
            case .name(let name): PropsPath.isIdentifier(name, extra: []) ? "." + name : "." + PropsPath.quoted(name)
            }
        }.joined()
        return text.isEmpty ? "." : text
    }

    package var javaScript: String {
        "props" + steps.map { step in
            switch step {
            case .index(let index): "[\(index)]"
            case .name(let name): PropsPath.isIdentifier(name, extra: ["$"]) ? "." + name : "[" + PropsPath.quoted(name) + "]"
            }
        }.joined()
    }

    /// Shorthand names where RFC 9535 allows them, else the normalized path's `['…']`.
    package var jsonPath: String {
        "$" + steps.map { step in
            switch step {
            case .index(let index): return "[\(index)]"
            case .name(let name):
                if JSONPathName.isShorthand(name) { return "." + name }
                return String(NormalizedPath([step]).description.dropFirst())
            }
        }.joined()
    }

    /// The value at the path in `root` (the props).
    package func value(in root: JSONValue) -> JSONValue? {
        steps.reduce(Optional(root)) { value, step in
            switch (value, step) {
            case (.object(let members)?, .name(let name)): members.last { $0.key == name }?.value
            case (.array(let elements)?, .index(let index)): elements.indices.contains(index) ? elements[index] : nil
            default: nil
            }
        }
    }

    /// An ASCII identifier: a letter, `_` (or one of `extra`) first, then digits too.
    private static func isIdentifier(_ name: String, extra: Set<Character>) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter || first == "_" || extra.contains(first) else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || extra.contains($0)) }
    }

    /// As a JSON string, which jq and JavaScript both read.
    private static func quoted(_ name: String) -> String { JSONValue.string(name).jsonText }
}

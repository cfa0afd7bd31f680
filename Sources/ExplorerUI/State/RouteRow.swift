import Browser
import SSR

/// A route in the list: its pattern, how it renders, and a path to open it with.
package struct RouteRow: Sendable, Equatable {
    package let pattern: String
    /// `ƒ` server-rendered on every request, `●` SSG, `○` static, `?` not known.
    package let symbol: String
    package let isDynamic: Bool
    /// The pattern with an example in place of each parameter: `/posts/[id]` → `/posts/1`.
    package let example: String

    package init(_ route: SiteInfo.Route) {
        pattern = route.pattern.description
        symbol = route.kind?.symbol ?? "?"
        var dynamic = false
        var parts: [String] = []
        for segment in route.pattern.segments {
            switch segment {
            case .literal(let text): parts.append(text)
            case .dynamic(let name):
                dynamic = true
                parts.append(name.lowercased().hasSuffix("id") ? "1" : name)
            case .catchAll:
                dynamic = true
                parts.append(contentsOf: ["2026", "hello-world"])
            case .optionalCatchAll:
                dynamic = true
            }
        }
        isDynamic = dynamic
        example = "/" + parts.joined(separator: "/")
    }
}

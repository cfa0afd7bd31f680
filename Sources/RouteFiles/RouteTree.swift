/// Routes in Next.js's matching order (`getSortedRoutes`): at each level the node's own page,
/// then static children alphabetically, then `[param]`, `[...rest]`, `[[...optional]]`; and
/// what `next build` refuses to build (a catch-all before the end, two slug names at one level,
/// a page beside an optional catch-all …), with its messages.
public struct RouteTree {
    private let root = Node()

    public init() {}

    /// Adds a route; throws when it cannot stand beside the routes added before it.
    public func insert(_ segments: [RouteSegment]) throws(RouteDefinitionError) {
        try root.insert(segments[...], slugNames: [], isCatchAll: false)
    }

    /// Every route added, as `/posts/[id]`, in matching order.
    public func sorted() throws(RouteDefinitionError) -> [String] {
        try root.smoosh(prefix: "/")
    }

    /// One level of the route tree (Next.js's `UrlNode`).
    private final class Node {
        var isPage = false
        var children: [String: Node] = [:]
        var slugName: String?
        var restSlugName: String?
        var optionalRestSlugName: String?

        func insert(_ segments: ArraySlice<RouteSegment>, slugNames: [String], isCatchAll: Bool) throws(RouteDefinitionError) {
            guard let segment = segments.first else {
                isPage = true
                return
            }
            if isCatchAll { throw RouteDefinitionError("Catch-all must be the last part of the URL.") }
            var slugNames = slugNames
            func handleSlug(_ previous: String?, _ next: String, written: String) throws(RouteDefinitionError) {
                if let previous, previous != next {
                    throw RouteDefinitionError("You cannot use different slug names for the same dynamic path ('\(previous)' !== '\(next)').")
                }
                for slug in slugNames {
                    if slug == next {
                        throw RouteDefinitionError("You cannot have the same slug name \"\(next)\" repeat within a single dynamic path")
                    }
                    if wordCharacters(slug) == wordCharacters(written) {
                        throw RouteDefinitionError("You cannot have the slug names \"\(slug)\" and \"\(next)\" differ only by non-word symbols within a single dynamic path")
                    }
                }
                slugNames.append(next)
            }
            let key: String
            switch segment {
            case .literal(let s):
                key = s
            case .dynamic(let name):
                try handleSlug(slugName, name, written: "[\(name)]")
                slugName = name
                key = "[]"
            case .catchAll(let name):
                // Next.js's messages, their wording and spacing kept.
                if let optional = optionalRestSlugName {
                    throw RouteDefinitionError("You cannot use both an optional and required catch-all route at the same level (\"[[...\(optional)]]\" and \"[...\(name)]\").")
                }
                try handleSlug(restSlugName, name, written: "[...\(name)]")
                restSlugName = name
                key = "[...]"
            case .optionalCatchAll(let name):
                if let rest = restSlugName {
                    throw RouteDefinitionError("You cannot use both an required and optional catch-all route at the same level (\"[...\(rest)]\" and \"[[...\(name)]]\" ).")
                }
                try handleSlug(optionalRestSlugName, name, written: "[[...\(name)]]")
                optionalRestSlugName = name
                key = "[[...]]"
            }
            let catchAll = switch segment {
            case .catchAll, .optionalCatchAll: true
            case .literal, .dynamic: false
            }
            let child = children[key] ?? Node()
            children[key] = child
            try child.insert(segments.dropFirst(), slugNames: slugNames, isCatchAll: catchAll)
        }

        func smoosh(prefix: String) throws(RouteDefinitionError) -> [String] {
            var routes: [String] = []
            for key in children.keys.sorted(by: { Array($0.utf16).lexicographicallyPrecedes(Array($1.utf16)) })
            where key != "[]" && key != "[...]" && key != "[[...]]" {
                routes += try children[key]!.smoosh(prefix: "\(prefix)\(key)/")
            }
            if let slugName { routes += try children["[]"]!.smoosh(prefix: "\(prefix)[\(slugName)]/") }
            if isPage {
                let route = prefix == "/" ? "/" : String(prefix.dropLast())
                if let optional = optionalRestSlugName {
                    throw RouteDefinitionError("You cannot define a route with the same specificity as a optional catch-all route (\"\(route)\" and \"\(route)[[...\(optional)]]\").")
                }
                routes.insert(route, at: 0)
            }
            if let restSlugName { routes += try children["[...]"]!.smoosh(prefix: "\(prefix)[...\(restSlugName)]/") }
            if let optionalRestSlugName {
                routes += try children["[[...]]"]!.smoosh(prefix: "\(prefix)[[...\(optionalRestSlugName)]]/")
            }
            return routes
        }

        /// `s.replace(/\W/g, '')`
        private func wordCharacters(_ s: String) -> String {
            String(s.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") })
        }
    }
}

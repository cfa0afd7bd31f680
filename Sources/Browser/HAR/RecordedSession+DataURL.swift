import SSR

extension RecordedSession {
    /// A data URL's parts: `/base/_next/data/B/fr/posts/5.json?id=5` → `/base`, `B`, `/fr/posts/5`, `id=5`.
    struct DataURL: Equatable {
        var basePath: String
        var buildId: String
        var pagePath: String
        var query: String

        init?(_ path: String) {
            let (pathPart, rest) = path[...].pathAndRest
            guard let marker = pathPart.range(of: "/_next/data/"), pathPart.hasSuffix(".json") else { return nil }
            basePath = String(pathPart[..<marker.lowerBound])
            let afterMarker = pathPart[marker.upperBound...].dropLast(".json".count)
            guard let slash = afterMarker.firstIndex(of: "/") else { return nil }
            buildId = String(afterMarker[..<slash])
            pagePath = DataPath.route(fromAssetPath: String(afterMarker[slash...]))
            query = rest.hasPrefix("?") ? String(rest.dropFirst().withoutFragment) : ""
        }

        /// The page's address: its path and the query the user's link had. The router adds the
        /// route's parameters to the query; without the routes, a parameter is taken for one
        /// when its values are segments of the path (`posts/5.json?id=5`, `blog/a/b.json?slug=a&slug=b`).
        var target: String {
            let segments = Set(pagePath.split(separator: "/").map { PercentDecoding.decode($0) ?? String($0) })
            let pairs = query.split(separator: "&").map { pair -> (String, String) in
                let parts = pair.split(separator: "=", maxSplits: 1)
                let value = parts.count > 1 ? String(parts[1]) : ""
                return (String(parts[0]), PercentDecoding.decode(Substring(value.replacingOccurrences(of: "+", with: " "))) ?? value)
            }
            let routeParameters = Set(Dictionary(grouping: pairs, by: \.0).filter { $0.value.allSatisfy { segments.contains($0.1) } }.keys)
            let kept = query.split(separator: "&").filter { pair in !routeParameters.contains(String(pair.split(separator: "=", maxSplits: 1).first ?? "")) }
            return pagePath + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
        }
    }
}

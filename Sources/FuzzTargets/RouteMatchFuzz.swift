import SSR

/// Any bytes as a page path: the route table's lookup for paths without parameters must give
/// what matching pattern by pattern in Next.js's order gives.
enum RouteMatchFuzz {
    static func run(_ bytes: [UInt8]) {
        let path = "/" + String(decoding: bytes, as: UTF8.self)
        let segments = Substring(path).pathSegments
        for site in FuzzTarget.sites {
            let fast = site.routes.match(path: Substring(path))
            let scan = site.routes.match(segments)
            guard fast?.pattern == scan?.pattern, fast?.params == scan?.params else {
                fatalError("\(path.debugDescription): \(String(describing: fast?.pattern)) ≠ \(String(describing: scan?.pattern))")
            }
        }
    }
}

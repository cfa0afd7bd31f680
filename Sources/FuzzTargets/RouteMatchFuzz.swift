import SSR

/// Any bytes as a page path: the route table's lookup for paths without parameters must give
/// what matching pattern by pattern in Next.js's order gives, a malformed param included.
enum RouteMatchFuzz {
    static func run(_ bytes: [UInt8]) {
        let path = "/" + String(decoding: bytes, as: UTF8.self)
        let segments = Substring(path).pathSegments
        for site in FuzzTarget.sites {
            let fast = Result { () throws(MalformedParameter) in try site.routes.match(path: Substring(path)) }
            let scan = Result { () throws(MalformedParameter) in try site.routes.match(segments) }
            switch (fast, scan) {
            case (.success(let fast), .success(let scan)) where fast?.pattern == scan?.pattern && fast?.params == scan?.params: break
            case (.failure(let fast), .failure(let scan)) where fast == scan: break
            default: fatalError("\(path.debugDescription): \(fast.map { $0?.pattern }) ≠ \(scan.map { $0?.pattern })")
            }
        }
    }
}

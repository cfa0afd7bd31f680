import SSR

/// Any bytes as a request path: parsed for each site, the query read as `URLSearchParams`.
/// Normalizing redirects must stay on the site and end within two hops (repeated slashes, then
/// a trailing slash: Next.js takes the same two).
enum RequestTargetFuzz {
    static func run(_ bytes: [UInt8]) {
        let path = String(decoding: bytes, as: UTF8.self)
        for site in FuzzTarget.sites {
            var current = path
            for hop in 0...2 {
                switch RequestTarget(path: current, site: site, buildId: "B") {
                case .normalize(let location):
                    // Bytes, as a browser reads the Location (a `/` before a combining mark is not
                    // a "/" Character in Swift).
                    let start = Array(location.utf8.prefix(2))
                    guard start.first == UInt8(ascii: "/"), start.count < 2 || (start[1] != UInt8(ascii: "/") && start[1] != UInt8(ascii: "\\"))
                    else {
                        fatalError("\(path.debugDescription) redirects off the site to \(location.debugDescription)")
                    }
                    guard hop < 2 else { fatalError("\(path.debugDescription) still redirects after two hops: \(location.debugDescription)") }
                    current = location
                    continue
                case .page(let target):
                    _ = SearchParams.parse(target.query)
                    _ = try? site.routes.match(path: target.path)
                case .badRequest, .notFound:
                    break
                }
                break
            }
        }
    }
}

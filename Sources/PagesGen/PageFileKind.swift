import RouteFiles

/// What a file under pages/ is: a route's page, or one of Next.js's special files.
enum PageFileKind {
    case page(segments: [RouteSegment])
    case document
    case notFoundPage
    case errorPage

    /// The protocols a type in such a file may conform to.
    var protocols: [String] {
        switch self {
        case .page: ["Page", "ServerSidePage"]
        case .document: ["DocumentShell"]
        case .notFoundPage, .errorPage: ["ErrorPage"]
        }
    }

    /// The route comes from `RouteSyntax`, as `Site` reads it: a file one accepts the other does.
    init(relativePath rel: String) throws(Failure) {
        let parts = rel.split(separator: "/")
        if parts.count == 2 {
            switch parts[1] {
            case "_document.swift": self = .document; return
            case "404.swift": self = .notFoundPage; return
            case "500.swift": self = .errorPage; return
            case "_app.swift", "_error.swift":
                throw Failure(file: rel, line: 1, message: "pages/\(parts[1]) is not used here: put the shared layout in pages/_document.swift (a DocumentShell) and error pages in pages/404.swift and pages/500.swift (ErrorPage)")
            default: break
            }
        }
        do {
            self = .page(segments: try RouteSyntax.segments(ofFile: rel))
        } catch {
            throw Failure(file: rel, line: 1, message: error.message)
        }
    }
}

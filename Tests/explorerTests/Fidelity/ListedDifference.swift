@testable import Browser
@testable import SSR

/// A difference from Next.js kept on purpose: a row of the README's "Differences from Next.js"
/// table, under its id. `settle` makes the two views agree on that difference alone, where it
/// applies, so that everything else in the answer is still compared.
struct ListedDifference: Sendable {
    let id: String
    let settle: @Sendable (_ ours: inout FrameworkView, _ theirs: inout FrameworkView, _ request: FidelityCase) -> Void

    static let all: [ListedDifference] = [
        // Next.js 15.2.4 hands `__next…`/`nxtP…` query keys to the page in `query`; we drop them.
        ListedDifference(id: "internal-query-keys") { ours, theirs, _ in
            ours.editNextData { _ in }  // written the same way on both sides
            theirs.editNextData { nextData in
                guard case .object(var members) = nextData, let i = members.lastIndex(where: { $0.key == "query" }),
                    case .object(let query) = members[i].value
                else { return }
                members[i].value = .object(query.filter { !SearchParams.isInternal($0.key) })
                nextData = .object(members)
            }
        },
        // A gzip answer's ETag is weak here, strong (the identity answer's) in Next.js.
        ListedDifference(id: "gzip-etag") { ours, theirs, _ in
            guard ours.headers["content-encoding"] == "gzip", let etag = ours.etag, etag.hasPrefix("W/"),
                theirs.etag == String(etag.dropFirst(2))
            else { return }
            ours.etag = theirs.etag
        },
        // In dev, `err.name` is the Swift error's type and `err.stack` its structure: Swift
        // errors have no stack trace.
        ListedDifference(id: "dev-error-stack") { ours, theirs, _ in
            func settle(_ nextData: inout JSONValue) {
                guard case .object(var members) = nextData, let i = members.lastIndex(where: { $0.key == "err" }),
                    case .object(var err) = members[i].value
                else { return }
                for j in err.indices where err[j].key == "name" || err[j].key == "stack" { err[j].value = .string("…") }
                members[i].value = .object(err)
                nextData = .object(members)
            }
            ours.editNextData(settle)
            theirs.editNextData(settle)
        },
        // `.` and `..` path segments (no browser sends them: clients resolve them first) are
        // text here; Next.js resolves some inside catch-all params and answers others with a
        // 404 of its own path checks. Such a request is not compared.
        ListedDifference(id: "dot-segments") { ours, theirs, request in
            let path = request.target.prefix { $0 != "?" }
            guard path.split(separator: "/").contains(where: { $0 == "." || $0 == ".." }) else { return }
            theirs = ours
        },
        // The build manifest lists no JavaScript chunks (pages are rendered on the server only):
        // only its `sortedPages` are compared.
        ListedDifference(id: "build-manifest-chunks") { ours, theirs, request in
            guard request.target.hasSuffix("/_buildManifest.js") else { return }
            ours.keepSortedPages()
            theirs.keepSortedPages()
        },
    ]
}

extension FrameworkView {
    /// Rewrites a document's `__NEXT_DATA__` through `edit`, then writes it back as the engine
    /// writes inline JSON (a fixed point for our own output).
    mutating func editNextData(_ edit: (inout JSONValue) -> Void) {
        guard case .document(var document) = body, var nextData = try? JSONValue(parsing: document.nextData),
            let bytes = try? { () throws(SerializationError) -> [UInt8] in
                edit(&nextData)
                return try PropsEncoder(scriptSafe: true).encode(nextData)
            }()
        else { return }
        document.nextData = String(decoding: bytes, as: UTF8.self)
        body = .document(document)
    }

    /// Keeps only the `sortedPages` of a build manifest's body.
    mutating func keepSortedPages() {
        guard case .bytes(let bytes) = body, let pages = BuildManifestReader.sortedPages(bytes) else { return }
        body = .bytes(Array(pages.joined(separator: "\n").utf8))
    }
}

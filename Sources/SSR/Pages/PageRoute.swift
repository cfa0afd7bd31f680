/// A page and the file it lives in; the file path gives the route, as in Next.js's `pages/`.
/// A site's list of these is generated from its `pages/` folder at build time.
///
/// ```swift
/// PageRoute(file: "pages/posts/[id].swift", page: PostPage.self)   // serves /posts/[id]
/// ```
public struct PageRoute: Sendable {
    /// The page's file, relative to the site's folder: `pages/posts/[id].swift`.
    public let file: String
    /// `nil` when the file path is not a valid route (reported by ``Site``'s initializer).
    public let pattern: RoutePattern?
    let definitionError: RouteDefinitionError?
    let page: ErasedPage

    /// The page type `page`, defined in `file`. A `ServerSidePage` runs `getServerSideProps`;
    /// any other `Page` is static.
    public init<P: Page>(file: String, page: P.Type) {
        self.file = file
        do {
            pattern = try RoutePattern(file: file)
            definitionError = nil
        } catch {
            pattern = nil
            definitionError = error
        }
        if let serverSide = page as? any ServerSidePage.Type {
            self.page = ErasedPage(serverSide: serverSide)
        } else {
            self.page = ErasedPage(static: page)
        }
    }

    /// Whether the page has `getServerSideProps` (ƒ in `next build`'s output) or is static (○).
    public var hasServerSideProps: Bool { page.isServerSide }
}

/// A page with its types erased, so that a site can hold pages of different props types.
struct ErasedPage: Sendable {
    enum Outcome: Sendable {
        case props(ErasedProps)
        case notFound
        case redirect(Redirect)
    }

    let isServerSide: Bool
    /// Static pages must have `EmptyProps`: nothing else could give them props.
    let staticPropsProblem: String?
    let run: @Sendable (ServerSideContext) async throws -> Outcome
    /// What a browser does on a client transition: decode `pageProps` from JSON, then render.
    let renderFromJSON: @Sendable (_ pageProps: [UInt8], _ shell: any DocumentShell) throws(ClientRenderError) -> String

    init<P: ServerSidePage>(serverSide: P.Type) {
        isServerSide = true
        staticPropsProblem = nil
        renderFromJSON = { (json, shell) throws(ClientRenderError) in try ClientRender.render(P.self, pageProps: json, shell: shell) }
        run = { context in
            switch try await P().getServerSideProps(context) {
            case .props(let props): .props(ErasedProps(page: P(), props: props))
            case .notFound: .notFound
            case .redirect(let redirect): .redirect(redirect)
            }
        }
    }

    init<P: Page>(static: P.Type) {
        isServerSide = false
        renderFromJSON = { (json, shell) throws(ClientRenderError) in try ClientRender.render(P.self, pageProps: json, shell: shell) }
        if let empty = EmptyProps() as? P.Props {
            staticPropsProblem = nil
            run = { _ in .props(ErasedProps(page: P(), props: empty)) }
        } else {
            staticPropsProblem = "page \(P.self) declares Props \(P.Props.self) but has no getServerSideProps: conform to ServerSidePage, or use EmptyProps"
            run = { _ in .notFound }
        }
    }
}

/// A page's props with the operations the engine needs: encode them, render the page.
struct ErasedProps: Sendable {
    let encode: @Sendable (_ out: inout [UInt8], _ scriptSafe: Bool) throws(SerializationError) -> Int
    let renderHead: @Sendable (_ head: inout HTMLOutput) -> Void
    let body: @Sendable () -> PageBody

    init<P: Page>(page: P, props: P.Props) {
        encode = { (out: inout [UInt8], scriptSafe: Bool) throws(SerializationError) -> Int in
            try PropsEncoder(scriptSafe: scriptSafe).encode(props, into: &out)
        }
        renderHead = { page.writeHead(props, into: &$0) }
        body = { PageBody { page.write(props, into: &$0) } }
    }
}

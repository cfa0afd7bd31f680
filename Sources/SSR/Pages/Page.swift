/// A page of a site: a Swift type that renders HTML from its props. A page that only conforms
/// to `Page` is static (no `getServerSideProps`; its props are ``EmptyProps``). A page whose
/// data is fetched at request time conforms to ``ServerSidePage``.
///
/// A page's route is its file path under `pages/`: `pages/posts/[id].swift` serves
/// `/posts/[id]` (see ``PageRoute``).
///
/// ```swift
/// struct AboutPage: Page {
///     func head(_ props: EmptyProps) -> some Markup { title { "About" } }
///     func render(_ props: EmptyProps) -> some Markup { h1 { "About us" } }
/// }
/// ```
public protocol Page: HTMLScope, Sendable {
    /// What `getServerSideProps` returns and `render` draws: `pageProps` on the wire.
    associatedtype Props: Codable & Sendable = EmptyProps
    associatedtype Head: Markup = EmptyMarkup
    associatedtype Body: Markup

    init()

    /// Elements for `<head>` (title, meta), added after the document shell's own.
    @MarkupBuilder func head(_ props: Props) -> Head

    /// The page's HTML, placed inside `<div id="__next">` (through the document shell).
    @MarkupBuilder func render(_ props: Props) -> Body

    /// Writes `render(props)` and `head(props)`. Not for pages to implement: the defaults are
    /// compiled in the page's own module, for its own markup types, where the engine's generic
    /// code would walk them through witness tables (a fifth of a small page's time).
    func write(_ props: Props, into output: inout HTMLOutput)
    func writeHead(_ props: Props, into output: inout HTMLOutput)
}

extension Page {
    @inlinable public func write(_ props: Props, into output: inout HTMLOutput) { render(props).render(into: &output) }
    @inlinable public func writeHead(_ props: Props, into output: inout HTMLOutput) { head(props).render(into: &output) }
}

extension Page where Head == EmptyMarkup {
    public func head(_ props: Props) -> EmptyMarkup { EmptyMarkup() }
}

/// A page rendered on each request with props from ``getServerSideProps(_:)``, as a Next.js page
/// that exports `getServerSideProps`.
///
/// ```swift
/// struct PostPage: ServerSidePage {
///     struct Props: Codable, Sendable { var title: String }
///     func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<Props> {
///         guard let id = context.params?["id"]?.string, id == "1" else { return .notFound }
///         return .props(Props(title: "Hello"))
///     }
///     func render(_ props: Props) -> some Markup { h1 { props.title } }
/// }
/// ```
public protocol ServerSidePage: Page {
    /// Runs for every document request and every data request
    /// (`/_next/data/<buildId>/<path>.json`) of this page.
    func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<Props>
}

/// The props of a page without `getServerSideProps`: `{}` on the wire.
public struct EmptyProps: Codable, Sendable, Equatable {
    public init() {}
}

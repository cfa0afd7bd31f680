import HTTPTypes

/// What every page of a site shares, as Next.js's `_document` and `_app`: elements for `<head>`
/// (styles, icons) and a wrapper around each page's HTML (a layout).
///
/// ```swift
/// struct Shell: DocumentShell {
///     func head() -> some Markup { Style("body{font-family:system-ui}") }
///     func body(_ page: PageBody) -> some Markup { header { a(.href("/")) { "Home" } }; main { page } }
/// }
/// ```
public protocol DocumentShell: HTMLScope, Sendable {
    associatedtype Head: Markup = EmptyMarkup
    associatedtype Body: Markup

    /// Elements placed in `<head>` before the page's own.
    @MarkupBuilder func head() -> Head
    /// The markup inside `<div id="__next">`, around the page's HTML.
    @MarkupBuilder func body(_ page: PageBody) -> Body

    /// The `nonce` written on the document's `__NEXT_DATA__` script, as Next.js's
    /// `<NextScript nonce>` writes it for a Content-Security-Policy, from the headers the page
    /// set (where a page's `Content-Security-Policy` names it); `nil`, the default, for none.
    func scriptNonce(responseHeaders: HTTPFields) -> String?

    /// Writes `head()` and `body(page)`. Not for shells to implement: as ``Page``'s, the
    /// defaults are compiled in the shell's module, for its own markup types.
    func writeHead(into output: inout HTMLOutput)
    func write(_ page: PageBody, into output: inout HTMLOutput)
}

extension DocumentShell {
    @inlinable public func writeHead(into output: inout HTMLOutput) { head().render(into: &output) }
    @inlinable public func write(_ page: PageBody, into output: inout HTMLOutput) { body(page).render(into: &output) }
}

extension DocumentShell {
    public func scriptNonce(responseHeaders: HTTPFields) -> String? { nil }
}

extension DocumentShell where Head == EmptyMarkup {
    public func head() -> EmptyMarkup { EmptyMarkup() }
}

extension DocumentShell {
    /// What `<div id="__next">` holds for `page`, on its own: the HTML React hydrates, which
    /// the explorer compares between server and client renders.
    func appHTML(_ page: PageBody) -> String {
        var html = HTMLOutput()
        write(page, into: &html)
        return String(decoding: html.bytes, as: UTF8.self)
    }
}

/// The shell of a site that defines none: the page's HTML as it is.
public struct DefaultDocument: DocumentShell {
    public init() {}
    public func body(_ page: PageBody) -> PageBody { page }
}

/// The current page's HTML, as the document shell places it. It renders the page in place,
/// straight into the document (no copy of the page is made first).
public struct PageBody: Markup {
    let renderPage: (inout HTMLOutput) -> Void

    public func render(into output: inout HTMLOutput) { renderPage(&output) }
}

/// A type that writes markup: inside it, the element functions are in scope (`div { }`,
/// `a(.href("/")) { "Home" }`). Pages, document shells and error pages are scopes already; a
/// site's own pieces of markup conform too:
///
/// ```swift
/// struct PostCard: HTMLScope {
///     @MarkupBuilder func card(_ post: Post) -> some Markup {
///         article { h2 { post.title }; p { post.summary } }
///     }
/// }
/// ```
///
/// Elsewhere the names stay free: `title`, `main`, `time` or `label` are common names of a site's
/// own properties and functions, and `time` is also C's.
public protocol HTMLScope {}

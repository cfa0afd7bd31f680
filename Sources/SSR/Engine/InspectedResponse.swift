/// A response, with what the explorer needs besides: the server's own rendering of the page
/// from the props it had, before they became JSON.
public struct InspectedResponse: Sendable {
    public let response: Response
    /// The HTML inside `<div id="__next">` rendered from the page's props, on demand; `nil`
    /// when the page produced no props (a redirect, notFound, an error, no page).
    public let renderServerHTML: (@Sendable () -> String)?
}

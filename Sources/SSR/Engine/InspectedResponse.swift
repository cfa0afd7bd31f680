/// A response, with what the explorer needs besides: the server's own rendering of the page
/// from the props it had, before they became JSON.
package struct InspectedResponse: Sendable {
    package let response: EngineResponse
    /// The HTML inside `<div id="__next">` rendered from the page's props, on demand; `nil`
    /// when the page produced no props (a redirect, notFound, an error, no page).
    package let renderServerHTML: (@Sendable () -> String)?
}

import Browser

/// What the navigator sends and fetches, as the request window shows it: the user's headers
/// and cookies, the browser's headers, and whether the server's document is fetched after a
/// remote transition.
package struct RequestSettings: Sendable {
    package var headers: [(name: String, value: String)] = []
    package var cookies: [(name: String, value: String)] = []
    package var browserHeaders = BrowserHeaders()
    package var fetchesServerDocument = true

    package init() {}

    /// The navigator's settings now.
    static func of(_ navigator: Navigator) async -> RequestSettings {
        var settings = RequestSettings()
        settings.headers = await navigator.headers.map { (name: $0.name.rawName, value: $0.value) }
        settings.cookies = await navigator.cookies
        settings.browserHeaders = await navigator.browserHeaders
        settings.fetchesServerDocument = await navigator.fetchesServerDocument
        return settings
    }
}

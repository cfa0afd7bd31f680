import Browser
import Foundation
import HTTPTypes
import Testing

@Suite struct CookieJarTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func keepsCookiesAndSendsThemWherePathsMatch() {
        var jar = CookieJar()
        let names = jar.store(
            ["a=1", "b=2; Path=/docs; HttpOnly", "c=3; path=/docs/guide/", " d = 4 ; Secure", "broken", "=x"],
            requestPath: "/docs/page?x=1", now: now)
        #expect(names == ["a", "b", "c", "d"])
        #expect(jar.cookies.first { $0.name == "a" }?.path == "/docs")  // the request's directory
        #expect(jar.cookies(for: "/docs/guide/intro", now: now).map(\.name) == ["c", "a", "b", "d"])
        #expect(jar.cookies(for: "/docs", now: now).map(\.name) == ["a", "b", "d"])
        #expect(jar.cookies(for: "/docsx", now: now).isEmpty)
        #expect(jar.cookies(for: "/", now: now).isEmpty)
    }

    @Test func pathsAreComparedByBytes() {
        var jar = CookieJar()
        // `/docs/` + a combining mark: Swift sees one Character `/́`, a browser a `/` and a mark.
        jar.store(["a=1"], requestPath: "/docs/\u{301}", now: now)
        #expect(jar.cookies.first?.path == "/docs")
        jar.store(["b=2; Path=/docs"], requestPath: "/", now: now)
        #expect(jar.cookies(for: "/docs/\u{301}", now: now).map(\.name).sorted() == ["a", "b"])
    }

    @Test func expiryAndDeletion() {
        var jar = CookieJar()
        jar.store(["s=1; Path=/; Max-Age=60", "t=2; Path=/; Expires=Wed, 21 Oct 2037 07:28:00 GMT"], requestPath: "/", now: now)
        #expect(jar.cookies(for: "/", now: now).map(\.name) == ["s", "t"])
        #expect(jar.cookies(for: "/", now: now.addingTimeInterval(61)).map(\.name) == ["t"])
        jar.store(["s=; Path=/; Max-Age=0", "t=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT"], requestPath: "/", now: now)
        #expect(jar.cookies.isEmpty)
        // Max-Age wins over Expires.
        jar.store(["u=1; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=10"], requestPath: "/", now: now)
        #expect(jar.cookies.map(\.name) == ["u"])
    }

    @Test func navigatorSendsBackWhatTheSiteSet() async {
        let navigator = Navigator(
            transport: CannedTransport(
                answer: .init(headers: [.contentType: "text/html"], body: "<p>"),
                byPath: ["/set": .init(headers: [.contentType: "text/html", .setCookie: "theme=dark; Path=/"], body: "<p>")]),
            cookies: [("session", "mine")])
        _ = await navigator.navigate(.hardNavigation, to: "/set")
        let next = await navigator.navigate(.hardNavigation, to: "/other")
        #expect(next.lastFetch?.request.headerFields[.cookie] == "session=mine; theme=dark")
        #expect(await navigator.jar.cookies.map(\.name) == ["theme"])
    }
}

import Browser
import HTTPTypes
import SSR
import Testing

/// Two exchanges compared: what differs, and the cache-leak finding.
@Suite struct ExchangeDiffTests {
    func exchange(props: String, cacheControl: String, vary: String? = nil, cookie: String) async -> Exchange {
        var headers: HTTPFields = [.contentType: "application/json", .cacheControl: cacheControl]
        if let vary { headers[.vary] = vary }
        let transport = CannedTransport(answer: .init(headers: headers, body: #"{"pageProps":\#(props),"__N_SSP":true}"#))
        let navigator = Navigator(transport: transport, cookies: [("session", cookie)], fetchesServerDocument: false)
        return await navigator.navigate(.clientTransition, to: "/me")
    }

    @Test func twoUsersOnAPublicAnswerAreALeak() async throws {
        let ada = await exchange(props: #"{"name":"Ada"}"#, cacheControl: "public, s-maxage=60", cookie: "a")
        let grace = await exchange(props: #"{"name":"Grace"}"#, cacheControl: "public, s-maxage=60", cookie: "g")
        let diff = ExchangeDiff(ada, grace)
        #expect(!diff.agree)
        #expect(diff.props?.changes.map(\.path) == [".pageProps.name"])
        #expect(diff.cacheLeak == "A shared cache may store this answer (public, s-maxage=60) without Vary: Cookie: it would hand one side's props to the other, and they differ at .pageProps.name.")
        #expect(diff.lines().contains("⚠ " + (diff.cacheLeak ?? "")))
        // Keyed on the cookie, or private: no leak.
        let keyed = ExchangeDiff(
            await exchange(props: #"{"name":"Ada"}"#, cacheControl: "public, s-maxage=60", vary: "Cookie", cookie: "a"),
            await exchange(props: #"{"name":"Grace"}"#, cacheControl: "public, s-maxage=60", vary: "Cookie", cookie: "g"))
        #expect(keyed.cacheLeak == nil)
        let personal = ExchangeDiff(
            await exchange(props: #"{"name":"Ada"}"#, cacheControl: "private, no-store", cookie: "a"),
            await exchange(props: #"{"name":"Grace"}"#, cacheControl: "private, no-store", cookie: "g"))
        #expect(personal.cacheLeak == nil)
        #expect(personal.headers.isEmpty)
    }

    @Test func headersThatChangeOnEveryRequestAreLeftOut() async throws {
        let a = await exchange(props: "{}", cacheControl: "no-store", cookie: "x")
        let b = await exchange(props: "{}", cacheControl: "no-cache", cookie: "x")
        let diff = ExchangeDiff(a, b)
        #expect(diff.headers == [ExchangeDiff.Difference(name: "Cache-Control", a: "no-store", b: "no-cache")])
        #expect(diff.lines().prefix(2) == ["Headers", "  ~ Cache-Control: no-store → no-cache"])
        #expect(diff.lines().contains("  • No cache may store it (no-store)."))
        #expect(diff.lines().contains("  • A cache must check with the server before each reuse (no-cache)."))
        #expect(diff.cacheVerdicts?.a == ["No cache may store it (no-store)."])
        #expect(diff.lines().last == "The two differ.")
        #expect(ExchangeDiff(a, a).agree)
    }
}

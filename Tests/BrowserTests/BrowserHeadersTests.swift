@testable import Browser
import HTTPTypes
import Testing

/// The headers a browser adds: what they say, when `Referer` is sent, and leaving them out.
@Suite struct BrowserHeadersTests {
    @Test func acceptLanguageIsWrittenAsChromiumWritesIt() {
        #expect(BrowserHeaders.acceptLanguage(for: ["fr-FR", "en-US"]) == "fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7")
        #expect(BrowserHeaders.acceptLanguage(for: ["en-US", "en-GB"]) == "en-US,en;q=0.9,en-GB;q=0.8")
        #expect(BrowserHeaders.acceptLanguage(for: ["de"]) == "de")
        #expect(BrowserHeaders.acceptLanguage(for: []) == "en-US,en;q=0.9")
        let many = BrowserHeaders.acceptLanguage(for: (0..<12).map { "l\($0)" })
        #expect(many.hasSuffix("l10;q=0.1,l11;q=0.1"))
    }

    @Test func theUsersLanguagesComeFromTheLocaleAsGettextReadsIt() {
        #expect(BrowserHeaders.languages(environment: ["LANG": "fr_FR.UTF-8"]) == ["fr-FR"])
        #expect(BrowserHeaders.languages(environment: ["LANG": "fr_FR.UTF-8", "LC_ALL": "de_AT@euro"]) == ["de-AT"])
        #expect(BrowserHeaders.languages(environment: ["LANG": "pt_BR.UTF-8", "LANGUAGE": "pt_BR:es"]) == ["pt-BR", "es"])
        #expect(BrowserHeaders.languages(environment: ["LANG": "C.UTF-8", "LANGUAGE": "fr"]) == [])
        #expect(BrowserHeaders.languages(environment: ["LANG": "POSIX"]) == [])
        #expect(BrowserHeaders.languages(environment: [:]) == [])
    }

    @Test func refererNamesThePageShownAndYoursReplaceTheBrowsers() async throws {
        let navigator = try FixtureSite.navigator(basePath: "/base")
        let first = await navigator.navigate(.clientTransition, to: "/item/1")
        let request = try #require(first.lastFetch?.request.headerFields)
        #expect(request[.referer] == nil)  // no page shown yet
        #expect(request[.acceptEncoding] == "gzip, deflate")
        let second = await navigator.navigate(.clientTransition, to: "/item/2")
        #expect(second.lastFetch?.request.headerFields[.referer] == "http://localhost/base/item/1")
        // Back: the page already popped to.
        let back = try #require(await navigator.back())
        #expect(back.lastFetch?.request.headerFields[.referer] == "http://localhost/base/item/1")
        // Typed in the address bar: no Referer; back from there loads the other document again, without one.
        let typed = await navigator.navigate(.hardNavigation, to: "/item/3")
        #expect(typed.lastFetch?.request.headerFields[.referer] == nil)
        let backToTheOtherDocument = try #require(await navigator.back())
        #expect(backToTheOtherDocument.kind == .hardNavigation)
        #expect(backToTheOtherDocument.lastFetch?.request.headerFields[.referer] == nil)

        await navigator.setHeader(.acceptLanguage, "ja")
        await navigator.setBrowserHeader(.referer, sent: false)
        await navigator.setBrowserHeader(.acceptEncoding, sent: false)
        let fields = try #require(await navigator.navigate(.clientTransition, to: "/item/4").lastFetch?.request.headerFields)
        #expect(fields[values: .acceptLanguage] == ["ja"])
        #expect(fields[.referer] == nil && fields[.acceptEncoding] == nil)
        await navigator.setBrowserHeader(.referer, sent: true)
        #expect(await navigator.navigate(.clientTransition, to: "/item/5").lastFetch?.request.headerFields[.referer] == "http://localhost/base/item/4")
    }

    @Test func noneSendsOnlyWhatNextsClientAsksFor() async throws {
        let navigator = Navigator(transport: CannedTransport(answer: .init(body: "{}")), browserHeaders: .none)
        let exchange = await navigator.navigate(.clientTransition, to: "/x")
        #expect(exchange.lastFetch.map { $0.request.headerFields.map(\.name.rawName) } == ["Accept", "x-nextjs-data", "User-Agent"])
    }
}

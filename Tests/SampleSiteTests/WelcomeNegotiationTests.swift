import Testing

@testable import SampleSite

@Suite struct WelcomeNegotiationTests {
    let available = ["ar", "de", "en", "es", "fr", "ja", "zh"]

    @Test(arguments: [
        ("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5", "fr"),
        ("en;q=0.5, ja", "ja"),
        ("de;q=0, es;q=0.1", "es"),
        ("zh-Hant-TW", "zh"),
        ("xx, yy;q=0.9", nil),
        ("", nil),
        ("fr;q=abc, de", "de"),
    ] as [(String, String?)])
    func picksTheBestAvailableLanguage(header: String, expected: String?) {
        #expect(WelcomePage.negotiate(header, available: available) == expected)
    }
}

import HTTPTypes
import SSR
import Testing

@Suite struct RedirectTests {
    let engine: Engine
    init() throws { engine = try TestSite.engine() }

    @Test func documentRedirects() async {
        let permanent = await engine.get("/go/permanent")
        #expect(permanent.status == .permanentRedirect)
        #expect(permanent[.location] == "/posts/1")
        #expect(permanent[HTTPField.Name("Refresh")!] == "0;url=/posts/1")
        #expect(permanent.bodyText == "/posts/1")

        let temporary = await engine.get("/go/temporary")
        #expect(temporary.status == .temporaryRedirect)
        #expect(temporary[.location] == "/about")
        #expect(temporary[HTTPField.Name("Refresh")!] == nil)
        #expect(temporary[.setCookie] == "flash=1; Path=/")  // headers set in gSSP are kept
        #expect(temporary[.cacheControl] == Engine.privateNoStore)

        #expect(await engine.get("/go/see-other").status == .seeOther)
        #expect(await engine.get("/go/external")[.location] == "https://nextjs.org/docs")
        #expect(await engine.get("/go/slashes")[.location] == "/about/team?x=a//b")
    }

    @Test func dataRedirectsAre200JSON() async {
        let data = await engine.get("/_next/data/B/go/permanent.json")
        #expect(data.status == .ok)
        #expect(data.bodyText == #"{"pageProps":{"__N_REDIRECT":"/posts/1","__N_REDIRECT_STATUS":308},"__N_SSP":true}"#)
        #expect(data[.location] == nil)
        #expect(data[.cacheControl] == Engine.privateNoStore)
        let noBase = await engine.get("/_next/data/B/go/no-base-path.json")
        #expect(noBase.bodyText == #"{"pageProps":{"__N_REDIRECT":"/elsewhere","__N_REDIRECT_STATUS":307,"__N_REDIRECT_BASE_PATH":false},"__N_SSP":true}"#)
    }

    @Test func basePathIsAddedUnlessFalse() async throws {
        let engine = try TestSite.engine(basePath: "/bp")
        #expect(await engine.get("/bp/go/temporary")[.location] == "/bp/about")
        #expect(await engine.get("/bp/go/no-base-path")[.location] == "/elsewhere")
        #expect(await engine.get("/bp/go/external")[.location] == "https://nextjs.org/docs")
        // The data encoding carries the destination without basePath.
        #expect(await engine.get("/bp/_next/data/B/go/temporary.json").json?["pageProps"]?["__N_REDIRECT"] == "/about")
    }

    @Test func invalidRedirectsAre500WithNextJsMessageInDev() async throws {
        let dev = try TestSite.engine(.development)
        let bad = await dev.get("/go/bad-status")
        #expect(bad.status == .internalServerError)
        #expect(bad.nextData?["err"]?["message"] == .string(
            "Invalid redirect object returned from getServerSideProps for /go/bad-status\n`statusCode` must undefined or one of 301, 302, 303, 307, 308\nSee more info here: https://nextjs.org/docs/messages/invalid-redirect-gssp"))
        let both = await dev.get("/_next/data/B/go/both.json")
        #expect(both.status == .internalServerError)
        #expect(both.nextData?["err"]?["message"]?.stringValue?.contains(
            "for /_next/data/B/go/both.json\n`permanent` and `statusCode` can not both be provided\n") == true)
        let production = await engine.get("/go/bad-status")
        #expect(production.status == .internalServerError)
        #expect(!production.bodyText.contains("must undefined"))
        #expect(production.nextData?["err"] == nil)
    }
}

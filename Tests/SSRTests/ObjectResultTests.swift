import SSR
import Testing

/// §2: results written as JavaScript objects get Next.js's checks and messages (dev shows them).
@Suite struct ObjectResultTests {
    let engine: Engine
    init() throws { engine = try TestSite.engine(.development) }

    func message(_ path: String) async -> String? {
        let response = await engine.get(path)
        #expect(response.status == .internalServerError, "\(path)")
        return response.nextData?["err"]?["message"]?.stringValue
    }

    @Test func validResults() async {
        #expect(await engine.get("/_next/data/B/js/ok.json").bodyText == #"{"pageProps":{"title":"From an object"},"__N_SSP":true}"#)
        #expect(await engine.get("/js/not-found-wins").status == .notFound)
        #expect(await engine.get("/_next/data/B/js/not-found-false.json").json?["pageProps"] == ["x": 1])
        let redirect = await engine.get("/js/redirect")
        #expect(redirect.status == .movedPermanently)
        #expect(redirect[.location] == "/about")
    }

    @Test func additionalKeys() async {
        #expect(await message("/js/extra") == "Additional keys were returned from `getServerSideProps`. Properties intended for your component must be nested under the `props` key, e.g.:\n\n\treturn { props: { title: 'My Title', content: '...' } }\n\nKeys that need to be moved: world, query, params, time, random.\nRead more: https://nextjs.org/docs/messages/invalid-getserversideprops-value")
    }

    @Test func noObjectAndRenamedKeys() async {
        #expect(await message("/js/null") == "Your `getServerSideProps` function did not return an object. Did you forget to add a `return`?")
        #expect(await message("/js/renamed") == "unstable_notFound has been renamed to notFound, please update the field to continue. Page: /js/[case]")
    }

    @Test func redirectTypeErrorsAreJoined() async {
        #expect(await message("/js/bad-redirect") == "Invalid redirect object returned from getServerSideProps for /js/bad-redirect\n`permanent` must be `true` or `false` and `destination` should be string but received number and `basePath` should be undefined or a false, received string\nSee more info here: https://nextjs.org/docs/messages/invalid-redirect-gssp")
    }

    @Test func infinityInDynamicProps() async {
        #expect(await message("/js/inf") == "Error serializing `.n` returned from `getServerSideProps` in \"/js/[case]\".\nReason: `Infinity` cannot be serialized as JSON. Please only return JSON serializable data types.")
    }
}

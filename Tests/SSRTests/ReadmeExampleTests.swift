import SSR
import Testing

// The README's minimal site, verbatim: if this stops compiling or behaving, the README is wrong.

struct HelloPage: ServerSidePage {
    struct Props: Codable, Sendable { var message: String }

    func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<Props> {
        if context.query["old"] != nil { return .redirect(destination: "/", permanent: true) }
        context.response.headerFields[.cacheControl] = "public, s-maxage=10, stale-while-revalidate=59"
        return .props(Props(message: "Hello, world"))
    }

    func head(_ props: Props) -> some Markup { title { props.message } }
    func render(_ props: Props) -> some Markup {
        h1 { props.message }
        a(.href("/about")) { "About" }
    }
}

struct AboutUsPage: Page {
    func render(_ props: EmptyProps) -> some Markup { p { "A static page: no getServerSideProps." } }
}

@Test func readmeExampleSite() async throws {
    let site = try Site(pages: [
        PageRoute(file: "pages/index.swift", page: HelloPage.self),
        PageRoute(file: "pages/about.swift", page: AboutUsPage.self),
    ])
    let engine = Engine(site: site, mode: .development)

    let page = await engine.respond(to: EngineRequest(.get, "/"))
    #expect(page.status == .ok)
    #expect(page.bodyText.contains(#"<h1>Hello, world</h1><a href="/about">About</a>"#))
    #expect(page.bodyText.contains(#"{"props":{"pageProps":{"message":"Hello, world"},"__N_SSP":true},"page":"/","query":{},"buildId":"development","isFallback":false,"gssp":true,"scriptLoader":[]}"#))

    let data = await engine.respond(to: EngineRequest(.get, "/_next/data/\(engine.buildId)/index.json"))
    #expect(data.bodyText == #"{"pageProps":{"message":"Hello, world"},"__N_SSP":true}"#)
    #expect(data.headerFields[.cacheControl] == Engine.devNoStore)  // next dev overwrites the page's
    let production = Engine(site: site, mode: .production)
    let served = await production.respond(to: EngineRequest(.get, "/_next/data/\(production.buildId)/index.json"))
    #expect(served.headerFields[.cacheControl] == "public, s-maxage=10, stale-while-revalidate=59")
    #expect(await engine.respond(to: EngineRequest(.get, "/?old=1")).status == .permanentRedirect)
    #expect(await engine.respond(to: EngineRequest(.get, "/about")).status == .ok)
}

import SSR

/// `/echo`: the context of a page without params.
struct EchoIndexPage: ServerSidePage {
    func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<EchoPage.Props> {
        try await EchoPage().getServerSideProps(context)
    }
    func render(_ props: EchoPage.Props) -> some Markup { EchoPage().render(props) }
}

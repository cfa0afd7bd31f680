import SSR

/// `/sub/[id]`: `/sub/index` is this page with `id` "index".
struct SubPage: ServerSidePage {
    func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<EchoPage.Props> {
        try await EchoPage().getServerSideProps(context)
    }
    func render(_ props: EchoPage.Props) -> some Markup { EchoPage().render(props) }
}

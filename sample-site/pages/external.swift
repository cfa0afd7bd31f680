import SSR

/// A temporary redirect (307) to another site: the getServerSideProps documentation.
struct ExternalPage: ServerSidePage {
    static let destination = "https://nextjs.org/docs/pages/building-your-application/data-fetching/get-server-side-props"

    func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<EmptyProps> {
        .redirect(destination: ExternalPage.destination, permanent: false)
    }

    func render(_ props: EmptyProps) -> some Markup { EmptyMarkup() }
}

import SSR

/// getServerSideProps throws: the 500 page in production, the error's details in development.
struct BrokenPage: ServerSidePage {
    struct Failure: Error, CustomStringConvertible {
        var description: String { "the page /broken fails on purpose, to show how errors are reported" }
    }

    func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<EmptyProps> {
        throw Failure()
    }

    func render(_ props: EmptyProps) -> some Markup { EmptyMarkup() }
}

import SSR

/// The smallest server-rendered page, for benchmarks.
struct HelloPage: ServerSidePage {
    struct Props: Codable, Sendable { var message: String }

    func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<Props> {
        .props(Props(message: "Hello, world"))
    }

    func render(_ props: Props) -> some Markup { h1 { props.message } }
}

import SSR

/// Waits `?ms=` milliseconds (at most ten minutes) before answering: a page stuck behind a slow
/// backend, to show the server's time limit (`explorer serve --time-limit 2`, then
/// `/slow?ms=5000`: a 504 after two seconds, while other pages go on being answered).
struct SlowPage: ServerSidePage {
    struct Props: Codable, Sendable { var waitedMs: Int }

    func getServerSideProps(_ context: ServerSideContext) async throws -> ServerSideResult<Props> {
        let ms = min(max(Int(context.query["ms"]?.string ?? "") ?? 0, 0), 600_000)
        try await Task.sleep(for: .milliseconds(ms))
        return .props(Props(waitedMs: ms))
    }

    func head(_ props: Props) -> some Markup { title { "Slow · The Swift Gazette" } }

    func render(_ props: Props) -> some Markup {
        h1 { "A slow page" }
        p { "Waited \(props.waitedMs) ms before answering." }
    }
}

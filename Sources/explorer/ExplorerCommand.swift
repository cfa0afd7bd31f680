import ArgumentParser

/// `explorer`: see what a getServerSideProps site really sends.
@main
struct ExplorerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explorer",
        abstract: "Explore a getServerSideProps site: routes, props, HTML, headers and timing.",
        discussion: """
            Runs the sample site in-process (its SQLite database is created on first use, in \
            $SAMPLE_SITE_CACHE_DIR or ~/.cache/gssp-explorer), or explores a running server with \
            --url http://HOST:PORT. `explorer serve` serves the sample site over HTTP.
            """,
        subcommands: [BrowseCommand.self, ServeCommand.self, RoutesCommand.self, InspectCommand.self, BenchCommand.self],
        defaultSubcommand: BrowseCommand.self
    )
}

import ArgumentParser

/// `explorer`: see what a getServerSideProps site really sends.
@main
struct ExplorerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explorer",
        abstract: "Explore a getServerSideProps site: routes, props, HTML, headers and timing.",
        discussion: """
            Runs the sample site in-process (its SQLite database is created on first use, in \
            $SAMPLE_SITE_CACHE_DIR, else $XDG_CACHE_HOME/gssp-explorer, else \
            ~/.cache/gssp-explorer), or explores a running server with --url http://HOST:PORT. \
            `explorer serve` serves the sample site over HTTP.

            The terminal UI (`explorer`, or `explorer browse`) takes these options:
              --url URL          explore a running server (a Next.js app, `explorer serve`);
                                 a second --url is the server D diffs a page on
              --dev              run the sample site as `next dev` does
              --frame-log FILE   append each frame's times and the memory to FILE
            In the UI, ? lists every key.

            Exit status: 0 on success, 64 for a bad argument, 69 when the site or the port \
            is unavailable, 2 when the UI has no terminal, 128+N after signal N; bench: 1 \
            when its run cannot be made.
            """,
        subcommands: [BrowseCommand.self, ServeCommand.self, RoutesCommand.self, InspectCommand.self, DiffCommand.self, CheckCommand.self, BenchCommand.self],
        defaultSubcommand: BrowseCommand.self
    )
}

import ArgumentParser
import Browser
import Logging

/// Which site the command explores: a running server (`--url`), else the sample site here.
struct SiteOptions: ParsableArguments {
    @OptionGroup var engine: EngineOptions

    @Option(help: "Explore a running server instead (http://HOST:PORT), e.g. one started with `explorer serve`.")
    var url: String?

    func validate() throws {
        if let url {
            do throws(TransportError) { _ = try HTTPTransport(url: url) } catch { throw ValidationError(error.message) }
            if engine.dev { throw ValidationError("--dev runs the sample site in-process; with --url the server decides its mode") }
        }
    }

    /// The server at `--url`, else the sample site in-process, its engine logging to `logger`
    /// (see `EngineOptions.engine` for `warmUp`).
    func transport(logger: Logger, warmUp: Bool = true) throws -> any Transport {
        if let url {
            do throws(TransportError) { return try HTTPTransport(url: url) } catch { throw ValidationError(error.message) }
        }
        return InProcessTransport(engine: try engine.engine(logger: logger, warmUp: warmUp))
    }
}

import ArgumentParser
import Browser
import Logging

/// Which site the command explores: a running server (`--url`), else the sample site here.
struct SiteOptions: ParsableArguments {
    @OptionGroup var engine: EngineOptions

    @Option(
        name: .customLong("url"),
        help: ArgumentHelp(
            "Explore a running server instead (http://HOST:PORT), e.g. one started with `explorer serve`. In the terminal UI, a second --url is the other server D diffs a page on.",
            valueName: "url"))
    var urls: [String] = []

    var url: String? { urls.first }

    func validate() throws {
        guard urls.count <= 2 else { throw ValidationError("--url is given \(urls.count) times: once for the site, a second time for the server D diffs against") }
        for url in urls {
            do throws(TransportError) { _ = try HTTPTransport(url: url) } catch { throw ValidationError(error.message) }
        }
        if url != nil, engine.dev {
            throw ValidationError("--dev runs the sample site in-process; with --url the server decides its mode")
        }
    }

    /// The server at `--url`, else the sample site in-process, its engine logging to `logger`
    /// (see `EngineOptions.engine` for `warmUp`). One site: a second `--url` is the UI's alone.
    func transport(logger: Logger, warmUp: Bool = true) throws -> any Transport {
        guard urls.count < 2 else { throw ValidationError("--url is given twice: only the terminal UI (explorer) diffs on a second server") }
        return try site(urls.first, logger: logger, warmUp: warmUp)
    }

    /// The site explored, and the other one `D` diffs a page on: the second `--url`, or with one
    /// `--url` the sample site here; none when the sample site is the one explored.
    func transports(logger: Logger) throws -> (site: any Transport, other: (name: String, transport: any Transport)?) {
        let site = try site(urls.first, logger: logger, warmUp: false)
        guard url != nil else { return (site, nil) }
        let second = urls.count > 1 ? urls[1] : nil
        let other = try self.site(second, logger: logger, warmUp: false)
        return (site, (second ?? "the sample site here (in-process)", other))
    }

    private func site(_ url: String?, logger: Logger, warmUp: Bool) throws -> any Transport {
        if let url {
            do throws(TransportError) { return try HTTPTransport(url: url) } catch { throw ValidationError(error.message) }
        }
        return InProcessTransport(engine: try engine.engine(logger: logger, warmUp: warmUp))
    }
}

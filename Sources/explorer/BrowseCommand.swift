import ArgumentParser
import Curses
import Browser
import ExplorerUI
import Foundation

/// `explorer` (the default): the terminal UI on the sample site.
struct BrowseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "The terminal UI (the default): routes, navigation, props, HTML, headers and timing side by side.",
        discussion: "Keys: ? shows them all. Needs a terminal; `explorer inspect PATH` prints one navigation as text."
    )

    @OptionGroup var site: SiteOptions

    @OptionGroup var request: RequestOptions

    @Option(
        name: .customLong("har"),
        help: ArgumentHelp(
            "Open a recording (HAR 1.2, .har or .har.gz, from a browser's network panel or W here): its Next.js navigations in the history, the rest listed there.",
            valueName: "file"))
    var har: String?

    @Flag(
        name: .customLong("no-mouse"),
        help: "Leave the mouse to the terminal (its own text selection) instead of clicks and the wheel in the UI.")
    var noMouse = false

    @Option(
        name: .customLong("frame-log"),
        help: ArgumentHelp("Append each frame's times (handling, layout, painting) and the resident memory to this file.", valueName: "file"))
    var frameLog: String?

    /// The in-process site as `explorer serve` would answer it, for `curl` commands.
    static let curlBase = "http://127.0.0.1:3000"

    func run() async throws {
        let log = CapturedLog()
        let (transport, otherSite) = try site.transports(logger: log.logger)
        // The database may be created on first use: do it while the first frame is drawn.
        if transport is InProcessTransport || otherSite?.transport is InProcessTransport { Task.detached { EngineOptions.warmUpDatabase() } }
        var recording: (RecordedSession, String)?
        if let har {
            // Read before the terminal is taken: a file that is not a HAR is said plainly.
            do throws(HARError) { recording = (RecordedSession(try HARLog(contentsOf: har)), har) } catch {
                throw Unavailable.exit("--har", error.message, code: 65)
            }
        }
        let session = Session(
            navigator: try request.navigator(transport), otherSite: otherSite, recording: recording, afterWork: FreedMemory.giveBack)
        let stop = StopSignal()
        var frames: FrameLog?
        if let frameLog {
            do { frames = try FrameLog(path: frameLog) } catch { throw ValidationError("cannot write the frame log \(frameLog): \(error.localizedDescription)") }
        }
        let signal: Int32
        do {
            signal = try await BrowseCommand.runOnUIThread(
                session, origin: transport.origin, curlBase: site.url == nil ? BrowseCommand.curlBase : transport.origin, mouse: !noMouse, frames: frames,
                stop: stop)
        } catch let error as Terminal.StartError {
            Terminal.printError("""
                explorer: \(error); the terminal UI needs an interactive terminal.
                  explorer inspect PATH   prints one navigation (props, HTML, headers, timing) as text
                  explorer routes         prints the route table

                """)
            throw ExitCode(2)
        }
        if signal != 0 { throw ExitCode(128 + signal) }
    }

    /// ncurses blocks while it waits for keys: it gets a thread of its own, away from the
    /// tasks that fetch.
    private static func runOnUIThread(
        _ session: Session, origin: String, curlBase: String, mouse: Bool, frames: FrameLog?, stop: StopSignal
    ) async throws -> Int32 {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do {
                    let terminal = try Terminal.start()
                    if mouse { terminal.enableMouse() }
                    session.run(on: CursesDevice(terminal), origin: origin, curlBase: curlBase, onFrame: frames.map { log in { log.write($0) } }) {
                        stop.signalNumber != 0
                    }
                    terminal.stop()
                    continuation.resume(returning: stop.signalNumber)
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}

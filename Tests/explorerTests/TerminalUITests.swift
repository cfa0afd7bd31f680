import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension BinaryTests {
    /// The terminal UI run as a user runs it: the real binary in a real (tmux) terminal, driven by
    /// keys, read from the screen. Skipped where tmux is missing (`.ci/run` installs it).
    @Suite(.serialized) struct TerminalUITests {
        static let tmuxPath = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }

        /// One tmux server of its own (`-L`), one window running the explorer, then a shell line
        /// that records its exit status and the terminal's modes once it has quit.
        final class Window {
            let socket = "explorer-tests-\(getpid())-\(UUID().uuidString.prefix(8))"
            let folder: URL
            var status: URL { folder.appendingPathComponent("status") }
            var modes: URL { folder.appendingPathComponent("stty") }

            init(width: Int, height: Int, environment: String = "", arguments: String = "") throws {
                folder = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let binary = try #require(CommandTests.binary, "explorer not found beside the test bundle").path
                let script = "env LC_ALL=C.UTF-8 \(environment) '\(binary)' \(arguments); echo $? > '\(status.path)'; stty -a > '\(modes.path)'; sleep 60"
                // The server this starts keeps the output it inherits open: nothing is read from it.
                try tmux("-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "\(width)", "-y", "\(height)", script, output: false)
            }

            deinit {
                _ = try? tmux("kill-server")
                try? FileManager.default.removeItem(at: folder)
            }

            /// Runs tmux and returns what it printed. Spawned directly and reaped with `waitpid`:
            /// the tmux server that `new-session` leaves behind inherits the client's descriptors, and
            /// Foundation's `Process` then never sees the client end.
            @discardableResult
            func tmux(_ arguments: String..., output: Bool = true) throws -> String {
                // Through bash, which first closes every descriptor above 2 that this process has
                // open (other tests' pipes): the server would keep them open, and those tests wait.
                let closeAll = #"for fd in $(ls /dev/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done 2>/dev/null; exec "$0" "$@""#
                let argv = ["/bin/bash", "-c", closeAll, TerminalUITests.tmuxPath!, "-L", socket] + arguments
                var fds: [Int32] = [0, 0]
                guard pipe(&fds) == 0 else { throw POSIXError(.EIO) }
                #if canImport(Darwin)
                var actions: posix_spawn_file_actions_t? = nil
                #else
                var actions = posix_spawn_file_actions_t()
                #endif
                posix_spawn_file_actions_init(&actions)
                defer { posix_spawn_file_actions_destroy(&actions) }
                if output {
                    posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
                } else {
                    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
                }
                posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
                posix_spawn_file_actions_addclose(&actions, fds[0])
                posix_spawn_file_actions_addclose(&actions, fds[1])
                var cArguments = argv.map { strdup($0) } + [nil]
                defer { cArguments.forEach { free($0) } }
                let environment = ProcessInfo.processInfo.environment.merging(["LANG": "C.UTF-8"]) { _, new in new }
                var cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
                defer { cEnvironment.forEach { free($0) } }
                var pid: pid_t = 0
                let spawned = posix_spawn(&pid, argv[0], &actions, nil, &cArguments, &cEnvironment)
                close(fds[1])
                defer { close(fds[0]) }
                guard spawned == 0 else { throw POSIXError(.ENOENT) }
                var data: [UInt8] = []
                if output {
                    var buffer = [UInt8](repeating: 0, count: 65536)
                    while true {
                        let count = read(fds[0], &buffer, buffer.count)
                        if count <= 0 { break }
                        data += buffer[0..<count]
                    }
                }
                var status: Int32 = 0
                waitpid(pid, &status, 0)
                return String(decoding: data, as: UTF8.self)
            }

            func keys(_ keys: String...) throws { for key in keys { try tmux("send-keys", "-t", "t", key) } }
            /// Text typed as it is (`-l`: no key names).
            func type(_ text: String) throws { try tmux("send-keys", "-t", "t", "-l", text) }
            func screen() throws -> String { try tmux("capture-pane", "-p", "-t", "t") }

            /// `o`, a header or cookie, Enter: sent with every request from now on.
            func setRequest(_ setting: String) throws {
                try keys("o")
                _ = try waitFor("Requests: headers, cookies")
                try type(setting)
                try keys("Enter")
            }

            /// `g`, the path, Enter: a client transition typed as a user types it.
            func goTo(_ path: String) throws {
                try keys("g")
                _ = try waitFor("Go to (client transition)")
                try type(path)
                try keys("Enter")
            }
            func resize(_ width: Int, _ height: Int) throws { try tmux("resize-window", "-t", "t", "-x", "\(width)", "-y", "\(height)") }

            /// The screen once it shows `text` (polled, up to 30 s: the first run builds the database).
            func waitFor(_ text: String, seconds: Double = 30) throws -> String {
                let deadline = Date().addingTimeInterval(seconds)
                var last = ""
                while Date() < deadline {
                    last = try screen()
                    if last.contains(text) { return last }
                    usleep(100_000)
                }
                Issue.record("the screen never showed “\(text)”:\n\(last)")
                return last
            }

            /// The exit status, once the explorer has exited.
            func exitStatus(seconds: Double = 10) -> String? {
                let deadline = Date().addingTimeInterval(seconds)
                while Date() < deadline {
                    if let text = try? String(contentsOf: modes, encoding: .utf8), !text.isEmpty,
                       let status = try? String(contentsOf: status, encoding: .utf8) {
                        return status.trimmingCharacters(in: .whitespacesAndNewlines)
                    }
                    usleep(100_000)
                }
                return nil
            }

            /// The terminal is back to a line-by-line, echoing shell terminal.
            func terminalRestored() throws -> Bool {
                let modes = try String(contentsOf: modes, encoding: .utf8)
                return modes.contains(" icanon") && modes.contains(" echo ") && !modes.contains("-icanon") && !modes.contains("-echo ")
            }
        }

        /// Every row between the address line and the key bar ends at the right edge with a box's
        /// border: no character was drawn wider or narrower than the terminal shows it.
        func expectAligned(_ screen: String) {
            for line in screen.split(separator: "\n").dropFirst().dropLast() {
                #expect(["│", "┐", "┘"].contains(line.last.map(String.init)), "row not aligned: \(line)")
            }
        }

        @Test(.enabled(if: tmuxPath != nil)) func navigateByAddressResizeAndQuit() throws {
            let window = try Window(width: 120, height: 40)
            _ = try window.waitFor("/posts/[id]")
            try window.goTo("/posts/1")
            let screen = try window.waitFor("GET /_next/data/")
            #expect(screen.contains("client transition"))
            #expect(screen.contains("/posts/1.json"))
            #expect(screen.contains("Thinking about routing, part 1"))
            #expect(screen.contains("Cache-Control: private"))
            #expect(screen.range(of: #"gssp ⓢ +\d+\.\d+ ms"#, options: .regularExpression) != nil)
            expectAligned(screen)

            try window.resize(80, 24)
            _ = try window.waitFor("1 Props │ 2 │ 3 │ 4 · ")
            try window.resize(40, 10)
            _ = try window.waitFor("Terminal too small: 40×10.")
            try window.resize(100, 30)
            _ = try window.waitFor("Thinking about routing")
            try window.keys("q")
            #expect(window.exitStatus() == "0")
            #expect(try window.terminalRestored())
        }

        /// Issue 18's flow as a user does it: open /dashboard as one user, mark it, become the
        /// other user (o), open it again, diff; then the shortcut: D with the first user's cookie.
        @Test(.enabled(if: tmuxPath != nil)) func markNavigateAsAnotherUserAndDiff() throws {
            let window = try Window(width: 120, height: 40)
            _ = try window.waitFor("/posts/[id]")
            try window.setRequest("session=demo-token")
            try window.goTo("/dashboard")
            _ = try window.waitFor("Demo User")
            try window.keys("m")
            _ = try window.waitFor("Marked /dashboard")
            try window.setRequest("session=second-token")
            try window.goTo("/dashboard")
            _ = try window.waitFor("Second User")
            try window.keys("d")
            let diff = try window.waitFor("Diff  a: /dashboard")
            #expect(diff.contains(#"name: "Demo User" → "Second User""#))
            #expect(diff.contains("The two differ."))
            expectAligned(diff)
            try window.keys("Escape")
            _ = try window.waitFor("Hello, Second User")
            try window.keys("D")
            _ = try window.waitFor("Diff this page against")
            try window.type("session=demo-token")
            try window.keys("Enter")
            let shortcut = try window.waitFor("b: /dashboard (client transition, as session=demo-token)")
            #expect(shortcut.contains(#"name: "Second User" → "Demo User""#))
            try window.keys("Escape", "q")
            #expect(window.exitStatus() == "0")
        }

        /// The Site view as a user opens it: S crawls the sample site, the heaviest page first;
        /// Enter opens it in the four views.
        @Test(.enabled(if: tmuxPath != nil)) func theSiteViewCrawlsAndOpensTheHeaviestPage() throws {
            let window = try Window(width: 150, height: 40)
            _ = try window.waitFor("/posts/[id]")
            try window.keys("S")
            let site = try window.waitFor("Site · 200 pages", seconds: 60)
            #expect(site.contains("props▼"))
            let rows = site.split(separator: "\n").filter { $0.contains("│ │ /") }
            #expect(rows.first?.contains("/archive") == true, "\(site)")
            expectAligned(site)
            try window.keys("Enter")
            let archive = try window.waitFor("611% of 128 kB")
            #expect(archive.contains("/archive") && archive.contains("client transition"))
            try window.keys("q")
            #expect(window.exitStatus() == "0")
        }

        /// `--frame-log`: a line per frame with its times, the resident memory and what caused it.
        @Test(.enabled(if: tmuxPath != nil)) func frameLogRecordsEveryFrame() throws {
            let log = FileManager.default.temporaryDirectory.appendingPathComponent("frames-\(UUID().uuidString).log")
            defer { try? FileManager.default.removeItem(at: log) }
            let window = try Window(width: 100, height: 30, arguments: "--frame-log '\(log.path)'")
            _ = try window.waitFor("/posts/[id]")
            try window.keys("j")
            try window.keys("q")
            #expect(window.exitStatus() == "0")
            let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
            #expect(lines.count >= 3, "\(lines)")
            let shape = #"^\d+\.\d\d ms  handle \d+\.\d\d · layout \d+\.\d\d · paint \d+\.\d\d  rss \d+\.\d MB  at \d+\.\d\d ms  "#
            for line in lines { #expect(line.range(of: shape, options: .regularExpression) != nil, "\(line)") }
            #expect(lines.contains { $0.hasSuffix("results") })
            #expect(lines.contains { $0.hasSuffix(#"key character("j")"#) })
        }

        @Test(.enabled(if: tmuxPath != nil)) func wideTextInPropsKeepsTheColumns() throws {
            let window = try Window(width: 120, height: 40)
            _ = try window.waitFor("/posts/[id]")
            try window.keys("g")
            try window.type("/guestbook")
            try window.keys("Enter", "1", "z")
            // An emoji with a skin tone, as code points: shown whole once the props are zoomed
            // (the frame before the zoom shows the same line cut, the wide text already on it).
            let screen = try window.waitFor(#"\ud83d\udc4b\ud83c\udffd"#)
            #expect(screen.contains("你好，世界！こんにちは"))
            expectAligned(screen)
            try window.keys("q")
            #expect(window.exitStatus() == "0")
        }

        /// A minute-long page, then a static one at once: the static one shows while the slow one
        /// would still be waiting; another slow one stopped with Esc keeps the page shown.
        @Test(.enabled(if: tmuxPath != nil)) func aSlowNavigationIsSupersededOrStopped() throws {
            let window = try Window(width: 120, height: 40)
            _ = try window.waitFor("/posts/[id]")
            try window.keys("g")
            try window.type("/slow?ms=60000")
            try window.keys("Enter")
            _ = try window.waitFor("⋯ client transition to /slow?ms=60000 (Esc stops)")
            try window.keys("g")
            try window.type("/about")
            try window.keys("Enter")
            // Within the wait's 30 s, where the slow page would take 60.
            var screen = try window.waitFor("static page, nothing fetched")
            #expect(screen.hasPrefix(" ←→ /about  client transition"))
            try window.keys("g")
            try window.type("/slow?ms=60000")
            try window.keys("Enter")
            _ = try window.waitFor("(Esc stops)")
            try window.keys("Escape")
            screen = try window.waitFor("Stopped the client transition to /slow?ms=60000: the page shown is the one before.")
            #expect(screen.hasPrefix(" ←→ /about  client transition"))
            try window.keys("q")
            #expect(window.exitStatus() == "0")
        }

        /// The address line at 160, 120 and 80 columns: within the width, the time kept, and `…`
        /// wherever something was cut.
        @Test(.enabled(if: tmuxPath != nil)) func theAddressLineFitsEveryWidth() throws {
            let window = try Window(width: 160, height: 40)
            _ = try window.waitFor("/posts/[id]")
            try window.keys("g")
            try window.type("/external")
            try window.keys("Enter")
            for width in [160, 120, 80] {
                try window.resize(width, 30)
                // Until the explorer has drawn the new size (tmux shows the old rows cut meanwhile).
                var line = ""
                for _ in 0..<50 {
                    line = try window.screen().split(separator: "\n").first.map(String.init) ?? ""
                    if line.range(of: #"…  \d+\.\d+ ms"#, options: .regularExpression) != nil { break }
                    usleep(100_000)
                }
                #expect(line.count <= width, "\(line)")
                #expect(line.hasPrefix(" ←→ /external  client transition  200 OK  leaves the site for https://"), "\(line)")
                #expect(line.range(of: #"…  \d+\.\d+ ms"#, options: .regularExpression) != nil, "\(line)")
            }
            try window.keys("q")
            #expect(window.exitStatus() == "0")
        }

        /// Searching the 1.5 MB of /archive's HTML: done a slice per frame (the frame log says
        /// so), then the match count on the key bar.
        @Test(.enabled(if: tmuxPath != nil)) func aBigSearchRunsInSlices() throws {
            let log = FileManager.default.temporaryDirectory.appendingPathComponent("frames-\(UUID().uuidString).log")
            defer { try? FileManager.default.removeItem(at: log) }
            let window = try Window(width: 120, height: 40, arguments: "--frame-log '\(log.path)'")
            _ = try window.waitFor("/posts/[id]")
            try window.keys("g")
            try window.type("/archive")
            try window.keys("Enter")
            _ = try window.waitFor("GET /_next/data/")
            try window.keys("2", "/")
            try window.type("part 9999")
            try window.keys("Enter")
            let screen = try window.waitFor("/part 9999 1/")
            #expect(screen.contains("part 9999"), "\(screen)")
            try window.keys("q")
            #expect(window.exitStatus() == "0")
            let frames = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
            #expect(frames.contains { $0.hasSuffix("  search") }, "\(frames.suffix(10))")
        }

        @Test(.enabled(if: tmuxPath != nil)) func interruptRestoresTheTerminal() throws {
            let window = try Window(width: 100, height: 30)
            _ = try window.waitFor("/posts/[id]")
            try window.keys("C-c")
            #expect(window.exitStatus() == "130")
            #expect(try window.terminalRestored())
        }

        /// The explorer's process, the child of the window's shell.
        func explorerProcess(_ window: Window) throws -> pid_t {
            let shell = try window.tmux("display-message", "-p", "-t", "t", "#{pane_pid}").trimmingCharacters(in: .whitespacesAndNewlines)
            // pgrep, on Linux and macOS alike (Linux's /proc is not on macOS).
            let pgrep = Process()
            pgrep.executableURL = URL(fileURLWithPath: "/usr/bin/pgrep")
            pgrep.arguments = ["-P", shell]
            let output = Pipe()
            pgrep.standardOutput = output
            try pgrep.run()
            let children = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            pgrep.waitUntilExit()
            return try #require(children.split(whereSeparator: \.isWhitespace).first.flatMap { pid_t($0) })
        }

        @Test(.enabled(if: tmuxPath != nil)) func terminateRestoresTheTerminal() throws {
            let window = try Window(width: 100, height: 30)
            _ = try window.waitFor("/posts/[id]")
            #expect(kill(try explorerProcess(window), SIGTERM) == 0)
            #expect(window.exitStatus() == "143")
            #expect(try window.terminalRestored())
        }

        /// A crash (here a segmentation fault sent from outside) still gives the terminal back.
        @Test(.enabled(if: tmuxPath != nil)) func aCrashRestoresTheTerminal() throws {
            let window = try Window(width: 100, height: 30)
            _ = try window.waitFor("/posts/[id]")
            #expect(kill(try explorerProcess(window), SIGSEGV) == 0)
            #expect(window.exitStatus() == "139")
            #expect(try window.terminalRestored())
        }

        @Test(.enabled(if: tmuxPath != nil)) func aDumbTerminalIsToldToUseInspect() throws {
            let window = try Window(width: 100, height: 30, environment: "TERM=dumb")
            let screen = try window.waitFor("explorer inspect PATH")
            #expect(screen.contains("the terminal 'dumb' cannot move the cursor"))
            #expect(window.exitStatus() == "2")
        }
    }
}

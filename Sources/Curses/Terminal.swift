import CNCursesW
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal, through ncurses: the only code in the project that touches it. It starts the
/// screen, reads keys (resize included), draws styled text and restores everything on `stop()`.
/// ncurses is not thread-safe: one thread owns a `Terminal`.
package final class Terminal {
    /// Why the terminal UI cannot start; the message says what to do instead.
    package enum StartError: Error, CustomStringConvertible {
        case notATerminal
        case cannotAddressCursor(String)
        case unknownTerminal(String)
        case cannotInitialise

        package var description: String {
            switch self {
            case .notATerminal: "standard input or output is not a terminal"
            case .cannotAddressCursor(let term): "the terminal '\(term)' cannot move the cursor"
            case .unknownTerminal(let term): "unknown terminal type (TERM=\(term))"
            case .cannotInitialise: "ncurses could not start on this terminal"
            }
        }
    }

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let useColour: Bool
    private var pairs: [Colour: Int16] = [:]
    private var stopped = false

    /// Checks that there is a terminal able to show a full-screen UI, then takes it over.
    package static func start() throws(StartError) -> Terminal {
        setUTF8Locale()
        let term = getenv("TERM").map { String(cString: $0) } ?? "(unset)"
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        switch cn_probe_terminal() {
        case 1: break
        case 0: throw .cannotAddressCursor(term)
        default: throw .unknownTerminal(term)
        }
        guard let screen = cn_newterm() else { throw .cannotInitialise }
        return Terminal(screen: screen)
    }

    private init(screen: OpaquePointer) {
        self.screen = screen
        _ = set_term(screen)
        window = cn_stdscr()!
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)  // the default second after Esc makes Esc feel dead
        curs_set(0)
        cn_restore_on_crash()
        useColour = has_colors() && getenv("NO_COLOR") == nil
        if useColour {
            start_color()
            use_default_colors()
        }
    }

    /// Reports mouse presses and the wheel as input; the terminal's own selection then needs
    /// Shift (most terminals) or Option (macOS Terminal, iTerm2) held while dragging.
    package func enableMouse() { cn_enable_mouse() }

    /// Gives the terminal back as it was. Safe to call more than once.
    package func stop() {
        guard !stopped else { return }
        stopped = true
        curs_set(1)
        endwin()
        delscreen(screen)
    }

    deinit { stop() }

    package var size: (columns: Int, rows: Int) {
        (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// The next key, or `nil` when none came within `timeoutMilliseconds`.
    package func read(timeoutMilliseconds: Int32) -> Input? {
        wtimeout(window, timeoutMilliseconds)
        var code: wint_t = 0
        let result = wget_wch(window, &code)
        if result == KEY_CODE_YES {
            return Input(keyCode: Int32(code))
        }
        guard result == OK, let scalar = Unicode.Scalar(UInt32(code)) else { return nil }
        return .character(scalar)
    }

    /// Draws `text` at a position. The caller lays the text out: it must fit the row, and
    /// contain no control characters.
    package func draw(row: Int, column: Int, text: String, paint: Paint) {
        var attributes: attr_t = 0
        if paint.bold { attributes |= cn_a_bold() }
        if paint.dim { attributes |= cn_a_dim() }
        if paint.reverse { attributes |= cn_a_reverse() }
        if paint.underline { attributes |= cn_a_underline() }
        let pair = paint.foreground.map(pairNumber) ?? 0
        wattr_set(window, attributes, pair, nil)
        mvwaddstr(window, Int32(row), Int32(column), text)
        wattr_set(window, 0, 0, nil)
    }

    /// The columns glibc (and so ncurses) gives a character; -1 for control characters.
    package static func columns(of scalar: Unicode.Scalar) -> Int {
        Int(cn_wcwidth(wchar_t(bitPattern: scalar.value)))
    }

    package func erase() { werase(window) }

    /// Sends what was drawn to the terminal (only the changes).
    package func present() { wrefresh(window) }

    /// Writes bytes straight to the terminal, after the screen: for OSC 52 (clipboard).
    package func writeRaw(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cn_write_stdout($0, buffer.count)
            }
        }
    }

    /// Prints to standard error (Swift 6 does not let code name C's `stderr`).
    package static func printError(_ message: String) { cn_eprint(message) }

    private func pairNumber(_ colour: Colour) -> Int16 {
        guard useColour else { return 0 }
        if let pair = pairs[colour] { return pair }
        let pair = Int16(pairs.count + 1)
        init_pair(pair, colour.rawValue, -1)
        pairs[colour] = pair
        return pair
    }

    /// ncursesw shows UTF-8 as junk in the C locale; C.UTF-8 is on every glibc system.
    private static func setUTF8Locale() {
        let current = setlocale(LC_ALL, "").map { String(cString: $0) } ?? "C"
        if current == "C" || current == "POSIX" { _ = setlocale(LC_ALL, "C.UTF-8") }
    }
}

/// The eight ANSI colours, drawn over the terminal's own background.
package enum Colour: Int16, Hashable, Sendable {
    case black = 0, red, green, yellow, blue, magenta, cyan, white
}

/// How text is drawn.
package struct Paint: Hashable, Sendable {
    package var foreground: Colour?
    package var bold = false
    package var dim = false
    package var reverse = false
    package var underline = false

    package init(foreground: Colour? = nil, bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.foreground = foreground
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }
}

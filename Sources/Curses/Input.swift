import CNCursesW

/// One thing read from the keyboard (or the terminal itself, for a resize).
package enum Input: Equatable, Sendable {
    case character(Unicode.Scalar)
    case up, down, left, right, pageUp, pageDown, home, end
    case backspace, delete, enter, backTab
    /// The window changed size; `Terminal.size` has the new one.
    case resize
    /// A function key ncurses knows but the explorer does not use.
    case other(Int32)

    init(keyCode: Int32) {
        switch keyCode {
        case KEY_UP: self = .up
        case KEY_DOWN: self = .down
        case KEY_LEFT: self = .left
        case KEY_RIGHT: self = .right
        case KEY_PPAGE: self = .pageUp
        case KEY_NPAGE: self = .pageDown
        case KEY_HOME: self = .home
        case KEY_END: self = .end
        case KEY_BACKSPACE: self = .backspace
        case KEY_DC: self = .delete
        case KEY_ENTER: self = .enter
        case KEY_BTAB: self = .backTab
        case KEY_RESIZE: self = .resize
        default: self = .other(keyCode)
        }
    }
}

import CNCursesW

/// One thing read from the keyboard (or the terminal itself, for a resize).
package enum Input: Equatable, Sendable {
    case character(Unicode.Scalar)
    case up, down, left, right, pageUp, pageDown, home, end
    case backspace, delete, enter, backTab
    /// The window changed size; `Terminal.size` has the new one.
    case resize
    /// The mouse (when ``Terminal/enableMouse()`` asked for it): a press of the first button or
    /// the wheel, at a cell (0-based).
    case mouse(x: Int, y: Int, MouseAction)
    /// A function key ncurses knows but the explorer does not use.
    case other(Int32)

    package enum MouseAction: Equatable, Sendable {
        case press, wheelUp, wheelDown
    }

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
        case KEY_MOUSE:
            var x: Int32 = 0, y: Int32 = 0, action: Int32 = 0
            guard cn_read_mouse(&x, &y, &action) == 1 else {
                self = .other(keyCode)
                return
            }
            switch action {
            case 1: self = .mouse(x: Int(x), y: Int(y), .press)
            case 4: self = .mouse(x: Int(x), y: Int(y), .wheelUp)
            case 5: self = .mouse(x: Int(x), y: Int(y), .wheelDown)
            default: self = .other(keyCode)
            }
        default: self = .other(keyCode)
        }
    }
}

/// A key press, as the UI understands it (the terminal adapter translates its own codes).
package enum Key: Equatable, Sendable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    /// A press of the mouse's first button or the wheel, at a cell of the screen.
    case mouse(MouseEvent)
}

/// What the mouse did, and where (column and row, from 0 at the top left).
package struct MouseEvent: Equatable, Sendable {
    package enum Action: Equatable, Sendable {
        case press, wheelUp, wheelDown
    }
    package var x: Int
    package var y: Int
    package var action: Action

    package init(x: Int, y: Int, _ action: Action) {
        self.x = x
        self.y = y
        self.action = action
    }
}

/// A key press, as the UI understands it (the terminal adapter translates its own codes).
package enum Key: Equatable, Sendable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
}

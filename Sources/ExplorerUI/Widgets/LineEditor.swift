/// The text typed into a prompt, with a cursor: insert, delete, move, clear.
package struct LineEditor: Sendable, Equatable {
    package private(set) var characters: [Character]
    package private(set) var cursor: Int

    package init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    package var text: String { String(characters) }

    /// Applies an editing key; `false` when the key is not an editing key.
    package mutating func apply(_ key: Key) -> Bool {
        switch key {
        case .character("\u{15}"):  // Ctrl-U: clear, as in a shell
            characters.removeAll()
            cursor = 0
        case .character(let c) where !c.isNewline && c.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }):
            characters.insert(c, at: cursor)
            cursor += 1
        case .backspace, .character("\u{7F}"), .character("\u{08}"):
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .character("\u{01}"): cursor = 0
        case .end, .character("\u{05}"): cursor = characters.count
        default: return false
        }
        return true
    }
}

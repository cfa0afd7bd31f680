import Browser
import ExplorerUI
import SSR

/// Any bytes as props JSON: parsed; when valid, written by the props encoder (a fixed point),
/// then shown as the explorer's tree (sizes, sensitive keys, folding, every line, search).
enum JSONTreeFuzz {
    static func run(_ bytes: [UInt8]) {
        guard let props = try? JSONValue(parsing: bytes) else { return }
        // Writing is a fixed point: what the encoder writes, read and written again, is the same
        // bytes (the first write may reorder keys as JavaScript does, or write -0 as 0).
        if let written = try? PropsEncoder().encode(props) {
            guard let again = try? JSONValue(parsing: written), (try? PropsEncoder().encode(again)) == written else {
                fatalError("\(String(decoding: bytes, as: UTF8.self).debugDescription): written, read and written again differs")
            }
        }
        var tree = JSONTree(props, size: PropsSize(props), sensitive: SensitiveProps.scan(props))
        for level in [0, 1, 3, 100] {
            tree.setLevel(level)
            for index in tree.visible {
                _ = tree.line(index)
                _ = tree.path(of: index)
            }
        }
        if let last = tree.nodes.indices.last {
            tree.reveal(last)
            tree.setFolded(0, true)
            tree.setFolded(0, false)
            _ = tree.row(of: last)
        }
        for query in [TextSearch("a"), TextSearch("\u{301}")] {
            for index in tree.nodes.indices { _ = tree.matches(index, query) }
        }
    }
}

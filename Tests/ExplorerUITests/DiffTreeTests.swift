import Browser
import SSR
import Testing
@testable import ExplorerUI

/// The Props view of a diff: b's props with a's differences marked, unchanged parts folded.
@Suite struct DiffTreeTests {
    func tree(_ old: String, _ new: String) throws -> JSONTree {
        let a = try JSONValue(parsing: old), b = try JSONValue(parsing: new)
        return JSONTree(diff: PropsDiff(a, b), new: b)
    }

    func shown(_ tree: JSONTree) -> [String] { tree.visible.map { tree.line($0).plainText } }

    @Test func changesShowAndTheRestIsFolded() throws {
        let tree = try tree(
            #"{"title":"A","items":[{"id":1,"t":"x"},{"id":2,"t":"y"},{"id":3,"t":"z"}],"keep":{"a":1,"b":[1,2,3]},"gone":"bye"}"#,
            #"{"title":"B","items":[{"id":3,"t":"z"},{"id":1,"t":"x2"},{"id":2,"t":"y"}],"keep":{"a":1,"b":[1,2,3]},"fresh":[1,2]}"#)
        #expect(shown(tree) == [
            "  ▾ props: { 4 keys · 116 B",
            #"-     gone: "bye"  −5 B"#,
            #"~     title: "A" → "B"  ±0 B"#,
            "    ▾ items: [ 3 items · 53 B",
            "↕     ▸ [0] (was [2]): {…} 2 keys · 16 B",
            "      ▾ [1]: { 2 keys · 17 B",
            "          id: 1",
            #"~         t: "x" → "x2"  +1 B"#,
            "      ▸ [2]: {…} 2 keys · 16 B",
            "    ▸ keep: {…} 2 keys · 19 B",
            "+   ▾ fresh: [ 2 items · 5 B  +5 B",
            "+       [0]: 1",
            "+       [1]: 2",
        ])
        // A folded unchanged part opens as in the Props view, and says nothing changed in it.
        var opened = tree
        opened.setFolded(opened.nodes.firstIndex { $0.label == "keep" }!, false)
        #expect(shown(opened).contains("        a: 1"))
    }

    @Test func aChangeOfTypeAndAChangedRootAreShownWithBothValues() throws {
        #expect(shown(try tree(#"{"a":{"x":1}}"#, #"{"a":[1]}"#)).contains(#"~   ▸ a: {"x":1} → […] 1 item · 3 B  −4 B"#))
        #expect(shown(try tree(#"[1]"#, #"{"k":"v"}"#)).first == #"~ ▾ props: [1] → { 1 key · 9 B  +6 B"#)
    }

    @Test func unicodeAndOddKeysKeepTheirPaths() throws {
        let tree = try tree(#"{"日本":{"x":true},"odd key":[1]}"#, #"{"日本":{"x":false},"odd key":[1]}"#)
        let changed = try #require(tree.nodes.indices.first { tree.marks[$0] != nil && tree.marks[$0] != .changedInside })
        #expect(tree.path(of: changed) == #"["日本"].x"#)
        #expect(shown(tree).contains("~       x: true → false  +1 B"))
        #expect(shown(tree).contains("    ▸ odd key: […] 1 item · 3 B"))
    }

    @Test func search() throws {
        // The old value of a changed node is found too.
        let tree = try tree(#"{"name":"Ada"}"#, #"{"name":"Grace"}"#)
        let node = try #require(tree.nodes.firstIndex { $0.label == "name" })
        #expect(tree.matches(node, TextSearch("ada")))
        #expect(tree.matches(node, TextSearch("grace")))
    }

    @Test func tenThousandElementsWithOneMovedAndOneChanged() throws {
        var ids = Array(1...10_000)
        ids.insert(ids.remove(at: 5_000), at: 10)
        func list(_ ids: [Int], changed: Int?) -> String {
            "[" + ids.map { #"{"id":\#($0),"v":"\#($0 == changed ? "new" : "old")"}"# }.joined(separator: ",") + "]"
        }
        let tree = try tree(#"{"rows":\#(list(Array(1...10_000), changed: nil))}"#, #"{"rows":\#(list(ids, changed: 9_999))}"#)
        let marked = shown(tree).filter { !$0.hasPrefix(" ") }
        #expect(marked == ["↕     ▸ [10] (was [5000]): {…} 2 keys · 21 B", #"~         v: "old" → "new"  ±0 B"#])
        // The root, rows, its 10,000 elements folded, and the two members of the changed one.
        #expect(tree.visible.count == 10_004)
    }
}

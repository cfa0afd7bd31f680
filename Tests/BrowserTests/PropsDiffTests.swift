import Browser
import SSR
import Testing

/// The props diff on crafted pairs, line for line.
@Suite struct PropsDiffTests {
    func diff(_ old: String, _ new: String) throws -> [String] {
        PropsDiff(try JSONValue(parsing: old), try JSONValue(parsing: new)).lines()
    }

    @Test func equalValuesHaveNoDifference() throws {
        #expect(try diff(#"{"a":[1,{"b":null}]}"#, #"{"a":[1,{"b":null}]}"#) == ["no difference"])
    }

    @Test func deepChangesAdditionsAndRemovalsByPath() throws {
        #expect(try diff(#"{"user":{"name":"Ada","roles":["x"]},"token":"abc"}"#, #"{"user":{"name":"Grace","roles":["x","y"]},"n":1}"#) == [
            #"- .token: "abc"  −5 B"#,
            #"~ .user.name: "Ada" → "Grace"  +2 B"#,
            #"+ .user.roles[1]: "y"  +3 B"#,
            "+ .n: 1  +1 B",
            "4 changes, −2 B in all",
        ])
    }

    @Test func typeChangesAndAwkwardKeys() throws {
        #expect(try diff(#"{"a":1,"odd key":[1],"日本":{"x":true}}"#, #"{"a":"1","odd key":{"0":1},"日本":{"x":false}}"#) == [
            #"~ .a: 1 → "1"  +2 B"#,
            #"~ ["odd key"]: [1] → {"0":1}  +4 B"#,
            #"~ ["日本"].x: true → false  +1 B"#,
            "3 changes, +7 B in all",
        ])
    }

    /// An element that moved is a move, not a change at every index after it.
    @Test func elementsWithAnIDAreMatchedByIt() throws {
        #expect(try diff(
            #"{"items":[{"id":1,"t":"a"},{"id":2,"t":"b"},{"id":3,"t":"c"},{"id":4,"t":"d"}]}"#,
            #"{"items":[{"id":2,"t":"b"},{"id":3,"t":"C"},{"id":4,"t":"d"},{"id":1,"t":"a"},{"id":5,"t":"e"}]}"#) == [
            #"~ .items[1].t: "c" → "C"  ±0 B"#,
            "↕ .items[3]: moved from [0] (id 1)",
            #"+ .items[4]: {"id":5,"t":"e"}  +16 B"#,
            "3 changes, +17 B in all",
        ])
        // One removed at the front: the others shift, none moved.
        #expect(try diff(#"[{"slug":"a"},{"slug":"b"},{"slug":"c"}]"#, #"[{"slug":"b"},{"slug":"c"}]"#) == [
            #"- [0]: {"slug":"a"}  −12 B"#,
            "1 change, −13 B in all",
        ])
    }

    @Test func arraysWithoutIDsAreMatchedByIndex() throws {
        #expect(try diff("[1,2,3]", "[1,3]") == ["~ [1]: 2 → 3  ±0 B", "- [2]: 3  −1 B", "2 changes, −2 B in all"])
        // Repeated ids are not ids.
        #expect(try diff(#"[{"id":1},{"id":1}]"#, #"[{"id":1},{"id":2}]"#) == ["~ [1].id: 1 → 2  ±0 B", "1 change, ±0 B in all"])
    }

    @Test func tenThousandEntries() throws {
        func items(_ ids: [Int]) -> JSONValue { .array(ids.map { ["id": .number(Double($0)), "title": .string("post \($0)")] }) }
        var ids = Array(1...10_000)
        let old = items(ids)
        ids.remove(at: 5000)
        ids.insert(5001, at: 0)  // 5001 moves to the front
        ids.removeAll { $0 == 9000 }
        let lines = PropsDiff(old, items(ids)).lines()
        #expect(lines == [
            #"- [8999]: {"id":9000,"title":"post 9000"}  −31 B"#,
            "↕ [0]: moved from [5000] (id 5001)",
            "2 changes, −32 B in all",
        ])
    }
}

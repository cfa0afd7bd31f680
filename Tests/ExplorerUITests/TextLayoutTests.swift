import Browser
import SSR
import Testing
@testable import ExplorerUI

@Suite struct HTMLLinesTests {
    @Test func tagsBreakIntoIndentedLinesAndNextDataStaysWhole() {
        let html = #"<!DOCTYPE html><html><head><meta charset="utf-8"/><title>T</title></head><body><div id="__next"><h1>Hi</h1><p>a<b>b</b></p></div><script id="__NEXT_DATA__" type="application/json">{"props":{"x":"<a></a>"}}</script></body></html>"#
        let lines = HTMLLines(html)
        #expect(lines.lines.map { String(repeating: "  ", count: $0.indent) + $0.text } == [
            "<!DOCTYPE html>", "<html>", "  <head>", #"    <meta charset="utf-8"/>"#, "    <title>T</title>", "  </head>", "  <body>",
            #"    <div id="__next">"#, "      <h1>Hi</h1>", "      <p>a<b>b</b>", "      </p>", "    </div>",
            #"    <script id="__NEXT_DATA__" type="application/json">"#, #"      {"props":{"x":"<a></a>"}}"#, "    </script>",
            "  </body>", "</html>",
        ])
        #expect(lines.lines[13].kind == .nextData)
        #expect(lines.lines[12].kind == .markup)
    }

    @Test func markupIsColouredByPart() {
        let styled = HTMLLines.highlight(#"<a href="/x">go</a>"#)
        #expect(styled.runs.map(\.style) == [.tag, .punctuation, .attributeName, .punctuation, .attributeValue, .tag, .plain, .tag])
        #expect(styled.plainText == #"<a href="/x">go</a>"#)
    }

    @Test func aCutNeverSplitsACharacter() {
        let lines = HTMLLines("<p>" + String(repeating: "日", count: 3000) + "</p>")
        #expect(!lines.lines[0].text.contains("\u{FFFD}"))
        #expect(lines.lines[0].text.hasPrefix("<p>日日"))
    }

    @Test func aHugeLineIsCutWithWhatIsLeftSaid() {
        let lines = HTMLLines("<p>" + String(repeating: "x", count: 10_000) + "</p>")
        #expect(lines.lines.count == 1)
        #expect(lines.lines[0].text.hasSuffix(" … (6007 more bytes)"))
        #expect(lines.lines[0].text.utf8.count < 4100)
    }
}

@Suite struct JSONTreeTests {
    func tree(_ json: String) throws -> JSONTree {
        let value = try JSONValue(parsing: Array(json.utf8))
        return JSONTree(value, size: PropsSize(value), sensitive: SensitiveProps.scan(value))
    }

    @Test func rowsShowKeysValuesSizesAndSecrets() throws {
        let tree = try tree(#"{"user":{"name":"Ada","password":"hunter2"},"n":[1,2.5,true,null]}"#)
        #expect(tree.visible.map { tree.line($0).plainText } == [
            "▾ props: { 2 keys · 66 B",
            "  ▾ user: { 2 keys · 35 B",
            #"      name: "Ada""#,
            #"      password: "hunter2"  ⚠ key named like a secret (password)"#,
            "  ▾ n: [ 4 items · 17 B",
            "      [0]: 1", "      [1]: 2.5", "      [2]: true", "      [3]: null",
        ])
    }

    @Test func foldingByNodeLevelAndAll() throws {
        var tree = try tree(#"{"a":{"b":{"c":1}},"d":[1,2]}"#)
        #expect(tree.visible.count == 7)
        tree.setFolded(1, true)
        #expect(tree.visible.map { tree.nodes[$0].label } == ["props", "a", "d", "[0]", "[1]"])
        #expect(tree.line(1).plainText == "  ▸ a: {…} 1 key · 13 B")
        tree.setLevel(1)
        #expect(tree.visible.count == 3)
        tree.setLevel(Int.max)
        #expect(tree.visible.count == 7)
        tree.setLevel(1)
        tree.reveal(3)  // c
        #expect(tree.visible.map { tree.nodes[$0].label } == ["props", "a", "b", "c", "d"])
    }

    @Test func searchMatchesKeysAndValuesIgnoringCase() throws {
        let tree = try tree(#"{"title":"Hello","items":[{"title":"World"}],"n":12,"ok":true,"none":null}"#)
        func found(_ query: String) -> [String] {
            tree.nodes.indices.filter { tree.matches($0, TextSearch(query)) }.map { tree.path(of: $0) }
        }
        #expect(found("world") == [".items[0].title"])
        #expect(found("TITLE") == [".title", ".items[0].title"])
        #expect(found("12") == [".n"])
        #expect(found("true") == [".ok"])
        #expect(found("null") == [".none"])
        #expect(found("absent").isEmpty)
    }

    @Test func aTenMegabytePayloadOpensFoldedToAFewRows() throws {
        let items = (0..<40_000).map { #"{"id":\#($0),"title":"Item \#($0) with some text to weigh it","tags":["a","b","c"],"body":"\#(String(repeating: "x", count: 180))"}"# }
        let json = #"{"items":["# + items.joined(separator: ",") + "]}"
        #expect(json.utf8.count > 10_000_000)
        var tree = try tree(json)
        #expect(tree.nodes.count > 300_000)
        #expect(tree.visible.count <= JSONTree.comfortableRows)
        #expect(tree.line(1).plainText.contains("40000 items"))
        tree.setFolded(1, false)
        #expect(tree.visible.count == 40_002)
    }
}

@Suite struct TextSearchTests {
    @Test func asciiQueriesIgnoreCaseByteByByte() {
        #expect(TextSearch("TiTlE").matches("the title here"))
        #expect(TextSearch("aab").matches("aaab"))
        #expect(!TextSearch("abc").matches("ab"))
        #expect(!TextSearch("x").matches(""))
        #expect(TextSearch("ok").matches("日本 OK"))
    }

    @Test func otherQueriesGoThroughUnicodeCaseFolding() {
        #expect(TextSearch("CAFÉ").matches("un café"))
        #expect(TextSearch("日本").matches("こんにちは日本"))
        #expect(!TextSearch("é").matches("e"))
    }
}

/// The address line's layout: what goes first, what is cut, and that a cut is marked.
@Suite struct FittedLineTests {
    let parts: [FittedLine.Part] = [
        .init(StyledText("/external"), shrinks: true),
        .init(StyledText("client transition"), priority: 2),
        .init(StyledText("leaves the site for https://nextjs.org/docs/pages/building-your-application"), shrinks: true, priority: 3),
        .init(StyledText("0.84 ms"), priority: 1),
        .init(StyledText("GET /_next/data/b/external.json"), priority: 5),
    ]

    @Test func everythingWhenItFits() {
        #expect(FittedLine.fit(parts, width: 200).plainText
            == "/external  client transition  leaves the site for https://nextjs.org/docs/pages/building-your-application  0.84 ms  GET /_next/data/b/external.json")
    }

    @Test func theLeastImportantGoesBeforeAMoreImportantPartIsCut() {
        let line = FittedLine.fit(parts, width: 120).plainText
        #expect(line == "/external  client transition  leaves the site for https://nextjs.org/docs/pages/building-your-application  0.84 ms")
        let narrow = FittedLine.fit(parts, width: 60).plainText
        #expect(narrow == "/external  client transition  leaves the site for …  0.84 ms")
        #expect(DisplayWidth.of(narrow) <= 60)
    }

    @Test func tooNarrowForEvenTheShortestCutsTheLastPartWithAMark() {
        let line = FittedLine.fit(parts, width: 8).plainText
        #expect(line == "/extern…")
    }
}


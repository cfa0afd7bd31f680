import Browser
import SSR
import Testing

@Suite struct PresentationTests {
    @Test func prettyJSONMatchesJSONStringifyWithTwoSpaces() {
        // node -e 'console.log(JSON.stringify({a:[1,{b:null}],c:{},d:[],e:"x\"y"},null,2))'
        let value: JSONValue = ["a": [1, ["b": nil]], "c": [:], "d": [], "e": "x\"y"]
        #expect(PrettyJSON.format(value) == """
            {
              "a": [
                1,
                {
                  "b": null
                }
              ],
              "c": {},
              "d": [],
              "e": "x\\"y"
            }
            """)
    }

    @Test func controlCharactersNeverReachTheTerminal() {
        #expect(TerminalText.escaped("a\u{1B}[2Jb\u{7}c\u{9B}d") == "a\\u001b[2Jb\\u0007c\\u009bd")
        #expect(TerminalText.escaped("line\n\tkept 你好 👋🏽") == "line\n\tkept 你好 👋🏽")
        #expect(TerminalText.escaped("before\u{2028}after \u{202E}evil") == "before\\u2028after \\u202eevil")
    }

    @Test func timingBarsStayInBounds() {
        #expect(TimingBar.bar(3, of: 4, width: 8) == "██████")
        #expect(TimingBar.bar(1, of: 16, width: 8) == "▌")
        #expect(TimingBar.bar(4, of: 4, width: 8) == String(repeating: "█", count: 8))
        #expect(TimingBar.bar(1e308, of: 4, width: 8) == String(repeating: "█", count: 8))
        #expect(TimingBar.bar(-5, of: 4, width: 8) == "")
        #expect(TimingBar.bar(1, of: 0, width: 8) == "")
        #expect(TimingBar.bar(.nan, of: 4, width: 8) == "")
    }

    @Test func serverTimingIsParsedLeniently() {
        let phases = Timing.parseServerTiming(#"gssp;dur=1.5, render;desc="HTML";dur=0.25, cache;desc=hit, bad;dur=abc, ;dur=1"#)
        #expect(phases == [
            Timing.Phase(name: "gssp", milliseconds: 1.5, source: .server),
            Timing.Phase(name: "render", milliseconds: 0.25, source: .server),
        ])
    }

    @Test func documentPartsFindNextDataAndTheAppHTML() {
        let html = #"<!DOCTYPE html><html><body><div id="__next"><p>hi</p><div>x</div></div><script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"a":1}},"page":"/"}</script></body></html>"#
        let parts = DocumentParts(html: Array(html.utf8))
        #expect(parts.nextData?["page"] == "/")
        #expect(parts.appHTML == "<p>hi</p><div>x</div>")
        let none = DocumentParts(html: Array("<html>plain</html>".utf8))
        #expect(none.nextData == nil)
        #expect(none.problem?.contains("not a Next.js pages document") == true)
        let broken = DocumentParts(html: Array(#"<script id="__NEXT_DATA__" type="application/json">{"a":</script>"#.utf8))
        #expect(broken.problem?.hasPrefix("__NEXT_DATA__ is not valid JSON") == true)
    }
}

import Browser
import SSR
import Testing

/// What the browser reads from a response: `Server-Timing`, and the parts of a Next.js document.
@Suite struct ResponseReadingTests {
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
        // Next.js with a CSP nonce configured, or any attribute order: still the same script.
        let nonce = #"<div id="__next"><p>hi</p></div><SCRIPT nonce="abc+/=" id='__NEXT_DATA__' type="application/json" crossorigin>{"page":"/n"}</script>"#
        let withNonce = DocumentParts(html: Array(nonce.utf8))
        #expect(withNonce.nextData?["page"] == "/n")
        #expect(withNonce.appHTML == "<p>hi</p>")
        let decoy = #"<script>var s = "<script id=__NEXT_DATA__>"</script><script id="other">{}</script><script id="__NEXT_DATA__" type="application/json">{"page":"/d"}</script>"#
        #expect(DocumentParts(html: Array(decoy.utf8)).nextData?["page"] == "/d")
        let broken = DocumentParts(html: Array(#"<script id="__NEXT_DATA__" type="application/json">{"a":</script>"#.utf8))
        #expect(broken.problem?.hasPrefix("__NEXT_DATA__ is not valid JSON") == true)
    }
}

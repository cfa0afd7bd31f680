import SSR
import Testing

@Suite struct MarkupTests: HTMLScope {
    @Test func textAndAttributesAreEscapedByDefault() {
        let name = "\"><script>alert('x')</script>&"
        let html = HTML {
            a(.href("/u?n=\(name)"), .class("x")) { name }
        }
        #expect(html.string == "<a href=\"/u?n=&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;\" class=\"x\">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</a>")
    }

    @Test func controlFlowAndListsRenderInOrder() {
        let items = ["a", "b"]
        let show = false
        let html = HTML {
            ul { ForEach(items) { item in li { item } } }
            if show { p { "hidden" } } else { p { "shown" } }
            for n in 1...2 { n }
            br()
            UnsafeRawHTML("<!-- raw -->")
        }
        #expect(html.string == "<ul><li>a</li><li>b</li></ul><p>shown</p>12<br/><!-- raw -->")  // void elements as React writes them
    }
}

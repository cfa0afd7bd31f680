import Browser
import Testing

/// The HTML compared line by line, as `diff -u` shows it.
@Suite struct LineDiffTests {
    @Test func changedLinesWithTheirContext() {
        let a = ["<main>", "<h1>A</h1>", "<p>1</p>", "<p>2</p>", "<p>3</p>", "<p>4</p>", "<p>5</p>", "<p>6</p>", "</main>"]
        var b = a
        b[1] = "<h1>B</h1>"
        b.insert("<p>new</p>", at: 8)
        #expect(LineDiff(a, b).text == [
            "  <main>", "- <h1>A</h1>", "+ <h1>B</h1>", "  <p>1</p>", "  <p>2</p>",
            "… 2 unchanged lines",
            "  <p>5</p>", "  <p>6</p>", "+ <p>new</p>", "  </main>",
        ])
        #expect(LineDiff(a, a).isEmpty)
        #expect(LineDiff([], ["x"]).text == ["+ x"])
    }

    /// Two long documents that share nothing in the middle cost a read, not a table of 30,000².
    @Test func largeUnrelatedMiddlesAreReplacedWhole() {
        let a = ["<html>"] + (0..<30_000).map { "<li>a\($0)</li>" } + ["</html>"]
        let b = ["<html>"] + (0..<30_000).map { "<li>b\($0)</li>" } + ["</html>"]
        let diff = LineDiff(a, b, context: 0)
        #expect(diff.lines.count == 60_002)
        #expect(diff.text.prefix(2) == ["… 1 unchanged line", "- <li>a0</li>"])
        #expect(diff.text.suffix(2) == ["+ <li>b29999</li>", "… 1 unchanged line"])
    }
}

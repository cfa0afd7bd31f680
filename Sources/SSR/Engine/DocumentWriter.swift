/// Assembles the HTML document: `<!DOCTYPE html>`, the head (charset, viewport, the shell's and
/// the page's elements), the page inside `<div id="__next">` through the shell, then the
/// `__NEXT_DATA__` script.
struct DocumentWriter {
    let shell: any DocumentShell

    /// Returns the document and the plain length of its `__NEXT_DATA__` JSON.
    func write(
        lang: String?, pageHead: HTMLOutput, pageBody: HTML, nextData: NextData, capacity: Int
    ) throws(SerializationError) -> (bytes: [UInt8], nextDataLength: Int) {
        var html = HTMLOutput(capacity: capacity)
        html.raw("<!DOCTYPE html><html")
        if let lang {
            html.raw(" lang=\"")
            html.text(lang)
            html.raw("\"")
        }
        html.raw("><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
        shell.head().render(into: &html)
        html.bytes.append(contentsOf: pageHead.bytes)
        html.raw("</head><body><div id=\"__next\">")
        shell.body(pageBody).render(into: &html)
        html.raw("</div><script id=\"__NEXT_DATA__\" type=\"application/json\">")
        let length = try nextData.write(into: &html.bytes)
        html.raw("</script></body></html>")
        return (html.bytes, length)
    }
}

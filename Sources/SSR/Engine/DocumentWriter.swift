/// Assembles the HTML document as Next.js's `_document` does: `<!DOCTYPE html>`, the head
/// (charset and viewport, then the page's elements, each marked `data-next-head` as `next/head`
/// marks them, then the shell's), the page inside `<div id="__next">` through the shell, then
/// the `__NEXT_DATA__` script.
struct DocumentWriter {
    let shell: any DocumentShell

    struct Output {
        var bytes: [UInt8]
        /// The length `JSON.stringify(__NEXT_DATA__)` would have (for the large-page warning).
        var nextDataLength: Int
        /// Where `pageProps`' JSON starts in `bytes`.
        var pagePropsOffset: Int
    }

    func write(
        lang: String?, pageHead: (inout HTMLOutput) -> Void, pageBody: PageBody, nextData: NextData, nonce: String? = nil
    ) throws(SerializationError) -> Output {
        var html = HTMLOutput(capacity: 4096)
        html.raw("<!DOCTYPE html><html")
        if let lang { Attribute.lang(lang).render(into: &html) }
        html.raw(
            "><head><meta charSet=\"utf-8\" data-next-head=\"\"/><meta name=\"viewport\" content=\"width=device-width\" data-next-head=\"\"/>")
        html.marksHeadElements = true
        pageHead(&html)
        html.marksHeadElements = false
        shell.writeHead(into: &html)
        html.raw("</head><body><div id=\"__next\">")
        shell.write(pageBody, into: &html)
        html.raw("</div><script id=\"__NEXT_DATA__\" type=\"application/json\"")
        if let nonce { Attribute.attr("nonce", nonce).render(into: &html) }
        html.raw(">")
        let written = try nextData.write(into: &html.bytes)
        html.raw("</script></body></html>")
        return Output(bytes: html.bytes, nextDataLength: written.length, pagePropsOffset: written.pagePropsOffset)
    }
}

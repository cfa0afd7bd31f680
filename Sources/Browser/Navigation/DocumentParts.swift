import SSR

/// What a client reads from a Next.js HTML document: the `__NEXT_DATA__` JSON and the server's
/// HTML inside `<div id="__next">` (what React hydrates).
public struct DocumentParts: Sendable {
    /// `__NEXT_DATA__` parsed, `nil` when the document has none or it is not JSON.
    public let nextData: JSONValue?
    /// Why `nextData` is `nil`, in words.
    public let problem: String?
    /// The markup inside `<div id="__next">`, when the document has the usual shape
    /// (`<div id="__next">…</div><script id="__NEXT_DATA__"`).
    public let appHTML: String?

    private static let appOpen = Array(#"<div id="__next">"#.utf8)
    private static let appClose = Array("</div>".utf8)

    public init(html: [UInt8]) {
        guard let script = DocumentParts.nextDataScript(in: html) else {
            nextData = nil
            problem = "the document has no <script id=\"__NEXT_DATA__\">: not a Next.js pages document"
            appHTML = nil
            return
        }
        let tagStart = script.tag, jsonStart = script.content
        let jsonEnd = jsonStart + (DocumentParts.nextDataBytes(in: html) ?? 0)
        do {
            nextData = try JSONValue(parsing: html[jsonStart..<jsonEnd])
            problem = nil
        } catch {
            nextData = nil
            problem = "__NEXT_DATA__ is not valid JSON: \(error)"
        }
        if let app = html[..<tagStart].firstRange(of: DocumentParts.appOpen),
            tagStart - app.upperBound >= DocumentParts.appClose.count,
            Array(html[(tagStart - DocumentParts.appClose.count)..<tagStart]) == DocumentParts.appClose
        {
            appHTML = String(decoding: html[app.upperBound..<(tagStart - DocumentParts.appClose.count)], as: UTF8.self)
        } else {
            appHTML = nil
        }
    }

    /// Bytes of the `__NEXT_DATA__` script's JSON in a document; `nil` when it has none.
    public static func nextDataBytes(in html: [UInt8]) -> Int? {
        guard let script = nextDataScript(in: html) else { return nil }
        let end = HTMLScan.find("</script", in: html, from: script.content).map { $0 - "</script".utf8.count } ?? html.endIndex
        return end - script.content
    }

    /// Where the document's Next.js files are served from: what comes before `/_next/static/`
    /// in its first script's `src` (Next.js writes `basePath` or `assetPrefix` there):
    /// `""`, `/docs`, `https://cdn.example.com`. `nil` when no script names one.
    public static func assetBase(in html: [UInt8]) -> String? {
        var base: String?
        scripts(in: html) { attributes, _, _ in
            guard let source = HTMLScan.attribute("src", in: attributes), let marker = source.range(of: "/_next/static/") else { return true }
            base = String(source[..<marker.lowerBound])
            return false
        }
        return base
    }

    /// The deployment a Next.js 16 document names (`<html data-dpl-id="…">`), `nil` when none.
    static func deploymentId(in html: [UInt8]) -> String? {
        guard let open = HTMLScan.find("<html", in: html, from: 0), let end = html[open...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
        return HTMLScan.attribute("data-dpl-id", in: Substring(String(decoding: html[open..<end], as: UTF8.self))).map(HTMLEntities.decode)
    }

    /// The `src` of each `<script>` of the document, in order.
    static func scriptSources(in html: [UInt8]) -> [String] {
        var sources: [String] = []
        scripts(in: html) { attributes, _, _ in
            if let source = HTMLScan.attribute("src", in: attributes) { sources.append(HTMLEntities.decode(source)) }
            return true
        }
        return sources
    }

    /// The first `<script>` whose `id` is `__NEXT_DATA__`, whatever its other attributes (the
    /// `nonce` Next.js writes when a CSP nonce is configured, `crossorigin`) and their order:
    /// where its tag starts and where its content starts.
    static func nextDataScript(in html: [UInt8]) -> (tag: Int, content: Int)? {
        var found: (tag: Int, content: Int)?
        scripts(in: html) { attributes, tag, content in
            guard HTMLScan.attribute("id", in: attributes) == "__NEXT_DATA__" else { return true }
            found = (tag, content)
            return false
        }
        return found
    }

    /// Each `<script>` start tag in order, as a browser's tokenizer meets them (a script's text
    /// is script data, not tags, up to its end tag): its attributes, where the tag starts and
    /// where its content starts. `body` returns `false` to stop.
    private static func scripts(in html: [UInt8], _ body: (_ attributes: Substring, _ tag: Int, _ content: Int) -> Bool) {
        var from = 0
        while let afterName = HTMLScan.find("<script", in: html, from: from) {
            let nameStart = afterName - "script".utf8.count
            guard HTMLScan.startsTag("script", html, at: nameStart), let tagEnd = html[afterName...].firstIndex(of: UInt8(ascii: ">")) else {
                from = afterName
                continue
            }
            let attributes = Substring(String(decoding: html[afterName..<tagEnd], as: UTF8.self))
            guard body(attributes, nameStart - 1, tagEnd + 1), let end = HTMLScan.find("</script", in: html, from: tagEnd + 1) else { return }
            from = end
        }
    }
}

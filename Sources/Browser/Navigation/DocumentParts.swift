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
        let jsonEnd = HTMLScan.find("</script", in: html, from: jsonStart).map { $0 - "</script".utf8.count } ?? html.endIndex
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

    /// Where the document's Next.js files are served from: what comes before `/_next/static/`
    /// in its first script's `src` (Next.js writes `basePath` or `assetPrefix` there):
    /// `""`, `/docs`, `https://cdn.example.com`. `nil` when no script names one.
    public static func assetBase(in html: [UInt8]) -> String? {
        var from = 0
        while let afterName = HTMLScan.find("<script", in: html, from: from) {
            from = afterName
            guard HTMLScan.startsTag("script", html, at: afterName - "script".utf8.count),
                let tagEnd = html[afterName...].firstIndex(of: UInt8(ascii: ">"))
            else { continue }
            let attributes = Substring(String(decoding: html[afterName..<tagEnd], as: UTF8.self))
            if let source = HTMLScan.attribute("src", in: attributes), let marker = source.range(of: "/_next/static/") {
                return String(source[..<marker.lowerBound])
            }
        }
        return nil
    }

    /// The first `<script>` whose `id` is `__NEXT_DATA__`, whatever its other attributes (the
    /// `nonce` Next.js writes when a CSP nonce is configured, `crossorigin`) and their order:
    /// where its tag starts and where its content starts.
    static func nextDataScript(in html: [UInt8]) -> (tag: Int, content: Int)? {
        var from = 0
        while let afterName = HTMLScan.find("<script", in: html, from: from) {
            let nameStart = afterName - "script".utf8.count
            guard HTMLScan.startsTag("script", html, at: nameStart), let tagEnd = html[afterName...].firstIndex(of: UInt8(ascii: ">")) else {
                from = afterName
                continue
            }
            let attributes = Substring(String(decoding: html[afterName..<tagEnd], as: UTF8.self))
            if HTMLScan.attribute("id", in: attributes) == "__NEXT_DATA__" { return (nameStart - 1, tagEnd + 1) }
            // Another script: its text is script data, not tags, up to its end tag.
            guard let end = HTMLScan.find("</script", in: html, from: tagEnd + 1) else { return nil }
            from = end
        }
        return nil
    }
}

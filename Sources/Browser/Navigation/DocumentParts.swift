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

    private static let scriptOpen = Array(#"<script id="__NEXT_DATA__" type="application/json">"#.utf8)
    private static let scriptClose = Array("</script>".utf8)
    private static let appOpen = Array(#"<div id="__next">"#.utf8)
    private static let appClose = Array("</div>".utf8)

    public init(html: [UInt8]) {
        guard let open = html.firstRange(of: DocumentParts.scriptOpen) else {
            nextData = nil
            problem = "the document has no <script id=\"__NEXT_DATA__\">: not a Next.js pages document"
            appHTML = nil
            return
        }
        let jsonStart = open.upperBound
        let jsonEnd = html[jsonStart...].firstRange(of: DocumentParts.scriptClose)?.lowerBound ?? html.endIndex
        do {
            nextData = try JSONValue(parsing: html[jsonStart..<jsonEnd])
            problem = nil
        } catch {
            nextData = nil
            problem = "__NEXT_DATA__ is not valid JSON: \(error)"
        }
        if let app = html[..<open.lowerBound].firstRange(of: DocumentParts.appOpen),
            open.lowerBound - app.upperBound >= DocumentParts.appClose.count,
            Array(html[(open.lowerBound - DocumentParts.appClose.count)..<open.lowerBound]) == DocumentParts.appClose
        {
            appHTML = String(decoding: html[app.upperBound..<(open.lowerBound - DocumentParts.appClose.count)], as: UTF8.self)
        } else {
            appHTML = nil
        }
    }
}

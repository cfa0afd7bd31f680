import Foundation
import GRDB
import SampleSite

/// The bytes the engine sends for the benchmark pages (`/hello`, `/posts/N`, `/archive`), made by
/// the plainest code there is: read the same rows, append bytes. No engine, no routing, no page
/// types, no `Codable`. `explorer bench --floor` runs it beside the engine, so that the engine's
/// cost is a ratio to this floor; a test checks the bytes are identical, so neither side can
/// drift into measuring something else.
///
/// ```swift
/// let html = try await BenchmarkFloor.body(.archive, data: false, buildId: engine.buildId)
/// ```
public enum BenchmarkFloor {
    public enum Workload: Sendable, Equatable {
        case hello
        case post(Int)
        case archive
    }

    /// The workload a bench path names, or nil for any other path.
    public static func workload(for path: String) -> Workload? {
        switch path {
        case "/hello": return .hello
        case "/archive": return .archive
        default:
            guard path.hasPrefix("/posts/"), let id = Int(path.dropFirst(7)), id > 0, "/posts/\(id)" == path else { return nil }
            return .post(id)
        }
    }

    /// The document (`data: false`) or the data response's JSON; nil for a post that does not exist.
    public static func body(_ workload: Workload, data: Bool, buildId: String) async throws -> [UInt8]? {
        switch workload {
        case .hello:
            var out = Writer(capacity: 2048)
            if data {
                out.raw(#"{"pageProps":{"message":"Hello, world"},"__N_SSP":true}"#)
                return out.bytes
            }
            out.documentStart(title: nil)
            out.raw("<h1>Hello, world</h1>")
            out.documentEnd()
            out.raw(#"{"props":{"pageProps":{"message":"Hello, world"},"__N_SSP":true},"page":"/hello","query":{},"buildId":""#)
            out.raw(buildId)
            out.raw(#"","isFallback":false,"isExperimentalCompile":false,"gssp":true,"scriptLoader":[]}</script></body></html>"#)
            return out.bytes
        case .post(let id):
            return try SampleDatabase.shared().read { db in try post(id, db: db, data: data, buildId: buildId) }
        case .archive:
            return try SampleDatabase.shared().read { db in try archive(db: db, data: data, buildId: buildId) }
        }
    }

    private static func post(_ id: Int, db: Database, data: Bool, buildId: String) throws -> [UInt8]? {
        guard let row = try Row.fetchOne(
            db.cachedStatement(sql: """
                SELECT posts.title, posts.body, posts.published_at, authors.name
                FROM posts JOIN authors ON authors.id = posts.author_id WHERE posts.id = ?
                """),
            arguments: [id])
        else { return nil }
        let title: String = row[0], body: String = row[1], seconds: Int = row[2], author: String = row[3]
        let tags = try String.fetchAll(
            db.cachedStatement(
                sql: "SELECT tags.name FROM post_tags JOIN tags ON tags.id = post_tags.tag_id WHERE post_tags.post_id = ? ORDER BY tags.name"),
            arguments: [id])
        var time = tm()
        var t = time_t(seconds)
        gmtime_r(&t, &time)
        let day = String(format: "%04d-%02d-%02d", Int(time.tm_year) + 1900, Int(time.tm_mon) + 1, Int(time.tm_mday))
        let timestamp = day + String(format: "T%02d:%02d:%02d.000Z", Int(time.tm_hour), Int(time.tm_min), Int(time.tm_sec))

        var json = Writer(capacity: 1024)
        json.raw(#"{"id":"#)
        json.raw(String(id))
        json.raw(#","title":"#)
        json.string(title, scriptSafe: !data)
        json.raw(#","body":"#)
        json.string(body, scriptSafe: !data)
        json.raw(#","author":"#)
        json.string(author, scriptSafe: !data)
        json.raw(#","publishedAt":""#)
        json.raw(timestamp)
        json.raw(#"","tags":["#)
        for (i, tag) in tags.enumerated() {
            if i > 0 { json.raw(",") }
            json.string(tag, scriptSafe: !data)
        }
        json.raw("]}")
        if data { return wrapData(json.bytes) }

        var out = Writer(capacity: 4096)
        out.documentStart(title: title + " · The Swift Gazette")
        out.raw("<article><h1>")
        out.text(title)
        out.raw(#"</h1><p class="muted">By "#)
        out.text(author)
        out.raw(#", <time datetime=""#)
        out.raw(day)
        out.raw(#"">"#)
        out.raw(day)
        out.raw("</time></p><p>")
        out.text(body)
        out.raw("</p><p>Tags: ")
        out.text(tags.joined(separator: ", "))
        out.raw("</p></article><nav>")
        if id > 1 { out.raw(#"<a href="/posts/\#(id - 1)">← Previous</a> "#) }
        out.raw(#"<a href="/posts/\#(id + 1)">Next →</a></nav>"#)
        out.documentEnd()
        out.raw(#"{"props":{"pageProps":"#)
        out.bytes += json.bytes
        out.raw(#","__N_SSP":true},"page":"/posts/[id]","query":{"id":""#)
        out.raw(String(id))
        out.raw(#""},"buildId":""#)
        out.raw(buildId)
        out.raw(#"","isFallback":false,"isExperimentalCompile":false,"gssp":true,"scriptLoader":[]}</script></body></html>"#)
        return out.bytes
    }

    private static func archive(db: Database, data: Bool, buildId: String) throws -> [UInt8] {
        var json = Writer(capacity: 1 << 20)
        var list = Writer(capacity: data ? 0 : 1 << 20)
        json.raw(#"{"posts":["#)
        var count = 0
        let rows = try Row.fetchCursor(db.cachedStatement(sql: "SELECT id, title FROM posts ORDER BY id"))
        while let row = try rows.next() {
            let id: Int = row[0]
            let title: String = row[1]
            if count > 0 { json.raw(",") }
            count += 1
            json.raw(#"{"id":"#)
            json.raw(String(id))
            json.raw(#","title":"#)
            json.string(title, scriptSafe: !data)
            json.raw(#","link":"/posts/"#)
            json.raw(String(id))
            json.raw(#""}"#)
            if !data {
                list.raw(#"<li><a href="/posts/"#)
                list.raw(String(id))
                list.raw(#"">"#)
                list.text(title)
                list.raw("</a></li>")
            }
        }
        json.raw("]}")
        if data { return wrapData(json.bytes) }

        var out = Writer(capacity: list.bytes.count + json.bytes.count + 2048)
        out.documentStart(title: "Archive · The Swift Gazette")
        out.raw(#"<h1>Archive</h1><p class="muted">\#(count) posts</p><ul>"#)
        out.bytes += list.bytes
        out.raw("</ul>")
        out.documentEnd()
        out.raw(#"{"props":{"pageProps":"#)
        out.bytes += json.bytes
        out.raw(#","__N_SSP":true},"page":"/archive","query":{},"buildId":""#)
        out.raw(buildId)
        out.raw(#"","isFallback":false,"isExperimentalCompile":false,"gssp":true,"scriptLoader":[]}</script></body></html>"#)
        return out.bytes
    }

    private static func wrapData(_ pageProps: [UInt8]) -> [UInt8] {
        var out = Writer(capacity: pageProps.count + 32)
        out.raw(#"{"pageProps":"#)
        out.bytes += pageProps
        out.raw(#","__N_SSP":true}"#)
        return out.bytes
    }

    /// A byte buffer with the two escapings the pages need.
    private struct Writer {
        var bytes: [UInt8] = []

        init(capacity: Int) { bytes.reserveCapacity(capacity) }

        mutating func raw(_ s: String) { bytes += s.utf8 }

        /// The shell up to the page's content, then after it up to the `__NEXT_DATA__` JSON.
        mutating func documentStart(title: String?) {
            raw(#"<!DOCTYPE html><html><head><meta charSet="utf-8" data-next-head=""/><meta name="viewport" content="width=device-width" data-next-head=""/>"#)
            if let title {
                raw(#"<title data-next-head="">"#)
                text(title)
                raw("</title>")
            }
            raw(#"<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:0 auto;padding:0 1rem;line-height:1.5}header nav a{margin-right:1rem}footer{margin-top:3rem;color:#666;font-size:.875rem}.muted{color:#666}</style></head><body><div id="__next"><header><nav><a href="/">Home</a><a href="/archive">Archive</a><a href="/docs">Docs</a><a href="/guestbook">Guestbook</a><a href="/dashboard">Dashboard</a><a href="/about">About</a></nav></header><main>"#)
        }

        mutating func documentEnd() {
            raw(#"</main><footer>Server-rendered by the Swift SSR engine. Explore it with swift run explorer.</footer></div><script id="__NEXT_DATA__" type="application/json">"#)
        }

        mutating func text(_ s: String) {
            for b in s.utf8 {
                switch b {
                case UInt8(ascii: "&"): raw("&amp;")
                case UInt8(ascii: "<"): raw("&lt;")
                case UInt8(ascii: ">"): raw("&gt;")
                case UInt8(ascii: "\""): raw("&quot;")
                case UInt8(ascii: "'"): raw("&#39;")
                default: bytes.append(b)
                }
            }
        }

        /// A JSON string as `JSON.stringify` writes it; `scriptSafe` adds Next.js's escaping for
        /// JSON inside `<script>`.
        mutating func string(_ s: String, scriptSafe: Bool) {
            bytes.append(UInt8(ascii: "\""))
            var s = s
            s.withUTF8 { utf8 in
                var i = 0
                while i < utf8.count {
                    let b = utf8[i]
                    i += 1
                    switch b {
                    case UInt8(ascii: "\""): raw("\\\"")
                    case UInt8(ascii: "\\"): raw("\\\\")
                    case UInt8(ascii: "\n"): raw("\\n")
                    case UInt8(ascii: "\r"): raw("\\r")
                    case UInt8(ascii: "\t"): raw("\\t")
                    case 0x08: raw("\\b")
                    case 0x0C: raw("\\f")
                    case 0..<0x20: raw(String(format: "\\u%04x", b))
                    case UInt8(ascii: "<") where scriptSafe: raw("\\u003c")
                    case UInt8(ascii: ">") where scriptSafe: raw("\\u003e")
                    case UInt8(ascii: "&") where scriptSafe: raw("\\u0026")
                    // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                    case 0xE2 where scriptSafe && i + 1 < utf8.count && utf8[i] == 0x80 && (utf8[i + 1] == 0xA8 || utf8[i + 1] == 0xA9):
                        raw(utf8[i + 1] == 0xA8 ? "\\u2028" : "\\u2029")
                        i += 2
                    default: bytes.append(b)
                    }
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }
}

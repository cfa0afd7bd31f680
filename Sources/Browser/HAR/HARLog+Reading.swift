import CompressNIO
import Foundation
import HTTPTypes
import NIOCore
import SSR

extension HARLog {
    /// Reads `path`: HAR JSON, gzipped or not (known by its first bytes, whatever the name).
    public init(contentsOf path: String) throws(HARError) {
        guard FileManager.default.fileExists(atPath: path) else { throw HARError("\(path): no such file") }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw HARError("cannot read \(path): \((error as NSError).localizedDescription)")
        }
        try self.init(bytes: Array(data), name: path)
    }

    public init(bytes: [UInt8], name: String = "the file") throws(HARError) {
        try self.init(json: try HARLog.json(bytes: bytes, name: name), name: name)
    }

    /// A HAR file's JSON, gunzipped first when it is gzipped: for its custom fields (`_…`).
    package static func json(bytes: [UInt8], name: String = "the file") throws(HARError) -> JSONValue {
        var bytes = bytes
        if bytes.starts(with: [0x1F, 0x8B]) {
            var buffer = ByteBuffer(bytes: bytes)
            do { bytes = Array(buffer: try buffer.decompress(with: .gzip())) } catch {
                throw HARError("\(name) is gzipped but does not decompress: \(error)")
            }
        }
        do { return try JSONValue(parsing: bytes) } catch {
            throw HARError("\(name) is not JSON: \(error)")
        }
    }

    package init(json: JSONValue, name: String) throws(HARError) {
        guard let log = json["log"], log.objectValue != nil else { throw HARError("\(name) is not a HAR file: it has no \"log\" object") }
        guard let entries = log["entries"]?.arrayValue else { throw HARError("\(name) is not a HAR file: log.entries is not an array") }
        creator = [log["creator"]?["name"]?.stringValue, log["creator"]?["version"]?.stringValue].compactMap { $0 }.joined(separator: " ")
        browser = log["browser"].flatMap { browser in
            [browser["name"]?.stringValue, browser["version"]?.stringValue].compactMap { $0 }.joined(separator: " ")
        }
        pages = try (log["pages"]?.arrayValue ?? []).enumerated().map { (index, page) throws(HARError) in
            let at = "\(name): log.pages[\(index)]"
            return Page(
                id: try HARLog.string(page["id"], at + ".id"), title: page["title"]?.stringValue ?? "",
                started: try HARLog.date(page["startedDateTime"], at + ".startedDateTime"), explorer: page["_explorer"])
        }
        self.entries = try entries.enumerated().map { (index, entry) throws(HARError) in
            do throws(HARError) { return try HARLog.entry(entry, at: "log.entries[\(index)]") } catch {
                throw HARError("\(name): \(error.message)")
            }
        }
    }

    private static func entry(_ entry: JSONValue, at place: String) throws(HARError) -> Entry {
        guard let request = entry["request"], let response = entry["response"] else { throw HARError("\(place) has no request or response") }
        let url = try string(request["url"], place + ".request.url")
        let method = try string(request["method"], place + ".request.method")
        guard let (scheme, authority, path) = HARLog.split(url) else {
            throw HARError("\(place).request.url is not an absolute URL: \(url)")
        }
        let httpRequest = HTTPRequest(
            method: HTTPRequest.Method(method) ?? .get, scheme: scheme, authority: authority, path: path, headerFields: fields(request["headers"]))
        let started = try date(entry["startedDateTime"], place + ".startedDateTime")
        let explorer = entry["_explorer"]
        var result = Entry(
            pageref: entry["pageref"]?.stringValue, started: started, url: url, fetch: nil, request: httpRequest, failure: nil,
            resourceType: entry["_resourceType"]?.stringValue, bodyMissing: false, explorer: explorer)
        result.fromCache = response["_transferSize"]?.doubleValue == 0 || entry["_fromCache"]?.stringValue != nil
        let status = Int(response["status"]?.doubleValue ?? -1)
        guard (100...999).contains(status) else {
            result.failure = response["_failureText"]?.stringValue ?? entry["_error"]?.stringValue ?? "no answer (status \(status))"
            return result
        }
        let content = response["content"]
        var body: [UInt8] = []
        if let text = content?["text"]?.stringValue {
            if content?["encoding"]?.stringValue == "base64" {
                guard let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters) else {
                    throw HARError("\(place).response.content.text is not valid base64")
                }
                body = Array(data)
            } else {
                body = Array(text.utf8)
            }
        } else if (content?["size"]?.doubleValue ?? 0) > 0 || (response["bodySize"]?.doubleValue ?? 0) > 0 {
            // A browser leaves a body out (a page that navigated away before it was read).
            result.bodyMissing = true
        }
        let responseFields = fields(response["headers"])
        let time = entry["time"]?.doubleValue ?? 0
        var timing = Timing(total: .milliseconds(0), serverTimingOf: responseFields)
        timing.totalMilliseconds = max(0, time)
        if explorer?["inProcess"] != .bool(true), let timings = entry["timings"] {
            // HAR's phases, as the explorer names its own: `connect` (with TLS), time to first
            // byte (`send` + `wait`), download (`receive`).
            func phase(_ key: String) -> Double? { timings[key]?.doubleValue.flatMap { $0 >= 0 ? $0 : nil } }
            var client: [Timing.Phase] = []
            if let connect = phase("connect") { client.append(.init(name: "connect", milliseconds: connect, source: .client)) }
            if let wait = phase("wait") { client.append(.init(name: "ttfb", milliseconds: wait + (phase("send") ?? 0), source: .client)) }
            if let receive = phase("receive") { client.append(.init(name: "download", milliseconds: receive, source: .client)) }
            timing.phases.insert(contentsOf: client, at: 0)
        }
        let reason = response["statusText"]?.stringValue ?? ""
        result.fetch = Fetch(
            request: httpRequest,
            response: HTTPResponse(status: HTTPResponse.Status(code: status, reasonPhrase: reason), headerFields: responseFields),
            body: body, timing: timing, started: started)
        return result
    }

    /// Headers in order, repeats kept; HTTP/2's pseudo-headers (`:authority`) are not headers.
    /// `http://host:3000/a/b?x=1#f` → `http`, `host:3000`, `/a/b?x=1`: the request target as
    /// sent (no fragment), its bytes as written (a browser has escaped what it had to).
    package static func split(_ url: String) -> (scheme: String, authority: String, path: String)? {
        guard let separator = url.range(of: "://"), !url[..<separator.lowerBound].isEmpty else { return nil }
        let rest = url[separator.upperBound...]
        let end = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        guard end != rest.startIndex else { return nil }
        var path = String(rest[end...].prefix { $0 != "#" })
        if !path.hasPrefix("/") { path = "/" + path }
        return (String(url[..<separator.lowerBound]).lowercased(), String(rest[..<end]), path)
    }

    private static func fields(_ json: JSONValue?) -> HTTPFields {
        var fields = HTTPFields()
        for header in json?.arrayValue ?? [] {
            guard let name = header["name"]?.stringValue, !name.hasPrefix(":"), let fieldName = HTTPField.Name(name) else { continue }
            fields.append(HTTPField(name: fieldName, value: header["value"]?.stringValue ?? ""))
        }
        return fields
    }

    private static func string(_ json: JSONValue?, _ place: String) throws(HARError) -> String {
        guard let text = json?.stringValue else { throw HARError("\(place) is missing or not a string") }
        return text
    }

    private static func date(_ json: JSONValue?, _ place: String) throws(HARError) -> Date {
        let text = try string(json, place)
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = withFraction.date(from: text) ?? ISO8601DateFormatter().date(from: text) else {
            throw HARError("\(place) is not an ISO 8601 date: \(text)")
        }
        return date
    }
}

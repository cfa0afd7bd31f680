import CompressNIO
import Foundation
import HTTPTypes
import NIOCore
import SSR

/// A HAR 1.2 file (HTTP Archive, as browsers' network panels save them): the requests and
/// responses of a session, with their bodies and timing. The explorer writes one per session
/// and reads any, `.har` or gzipped.
///
/// Only what the explorer uses is kept as Swift values; a field of its own rides in the
/// `_explorer` custom fields HAR allows (names starting with `_`).
public struct HARLog: Sendable {
    public struct Page: Sendable {
        public var id: String
        public var title: String
        public var started: Date
        /// The explorer's record of the navigation this page stands for, when it wrote the file.
        public var explorer: JSONValue?
    }

    public struct Entry: Sendable {
        public var pageref: String?
        public var started: Date
        /// The absolute URL requested.
        public var url: String
        /// The request and its answer; `nil` when no answer came (`failure` says why).
        public var fetch: Fetch?
        public var request: HTTPRequest
        public var failure: String?
        /// `document`, `fetch`, `script`…, as Chromium's `_resourceType` says.
        public var resourceType: String?
        /// The response had a body the file does not hold (a browser drops some).
        public var bodyMissing: Bool
        /// The explorer's marks on an entry it wrote (`inProcess`, `serverDocument`).
        public var explorer: JSONValue?
    }

    public var creator: String
    public var browser: String?
    public var pages: [Page]
    public var entries: [Entry]

    public init(creator: String, browser: String? = nil, pages: [Page], entries: [Entry]) {
        self.creator = creator
        self.browser = browser
        self.pages = pages
        self.entries = entries
    }
}

/// A file that is not a HAR the explorer can read: what is wrong, and where.
public struct HARError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

// MARK: - Reading

extension HARLog {
    /// Reads `path`: HAR JSON, gzipped or not (known by its first bytes, whatever the name).
    public init(contentsOf path: String) throws(HARError) {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw HARError("cannot read \(path): \((error as NSError).localizedDescription)")
        }
        try self.init(bytes: Array(data), name: path)
    }

    public init(bytes: [UInt8], name: String = "the file") throws(HARError) {
        var bytes = bytes
        if bytes.starts(with: [0x1F, 0x8B]) {
            var buffer = ByteBuffer(bytes: bytes)
            do { bytes = Array(buffer: try buffer.decompress(with: .gzip())) } catch {
                throw HARError("\(name) is gzipped but does not decompress: \(error)")
            }
        }
        let json: JSONValue
        do { json = try JSONValue(parsing: bytes) } catch {
            throw HARError("\(name) is not JSON: \(error)")
        }
        try self.init(json: json, name: name)
    }

    init(json: JSONValue, name: String) throws(HARError) {
        guard let log = json["log"], log.objectValue != nil else { throw HARError("\(name) is not a HAR file: it has no \"log\" object") }
        guard let entries = log["entries"]?.arrayValue else { throw HARError("\(name) is not a HAR file: log.entries is not an array") }
        creator = [log["creator"]?["name"]?.stringValue, log["creator"]?["version"]?.stringValue].compactMap { $0 }.joined(separator: " ")
        browser = log["browser"].flatMap { browser in
            [browser["name"]?.stringValue, browser["version"]?.stringValue].compactMap { $0 }.joined(separator: " ")
        }
        pages = try (log["pages"]?.arrayValue ?? []).enumerated().map { (index, page) throws(HARError) in
            let at = "log.pages[\(index)]"
            return Page(
                id: try HARLog.string(page["id"], at + ".id"), title: page["title"]?.stringValue ?? "",
                started: try HARLog.date(page["startedDateTime"], at + ".startedDateTime"), explorer: page["_explorer"])
        }
        self.entries = try entries.enumerated().map { (index, entry) throws(HARError) in try HARLog.entry(entry, at: "log.entries[\(index)]") }
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
    static func split(_ url: String) -> (scheme: String, authority: String, path: String)? {
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

// MARK: - Writing

extension HARLog {
    /// The file's JSON, fields in the order HAR 1.2 lists them.
    public var json: JSONValue {
        var log: [JSONValue.Member] = [.init("version", "1.2"), .init("creator", ["name": .string(creator), "version": "1.0"])]
        if let browser { log.append(.init("browser", ["name": .string(browser), "version": ""])) }
        log.append(.init("pages", .array(pages.map { page in
            var members: [JSONValue.Member] = [
                .init("startedDateTime", .string(ISO8601.string(from: page.started))), .init("id", .string(page.id)),
                .init("title", .string(page.title)), .init("pageTimings", ["onContentLoad": -1, "onLoad": -1]),
            ]
            if let explorer = page.explorer { members.append(.init("_explorer", explorer)) }
            return .object(members)
        })))
        log.append(.init("entries", .array(entries.map(HARLog.json))))
        return ["log": .object(log)]
    }

    /// Writes the file: gzipped when `path` ends in `.gz`.
    public func write(to path: String) throws(HARError) {
        var bytes = Array(json.jsonText.utf8)
        if path.hasSuffix(".gz") {
            var buffer = ByteBuffer(bytes: bytes)
            do { bytes = Array(buffer: try buffer.compress(with: .gzip())) } catch { throw HARError("cannot gzip the HAR: \(error)") }
        }
        do { try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw HARError("cannot write \(path): \((error as NSError).localizedDescription)")
        }
    }

    private static func json(_ entry: Entry) -> JSONValue {
        let request = entry.request
        let query = request.path.flatMap { path in URLComponents(string: "http://h" + path)?.queryItems } ?? []
        let requestJSON: JSONValue = [
            "method": .string(request.method.rawValue), "url": .string(entry.url), "httpVersion": "HTTP/1.1",
            "cookies": .array(cookies(request.headerFields[values: .cookie].joined(separator: "; "))),
            "headers": headers(request.headerFields),
            "queryString": .array(query.map { ["name": .string($0.name), "value": .string($0.value ?? "")] }),
            "headersSize": -1, "bodySize": 0,
        ]
        var members: [JSONValue.Member] = []
        if let pageref = entry.pageref { members.append(.init("pageref", .string(pageref))) }
        guard let fetch = entry.fetch else {
            members += [
                .init("startedDateTime", .string(ISO8601.string(from: entry.started))), .init("time", 0), .init("request", requestJSON),
                .init("response", [
                    "status": 0, "statusText": "", "httpVersion": "", "cookies": [], "headers": [], "content": ["size": 0, "mimeType": "x-unknown"],
                    "redirectURL": "", "headersSize": -1, "bodySize": -1, "_failureText": .string(entry.failure ?? "no answer"),
                ]),
                .init("cache", [:]), .init("timings", ["send": -1, "wait": -1, "receive": -1]),
            ]
            if let explorer = entry.explorer { members.append(.init("_explorer", explorer)) }
            return .object(members)
        }
        let response = fetch.response
        var content: [JSONValue.Member] = [
            .init("size", .number(Double(fetch.body.count))),
            .init("mimeType", .string(response.headerFields[.contentType] ?? "x-unknown")),
        ]
        if let text = String(validating: fetch.body, as: UTF8.self) {
            content.append(.init("text", .string(text)))
        } else {
            content += [.init("text", .string(Data(fetch.body).base64EncodedString())), .init("encoding", "base64")]
        }
        // The body is held decoded: its size on the wire is known only when it was not encoded.
        let wireSize = response.headerFields[.contentEncoding] == nil ? Double(fetch.body.count) : -1
        let responseJSON: JSONValue = [
            "status": .number(Double(response.status.code)), "statusText": .string(response.status.reasonPhrase), "httpVersion": "HTTP/1.1",
            "cookies": .array(response.headerFields[values: .setCookie].flatMap { cookies($0.split(separator: ";").first.map(String.init) ?? "") }),
            "headers": headers(response.headerFields), "content": .object(content),
            "redirectURL": .string(response.headerFields[.location] ?? ""), "headersSize": -1, "bodySize": .number(wireSize),
        ]
        let phases = Dictionary(fetch.timing.phases.filter { $0.source == .client }.map { ($0.name, $0.milliseconds) }) { a, _ in a }
        let inProcess = entry.explorer?["inProcess"] == .bool(true)
        // In-process there is no network: the whole answer is the wait.
        let timings: JSONValue = [
            "blocked": -1, "dns": -1, "connect": .number(inProcess ? -1 : phases["connect"] ?? -1), "send": 0,
            "wait": .number(inProcess ? fetch.timing.totalMilliseconds : phases["ttfb"] ?? fetch.timing.totalMilliseconds),
            "receive": .number(inProcess ? 0 : phases["download"] ?? 0), "ssl": -1,
        ]
        members += [
            .init("startedDateTime", .string(ISO8601.string(from: entry.started))), .init("time", .number(fetch.timing.totalMilliseconds)),
            .init("request", requestJSON), .init("response", responseJSON), .init("cache", [:]), .init("timings", timings),
        ]
        if let explorer = entry.explorer { members.append(.init("_explorer", explorer)) }
        return .object(members)
    }

    private static func headers(_ fields: HTTPFields) -> JSONValue {
        .array(fields.map { ["name": .string($0.name.rawName), "value": .string($0.value)] })
    }

    /// `a=1; b=2` as HAR's cookie objects.
    private static func cookies(_ header: String) -> [JSONValue] {
        header.split(separator: ";").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard let name = parts.first?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { return nil }
            return ["name": .string(name), "value": .string(parts.count > 1 ? String(parts[1]) : "")]
        }
    }
}

import CompressNIO
import Foundation
import HTTPTypes
import NIOCore
import SSR

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

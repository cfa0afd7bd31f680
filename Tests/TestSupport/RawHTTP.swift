import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// HTTP/1.1 over a plain loopback socket, byte for byte: for requests a client library would
/// correct or refuse before sending (malformed percent-encoding, control bytes, unknown
/// methods), and for answers read as they came (chunked bodies decoded, nothing else undone).
public enum RawHTTP {
    /// An answer as the server sent it.
    public struct Answer: Sendable {
        /// `HTTP/1.1 200 OK`; empty when the server closed without answering.
        public var statusLine: String
        /// The status line and header lines, as text.
        public var head: String
        /// The header fields in order, names as sent.
        public var fields: [(name: String, value: String)]
        /// The body: de-chunked when `Transfer-Encoding: chunked`, else the bytes after the head.
        public var body: [UInt8]

        public init(statusLine: String, head: String, fields: [(name: String, value: String)], body: [UInt8]) {
            self.statusLine = statusLine
            self.head = head
            self.fields = fields
            self.body = body
        }

        public var status: Int { statusLine.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0 }

        /// Every value of `name` (any case), joined with `, ` as a single field would be.
        public subscript(_ name: String) -> String? {
            let values = fields.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
            return values.isEmpty ? nil : values.joined(separator: ", ")
        }
    }

    /// Sends `request` to 127.0.0.1:`port` and reads until the server closes the connection
    /// (send `Connection: close`), at most `timeout` seconds. On a thread of its own: a blocking
    /// read on one of the concurrency pool's two threads, while a server in the same process
    /// needs them, starves both.
    public static func exchange(_ request: [UInt8], port: Int, timeout: Int = 10) async throws -> Answer {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try exchangeBlocking(request, port: port, timeout: timeout) }) }.start()
        }
    }

    /// The same, blocking the calling thread: for callers already on a thread of their own.
    public static func exchangeBlocking(_ request: [UInt8], port: Int, timeout: Int = 10) throws -> Answer {
        parse(try roundTrip(request, port: port, timeout: timeout))
    }

    private static func roundTrip(_ request: [UInt8], port: Int, timeout: Int) throws -> [UInt8] {
        let fd = try Loopback.socket()
        defer { close(fd) }
        var time = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        #if canImport(Darwin)
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        let noSignal: Int32 = 0
        #else
        let noSignal = Int32(MSG_NOSIGNAL)
        #endif
        var address = Loopback.address(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw URLError(.cannotConnectToHost) }
        // The server may answer and close before reading everything (a line too long): a short
        // write is part of the answer, not an error.
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, noSignal) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        return received
    }

    static func parse(_ received: [UInt8]) -> Answer {
        guard let headEnd = received.firstRange(of: Array("\r\n\r\n".utf8)) else {
            let text = String(decoding: received, as: UTF8.self)
            return Answer(statusLine: text.components(separatedBy: "\r\n").first ?? "", head: text, fields: [], body: [])
        }
        let head = String(decoding: received[..<headEnd.lowerBound], as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n")
        let fields = lines.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = Array(received[headEnd.upperBound...])
        if fields.contains(where: { $0.name.lowercased() == "transfer-encoding" && $0.value.lowercased() == "chunked" }) {
            body = dechunked(body)
        }
        return Answer(statusLine: lines.first ?? "", head: head, fields: fields, body: body)
    }

    /// The data of a chunked body (trailers ignored).
    private static func dechunked(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var rest = bytes[...]
        while let lineEnd = rest.firstRange(of: Array("\r\n".utf8)) {
            let sizeText = String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size > 0,
                lineEnd.upperBound + size <= rest.endIndex
            else { break }
            let start = lineEnd.upperBound
            out += rest[start..<(start + size)]
            rest = rest[(start + size)...].dropFirst(2)
        }
        return out
    }
}

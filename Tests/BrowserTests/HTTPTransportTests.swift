import Browser
import Foundation
import HTTPTypes
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Servers that misbehave: the transport answers with a clear message, in bounded time.
@Suite struct HTTPTransportTests {
    /// A TCP listener on loopback that answers each connection with the next of `replies` (the
    /// last again when they run out; nothing for `nil`) and then keeps it open for `hold` seconds.
    final class BadServer: @unchecked Sendable {
        let port: Int
        private let fd: Int32

        convenience init(reply: String?, hold: Double) throws { try self.init(replies: [reply], hold: hold) }

        init(replies: [String?], hold: Double) throws {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
            }
            guard bound, listen(fd, 8) == 0 else { throw POSIXError(.EADDRINUSE) }
            port = Int(UInt16(bigEndian: address.sin_port))
            self.fd = fd
            Thread {
                var next = 0
                while true {
                    let client = accept(fd, nil, nil)
                    if client < 0 { return }
                    var buffer = [UInt8](repeating: 0, count: 4096)
                    _ = read(client, &buffer, buffer.count)
                    let reply = replies[min(next, replies.count - 1)]
                    next += 1
                    if let reply { _ = Array(reply.utf8).withUnsafeBytes { write(client, $0.baseAddress, $0.count) } }
                    Thread.sleep(forTimeInterval: hold)
                    close(client)
                }
            }.start()
        }

        deinit {
            shutdown(fd, Int32(SHUT_RDWR))
            close(fd)
        }
    }

    func get(_ transport: HTTPTransport) async -> TransportError? {
        do throws(TransportError) {
            _ = try await transport.send(HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/"), body: [])
            return nil
        } catch {
            return error
        }
    }

    @Test func aServerThatNeverAnswersTimesOut() async throws {
        let server = try BadServer(reply: nil, hold: 5)
        let transport = try HTTPTransport(url: "http://127.0.0.1:\(server.port)", readTimeout: .seconds(1))
        let error = await get(transport)
        #expect(error?.message.contains("no complete answer within the time limit") == true, "\(String(describing: error))")
    }

    @Test func anAnswerThatIsNotHTTPIsSaid() async throws {
        let server = try BadServer(reply: "SSH-2.0-OpenSSH_9.2\r\nthis is not http\r\n\r\n", hold: 0.2)
        let transport = try HTTPTransport(url: "http://127.0.0.1:\(server.port)", readTimeout: .seconds(3))
        let error = await get(transport)
        #expect(error?.message.hasPrefix("http://127.0.0.1:\(server.port)/: ") == true, "\(String(describing: error))")
        #expect(error?.message.contains("not HTTP") == true || error?.message.contains("closed the connection") == true, "\(String(describing: error))")
    }

    /// `/` redirecting (to a default locale, say) is followed to find the build ID.
    @Test func siteInfoFollowsARedirectOfTheHomePage() async throws {
        func answer(_ head: String, _ body: String = "") -> String {
            "HTTP/1.1 \(head)\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
        }
        let page = #"<div id="__next"></div><script id="__NEXT_DATA__" type="application/json">{"props":{},"page":"/","buildId":"XYZ","locales":["en","fr"],"defaultLocale":"en"}</script>"#
        let server = try BadServer(replies: [
            answer("307 Temporary Redirect\r\nLocation: /en"), answer("200 OK\r\nContent-Type: text/html", page), answer("404 Not Found"),
        ], hold: 0)
        let transport = try HTTPTransport(url: "http://127.0.0.1:\(server.port)", readTimeout: .seconds(5))
        let info = try await transport.siteInfo()
        #expect(info.buildId == "XYZ")
        #expect(info.locales == ["en", "fr"])
        #expect(info.defaultLocale == "en")
        #expect(info.routes == nil)  // the manifest answered 404
    }

    @Test func aServerThatIsDownIsRefused() async throws {
        let transport = try HTTPTransport(url: "http://127.0.0.1:9")
        let error = await get(transport)
        #expect(error?.message == "http://127.0.0.1:9/: connection refused (is the server running?)")
    }

    @Test func urlsThatAreNotServersAreRefusedUpFront() {
        #expect(throws: TransportError.self) { try HTTPTransport(url: "localhost:3000") }
        #expect(throws: TransportError.self) { try HTTPTransport(url: "http://127.0.0.1:3000/posts/1") }
        #expect(throws: TransportError.self) { try HTTPTransport(url: "file:///etc/passwd") }
        #expect((try? HTTPTransport(url: "http://127.0.0.1:3000/"))?.origin == "http://127.0.0.1:3000")
    }
}

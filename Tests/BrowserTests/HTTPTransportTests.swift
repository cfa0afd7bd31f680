@testable import Browser
import Foundation
import HTTPTypes
import SSR
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
        #expect(throws: TransportError.self) { try HTTPTransport(url: "file:///etc/passwd") }
        #expect((try? HTTPTransport(url: "http://127.0.0.1:3000/"))?.origin == "http://127.0.0.1:3000")
    }
}

/// What the transport learns from the first document of a site with a basePath and locales.
@Suite struct SiteDiscoveryTests {
    /// The head of the twin's `/about` as `next start` sends it, its files under `base`.
    static func document(files base: String) -> [UInt8] {
        Array("""
            <!DOCTYPE html><html><head><meta charSet="utf-8" data-next-head=""/><title data-next-head="">About · The Swift Gazette</title>\
            <noscript data-n-css=""></noscript><script defer="" noModule="" src="\(base)/_next/static/chunks/polyfills-530336dca7e1dc70.js"></script>\
            <script src="\(base)/_next/static/chunks/webpack-442229ae57e9528d.js" defer=""></script>\
            <script src="\(base)/_next/static/twin/_buildManifest.js" defer=""></script></head><body><div id="__next"><main><h1>About</h1></main></div>\
            <script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{}},"page":"/about","query":{},"buildId":"twin","nextExport":true,"autoExport":true,"isFallback":false,"scriptLoader":[]}</script></body></html>
            """.utf8)
    }

    func read(_ html: [UInt8], at path: String, page: String) -> [String?] {
        let found = HTTPTransport.basePath(of: html, at: path, page: page, locales: ["en", "fr"], origin: "http://h:1")
        return [found.basePath, found.assets]
    }

    @Test func basePathComesFromTheScriptURLs() {
        #expect(DocumentParts.assetBase(in: Self.document(files: "/base")) == "/base")
        #expect(DocumentParts.assetBase(in: Self.document(files: "")) == "")
        #expect(read(Self.document(files: "/base"), at: "/base/fr/about", page: "/about") == ["/base", "/base"])
        #expect(read(Self.document(files: ""), at: "/about", page: "/about") == ["", ""])
        // The same origin written out in full.
        #expect(read(Self.document(files: "http://h:1/base"), at: "/base/about", page: "/about") == ["/base", "/base"])
    }

    /// Files on a CDN (`assetPrefix`), or no scripts at all (our engine sends none): the
    /// basePath is what the path has before the page (and the locale).
    @Test func withoutScriptsHereTheBasePathComesFromThePath() async throws {
        let cdn = Self.document(files: "https://cdn.example")
        #expect(read(cdn, at: "/base/fr/about", page: "/about") == ["/base", nil])
        #expect(read(cdn, at: "/base/", page: "/") == ["/base", nil])
        #expect(read(cdn, at: "/", page: "/") == ["", nil])
        #expect(read(cdn, at: "/base/item/1", page: "/item/[id]") == ["", nil])
        let ours = await (try FixtureSite.navigator(basePath: "/base")).navigate(.hardNavigation, to: "/about")
        #expect(read(Array(try #require(ours.html).utf8), at: "/base/about", page: "/about") == ["/base", "/base"])
    }

    @Test func aURLWithAPathIsWhereTheSiteIsRead() throws {
        #expect(try HTTPTransport(url: "http://127.0.0.1:3000").entryPath == "/")
        #expect(try HTTPTransport(url: "http://127.0.0.1:3000/docs").entryPath == "/docs")
        #expect(try HTTPTransport(url: "http://127.0.0.1:3000/docs").origin == "http://127.0.0.1:3000")
        #expect(throws: TransportError.self) { try HTTPTransport(url: "http://127.0.0.1:3000/?x=1") }
    }
}

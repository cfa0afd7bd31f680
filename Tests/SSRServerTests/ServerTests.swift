import AsyncHTTPClient
import CompressNIO
import Foundation
import NIOCore
import NIOHTTP1
import SSR
import SSRServer
import Testing

/// The server over real HTTP on loopback: what a browser, curl or a CDN gets.
@Suite struct ServerTests {
    @Test func documentAndDataResponses() async throws {
        try await LiveSite.withServer { client in
            let document = try await client.send("/posts/7")
            #expect(document.status == 200)
            #expect(document["content-type"] == "text/html; charset=utf-8")
            #expect(document["cache-control"] == "private, no-cache, no-store, max-age=0, must-revalidate")
            #expect(document.text.contains(#"<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"id":"7""#))
            let data = try await client.send("/_next/data/B/posts/7.json", headers: [("x-nextjs-data", "1")])
            #expect(data.status == 200)
            #expect(data["content-type"] == "application/json")
            #expect(data["x-nextjs-matched-path"] == "/posts/[id]")
            // A HEAD answer says Vary as its GET does (it has no body to compress).
            let head = try await client.send("/_next/data/B/posts/7.json", method: .HEAD)
            #expect(head["vary"] == "Accept-Encoding")
            #expect(data.text.hasPrefix(#"{"pageProps":{"id":"7","#))
            #expect(data.text.hasSuffix(#""__N_SSP":true}"#))
            #expect(data["server-timing"]?.hasPrefix("gssp;dur=") == true)
        }
    }

    @Test func redirectsNotFoundAndWrongBuildId() async throws {
        try await LiveSite.withServer { client in
            let redirect = try await client.send("/posts/old")
            #expect(redirect.status == 308)
            #expect(redirect["location"] == "/posts/1")
            let dataRedirect = try await client.send("/_next/data/B/posts/old.json")
            #expect(dataRedirect.status == 200)
            #expect(dataRedirect.text == #"{"pageProps":{"__N_REDIRECT":"/posts/1","__N_REDIRECT_STATUS":308},"__N_SSP":true}"#)
            let missing = try await client.send("/_next/data/B/posts/missing.json")
            #expect(missing.status == 404)
            #expect(missing.text == #"{"notFound":true}"#)
            #expect(try await client.send("/_next/data/WRONG/posts/1.json").status == 404)
            #expect(try await client.send("/nowhere").status == 404)
            #expect(try await client.raw("GET /posts/%E0%A4%A HTTP/1.1") == "HTTP/1.1 400 Bad Request")
            #expect(try await client.raw("GET /posts/%ZZ HTTP/1.1") == "HTTP/1.1 400 Bad Request")
            #expect(try await client.raw("GET /posts//1 HTTP/1.1") == "HTTP/1.1 308 Permanent Redirect")
        }
    }

    @Test func errorPageInBothModes() async throws {
        try await LiveSite.withServer(.production) { client in
            let failed = try await client.send("/posts/fails")
            #expect(failed.status == 500)
            #expect(failed.text.contains("500: Internal Server Error"))
            #expect(!failed.text.contains("URLError"))
        }
        try await LiveSite.withServer(.development) { client in
            let failed = try await client.send("/posts/fails")
            #expect(failed.status == 500)
            #expect(failed.text.contains("URLError"))
        }
    }

    @Test func aRequestBodyReachesThePage() async throws {
        try await LiveSite.withServer { client in
            // Content-Length, chunked, none: a request without either header has no body.
            let sized = try await client.send("/echo", method: .POST, body: Array("name=Ada".utf8))
            #expect(sized.text.contains(#""body":"name=Ada""#))
            let chunked = try await client.raw(bytes: Array(
                "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n4\r\nname\r\n4\r\n=Bob\r\n0\r\n\r\n".utf8))
            #expect(String(decoding: chunked.body, as: UTF8.self).contains(#""body":"name=Bob""#))
            #expect(try await client.send("/echo").text.contains(#""body":"""#))
            // The connection goes on after a body that was read, and after one that was not.
            let twice = try await client.raw(bytes: Array(
                ("POST /echo?q=1 HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
                    + "GET /echo?q=2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").utf8))
            // The first answer's body runs on into the second answer (read until the close).
            let both = String(decoding: twice.body, as: UTF8.self)
            #expect(twice.status == 200)
            #expect(both.contains(#""q":"1","score":1,"body":"abc""#))
            #expect(both.contains(#""q":"2","score":1,"body":"""#))
        }
    }

    @Test func headAndConditionalGet() async throws {
        try await LiveSite.withServer { client in
            let full = try await client.send("/posts/2")
            let etag = try #require(full["etag"])
            let head = try await client.send("/posts/2", method: .HEAD)
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head["content-length"] == full["content-length"])
            let again = try await client.send("/posts/2", headers: [("If-None-Match", etag)])
            #expect(again.status == 304)
            #expect(again.body.isEmpty)
        }
    }

    @Test func gzipWhenAcceptedAndLarge() async throws {
        try await LiveSite.withServer { client in
            let plain = try await client.send("/posts/3")
            #expect(plain["content-encoding"] == nil)
            #expect(plain["vary"]?.contains("Accept-Encoding") == true)
            let gzipped = try await client.send("/posts/3", headers: [("Accept-Encoding", "gzip, deflate")])
            #expect(gzipped["content-encoding"] == "gzip")
            #expect(gzipped["vary"]?.contains("Accept-Encoding") == true)
            #expect(gzipped.body.count < plain.body.count / 2)
            #expect(gzipped["content-length"] == String(gzipped.body.count))
            let etag = try #require(plain["etag"])
            #expect(gzipped["etag"] == "W/" + etag)
            #expect(try await client.send("/posts/3", headers: [("Accept-Encoding", "gzip"), ("If-None-Match", "W/" + etag)]).status == 304)
            var buffer = ByteBuffer(bytes: gzipped.body)
            let inflated = try buffer.decompress(with: .gzip())
            #expect(Array(buffer: inflated) == plain.body)
            // Refused, or too small to be worth it.
            #expect(try await client.send("/posts/3", headers: [("Accept-Encoding", "gzip;q=0")])["content-encoding"] == nil)
            #expect(try await client.send("/", headers: [("Accept-Encoding", "gzip")])["content-encoding"] == nil)
        }
    }

    @Test func limitsAnswerWithTheirStatus() async throws {
        var limits = ServerLimits()
        // Long enough that a 10 ms page is never cut while other tests hold both threads of the
        // pool (they do for ~12 s at the start of `swift test`, when this test runs).
        limits.pageTime = .seconds(10)
        // Short, to end the raw reads below, but not so short that a body drained slowly on a
        // loaded machine counts as silence.
        limits.idleTime = .seconds(3)
        try await LiveSite.withServer(limits: limits) { client in
            #expect(try await client.send("/" + String(repeating: "a", count: 9000)).status == 414)
            #expect(try await client.send("/", headers: [("X-Big", String(repeating: "b", count: 40_000))]).status == 431)
            // Raw: a client library that is still sending when the early answer comes may report
            // the connection's end instead of it (AsyncHTTPClient did, once in four runs).
            let big = try await client.raw(bytes:
                Array("POST /posts/1 HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n".utf8) + Array(repeating: 0x61, count: 2_000_000))
            #expect(big.status == 413)
            // A body declared too large is refused before it comes (the server does not wait for
            // 50 MB that will never be sent); the connection, whose body is never finished, is
            // closed once silent for the idle time, which ends the raw read.
            let declared = try await client.raw(bytes:
                Array("POST /posts/1 HTTP/1.1\r\nHost: x\r\nContent-Length: 50000000\r\n\r\n".utf8) + Array(repeating: 0x61, count: 1000))
            #expect(declared.status == 413)
            let slow = try await client.send("/slow?ms=30000")
            #expect(slow.status == 504)
            #expect(slow.text.contains("504: Gateway Timeout"))
            // Still answering while that page runs on.
            #expect(try await client.send("/posts/1").status == 200)
            #expect(try await client.send("/slow?ms=10").status == 200)
        }
    }

    @Test func internalHeadersChangeNothing() async throws {
        try await LiveSite.withServer { client in
            let plain = try await client.send("/posts/4")
            for header in [("x-middleware-subrequest", "middleware:middleware:middleware"), ("x-now-route-matches", "id=9"),
                           ("x-matched-path", "/posts/[id]"), ("x-invoke-path", "/slow"), ("x-nextjs-data", "1")] {
                let crafted = try await client.send("/posts/4", headers: [header])
                #expect(crafted.status == 200)
                #expect(crafted.body == plain.body, "\(header.0) changed the answer")
                #expect(crafted["cache-control"] == plain["cache-control"])
            }
            #expect(try await client.send("/posts/4?__nextDataReq=1&nxtPid=9").text.contains(#""id":"4""#))
        }
    }

    @Test func buildManifestOverHTTP() async throws {
        try await LiveSite.withServer { client in
            let manifest = try await client.send("/_next/static/B/_buildManifest.js")
            #expect(manifest.status == 200)
            #expect(manifest.text.contains(#""sortedPages":["/","/_app","/_error","/about","/echo","/posts/[id]","/slow"]"#))
        }
    }

    @Test func gracefulShutdownAnswersTheRequestInFlight() async throws {
        try await LiveSite.withServer { client in
            let tag = UUID().uuidString
            async let inFlight = client.send("/slow?ms=800&tag=\(tag)")
            // Until the page has the request (a loaded test process may take seconds to send it).
            let deadline = ContinuousClock.now + .seconds(60)
            while !LiveSite.Slow.started.withLock({ $0.contains(tag) }), ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            }
            await client.group.triggerGracefulShutdown()
            let answer = try await inFlight
            #expect(answer.status == 200)
            #expect(answer.text.contains("waited 800 ms"))
        }
    }
}

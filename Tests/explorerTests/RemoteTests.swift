import Foundation
import Testing

extension BinaryTests {
    /// The explorer against a running server (`--url`): the same answers as in-process, and clear
    /// messages when there is no server.
    @Suite struct RemoteTests {
        /// `explorer serve --port 0`, running for the length of `body`.
        func withServer<T>(_ body: (String) throws -> T) throws -> T {
            let server = try ServeProcess()
            return try body(server.url)
        }

        func json(_ text: String) throws -> [String: Any] {
            try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        }

        @Test func inspectOverHTTPEqualsInProcess() throws {
            try withServer { url in
                let local = try json(CommandTests().explorer("inspect", "/posts/1", "--json").stdout)
                let remote = try json(CommandTests().explorer("inspect", "/posts/1", "--json", "--url", url).stdout)
                #expect(remote["outcome"] as? String == "page")
                #expect(NSDictionary(dictionary: try #require(remote["props"] as? [String: Any]))
                        == NSDictionary(dictionary: try #require(local["props"] as? [String: Any])))
                let fetch = try #require((remote["fetches"] as? [[String: Any]])?.first)
                let phases = ((fetch["timing"] as? [String: Any])?["phases"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
                #expect(phases?.starts(with: ["connect", "ttfb", "download", "gssp", "render"]) == true, "\(String(describing: phases))")

                let localHard = try json(CommandTests().explorer("inspect", "/posts/1", "--hard", "--json").stdout)
                let remoteHard = try json(CommandTests().explorer("inspect", "/posts/1", "--hard", "--json", "--url", url).stdout)
                let html = try #require(remoteHard["html"] as? String)
                #expect(html == localHard["html"] as? String)
                #expect(html.contains("Thinking about routing, part 1"))
            }
        }

        /// Over HTTP the HAR holds the client's phases as HAR's (`connect`, `wait` = time to first
        /// byte, `receive`) and the server's document the explorer fetched after the transition,
        /// marked as its own; opened again, the exchange is the one saved.
        @Test func aRemoteNavigationSavesAsHAR() throws {
            try withServer { url in
                let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-remote.har").path
                defer { try? FileManager.default.removeItem(atPath: path) }
                let live = try json(CommandTests().explorer("inspect", "/posts/1", "--json", "--url", url, "--save-har", path).stdout)
                let har = try json(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self))
                let entries = try #require((har["log"] as? [String: Any])?["entries"] as? [[String: Any]])
                #expect(entries.count == 2)
                let request = try #require((live["fetches"] as? [[String: Any]])?.first?["request"] as? [String: Any])
                #expect((entries[0]["request"] as? [String: Any])?["url"] as? String == url + (request["path"] as? String ?? "?"))
                #expect(entries[1]["_explorer"] as? [String: Any] != nil, "the server's document, fetched by the explorer")
                let phases = try #require((live["fetches"] as? [[String: Any]])?.first?["timing"] as? [String: Any])["phases"] as? [[String: Any]]
                let ttfb = phases?.first { $0["name"] as? String == "ttfb" }?["ms"] as? Double
                #expect((entries[0]["timings"] as? [String: Any])?["wait"] as? Double == ttfb)
                let opened = try json(CommandTests().explorer("inspect", "--har", path, "--json").stdout)
                let exchange = try #require((opened["exchanges"] as? [[String: Any]])?.first)
                for key in ["kind", "url", "props", "fetches", "serverDocument", "documentPropsAgree", "html", "analysis"] {
                    #expect(NSDictionary(dictionary: ["v": exchange[key] ?? NSNull()]) == NSDictionary(dictionary: ["v": live[key] ?? NSNull()]), "\(key)")
                }
            }
        }

        @Test func routesComeFromTheBuildManifest() throws {
            try withServer { url in
                let run = try CommandTests().explorer("routes", "--url", url)
                #expect(run.status == 0)
                #expect(run.stdout.contains("? /posts/[id]"))
                #expect(run.stdout.contains("? /blog/[...slug]"))
            }
        }

        @Test func aServerThatIsDownIsAClearMessage() throws {
            let routes = try CommandTests().explorer("routes", "--url", "http://127.0.0.1:9")
            #expect(routes.status == 69)
            #expect(routes.stderr == "explorer routes: cannot reach the site: http://127.0.0.1:9/: connection refused (is the server running?)\n", "\(routes.stderr)")
            // One line, said once; no empty report.
            for arguments in [["inspect", "/posts/1"], ["inspect", "/posts/1", "--json"], ["inspect", "/posts/1", "--hard"]] {
                let inspect = try CommandTests().explorer(arguments + ["--url", "http://127.0.0.1:9"])
                #expect(inspect.status == 69)
                #expect(inspect.stdout.isEmpty, "\(inspect.stdout)")
                #expect(inspect.stderr == "explorer inspect: cannot reach the site: http://127.0.0.1:9/: connection refused (is the server running?)\n", "\(inspect.stderr)")
            }
            let bad = try CommandTests().explorer("routes", "--url", "ftp://example.com")
            #expect(bad.status == 64)
            #expect(bad.stderr.contains("is not a server URL"))
        }
    }
}

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

extension BinaryTests {
    /// `explorer serve` run as a user runs it: it says where it listens, answers over HTTP, logs a
    /// line per request and stops cleanly on SIGTERM.
    @Suite struct ServeCommandTests {
        @Test func servesLogsAndStopsOnSIGTERM() async throws {
            let server = try ServeProcess()
            let (process, out, url) = (server.process, server.out, server.url)
            #expect(server.firstLine.contains("(production, as next start)"))

            let (body, response) = try await URLSession.shared.data(from: URL(string: url + "/posts/1")!)
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
            #expect(String(decoding: body, as: UTF8.self).contains("Thinking about routing, part 1"))

            process.terminate()  // SIGTERM
            let rest = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let log = server.log
            #expect(process.terminationStatus == 0)
            #expect(String(decoding: rest, as: UTF8.self).contains("explorer: stopped, every request answered"))
            #expect(log.contains("GET /posts/1 200"), "\(log)")
        }

        @Test func badArgumentsAreClearErrors() throws {
            let run = try CommandTests().explorer("serve", "--port", "70000")
            #expect(run.status == 64)
            #expect(run.stderr.contains("--port must be between 0 and 65535"))
            let buildId = try CommandTests().explorer("serve", "--build-id", "a/b")
            #expect(buildId.status == 64)
            #expect(buildId.stderr.contains(#"--build-id must be letters, digits, '-', '_' or '.', not "a/b""#))
        }

        /// `--build-id` names the build in data URLs and `__NEXT_DATA__`, as `generateBuildId` does.
        @Test func buildIdIsTheOneGiven() async throws {
            let server = try ServeProcess(["--build-id", "v42"])
            let (body, response) = try await URLSession.shared.data(from: URL(string: server.url + "/_next/data/v42/hello.json")!)
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
            #expect(String(decoding: body, as: UTF8.self) == #"{"pageProps":{"message":"Hello, world"},"__N_SSP":true}"#)
            let (page, _) = try await URLSession.shared.data(from: URL(string: server.url + "/hello")!)
            #expect(String(decoding: page, as: UTF8.self).contains(#""buildId":"v42""#))
        }
    }
}

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

        /// A port in use, an address not of this machine: the cause and the remedy, exit 69.
        @Test func aPortInUseSaysSoAndHowToChooseAnother() throws {
            let first = try ServeProcess()
            let port = try #require(first.url.split(separator: ":").last.map(String.init))
            let second = try CommandTests().explorer("serve", "--port", port)
            #expect(second.status == 69)
            #expect(second.stderr == "explorer serve: 127.0.0.1:\(port) is already in use (another server is listening there): choose another port with --port, or --port 0 for any free one\n")
            let foreign = try CommandTests().explorer("serve", "--host", "192.0.2.1", "--port", "0")
            #expect(foreign.status == 69)
            #expect(foreign.stderr.contains("192.0.2.1 is not an address of this machine"), "\(foreign.stderr)")
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

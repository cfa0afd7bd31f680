import Foundation
import TestSupport
import SampleSite

/// The sample site's twin (`sample-site/nextjs/`) built and served by the real Next.js 15.2.4
/// in `../shared/reference/nextjs/`, with its own scripts (`build.sh`, `start.sh`, `stop.sh`).
enum NextjsTwin {
    /// The build ID of both servers (`NEXT_BUILD_ID`, `explorer serve --build-id`): data URLs and
    /// `__NEXT_DATA__` then compare byte for byte, with nothing to normalize.
    static let buildId = "twin"

    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent()  // Fidelity
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let app = package.appendingPathComponent("sample-site/nextjs")
    static let seed = package.appendingPathComponent("sample-site/seed.sql")

    /// The folder of `build.sh`: `$NEXTJS_REFERENCE`, else `../shared/reference/nextjs` beside
    /// the package, as on the project's machines.
    static let reference: URL = {
        if let folder = ProcessInfo.processInfo.environment["NEXTJS_REFERENCE"], !folder.isEmpty { return URL(fileURLWithPath: folder) }
        return package.deletingLastPathComponent().appendingPathComponent("shared/reference/nextjs")
    }()

    /// Why the twin cannot run here, `nil` when it can: said as the tests' skip reason, never
    /// passed over in silence.
    static let unavailable: String? = {
        guard FileManager.default.isExecutableFile(atPath: reference.appendingPathComponent("build.sh").path) else {
            return "the real Next.js is not here: no build.sh in \(reference.path) (set NEXTJS_REFERENCE to the folder that has it)"
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for tool in ["node", "npm"] where !path.split(separator: ":").contains(where: { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }) {
            return "\(tool) is not installed (apt-get install nodejs): Next.js cannot run"
        }
        return nil
    }()

    /// A running `next start` (or `next dev`) of the twin on a free loopback port.
    final class Server {
        private(set) var out: URL
        let port: Int

        /// Builds the twin (build.sh skips the build when nothing changed: seconds when warm,
        /// about 90 s cold) and starts it. With `nextConfig`, a copy of the twin with that
        /// `next.config.js`, built in a folder of its own (`variant`).
        init(dev: Bool, variant: String? = nil, nextConfig: String? = nil) async throws {
            let folder = SampleDatabase.defaultDirectory
            out = folder.appendingPathComponent(variant.map { "nextjs-twin-\($0)" } ?? (dev ? "nextjs-twin-dev" : "nextjs-twin"))
            var source = app
            if let variant, let nextConfig {
                source = folder.appendingPathComponent("nextjs-twin-\(variant)-app")
                try? FileManager.default.removeItem(at: source)
                try FileManager.default.copyItem(at: app, to: source)
                try Data(nextConfig.utf8).write(to: source.appendingPathComponent("next.config.js"))
            }
            try await NextjsTwin.script("build.sh", [source.path, out.path] + (dev ? ["--no-build"] : []))
            port = try FreePort.find()
            try await NextjsTwin.script("start.sh", [out.path, String(port)] + (dev ? ["--dev"] : []))
        }

        /// Another app of ours (`sample-site/nextjs-shop`) built by the real Next.js (`build.sh`,
        /// or `build16.sh` for 16.2.1) with its `configFile` as `next.config.js`, under `buildId`,
        /// and started on a free port.
        init(app: URL, configFile: String, next16: Bool, buildId: String) async throws {
            let folder = SampleDatabase.defaultDirectory
            let source = folder.appendingPathComponent("\(buildId)-app")
            try? FileManager.default.removeItem(at: source)
            try FileManager.default.copyItem(at: app, to: source)
            let config = source.appendingPathComponent("next.config.js")
            try FileManager.default.removeItem(at: config)
            try FileManager.default.copyItem(at: app.appendingPathComponent(configFile), to: config)
            out = folder.appendingPathComponent(buildId)
            try await NextjsTwin.script(next16 ? "build16.sh" : "build.sh", [source.path, out.path], buildId: buildId)
            port = try FreePort.find()
            try await NextjsTwin.script("start.sh", [out.path, String(port)])
        }

        func stop() async {
            try? await NextjsTwin.script("stop.sh", [out.path, String(port)])
        }

        /// A deploy: the twin built again with another build ID (in a folder of its own, so
        /// that the first build stays as it is), then served on this port in place of this one.
        func redeploy(buildId: String) async throws {
            let next = SampleDatabase.defaultDirectory.appendingPathComponent("nextjs-twin-\(buildId)")
            try await NextjsTwin.script("build.sh", [app.path, next.path], buildId: buildId)
            await stop()
            out = next
            try await NextjsTwin.script("start.sh", [out.path, String(port)])
        }
    }

    /// Runs one of the reference's scripts; a failure throws with the end of its output.
    static func script(_ name: String, _ arguments: [String], buildId: String = NextjsTwin.buildId) async throws {
        // Through bash, which first closes every descriptor past stderr: Foundation learns that a
        // child ended from one it hands down, and the server start.sh leaves running would hold
        // it open, so the script's end would never be seen.
        let closeInherited = #"for fd in $(ls /dev/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done 2>/dev/null; exec "$@""#
        let run = try await BuiltTool.run(
            awaiting: URL(fileURLWithPath: "/usr/bin/env"),
            ["SEED_SQL=\(seed.path)", "NEXT_BUILD_ID=\(buildId)", "bash", "-c", closeInherited, name, reference.appendingPathComponent(name).path]
                + arguments)
        guard run.status == 0 else {
            let output = (run.stdout + run.stderr).split(separator: "\n").suffix(15).joined(separator: "\n")
            throw TwinError(message: "\(name) \(arguments.joined(separator: " ")) exited with \(run.status):\n\(output)")
        }
    }

    struct TwinError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}

// swift-tools-version: 6.1
import PackageDescription

// The packages' products, named once.
let httpTypes: Target.Dependency = .product(name: "HTTPTypes", package: "swift-http-types")
let logging: Target.Dependency = .product(name: "Logging", package: "swift-log")
let hummingbird: Target.Dependency = .product(name: "Hummingbird", package: "hummingbird")
let grdb: Target.Dependency = .product(name: "GRDB", package: "GRDB.swift")
let compressNIO: Target.Dependency = .product(name: "CompressNIO", package: "compress-nio")
let asyncHTTPClient: Target.Dependency = .product(name: "AsyncHTTPClient", package: "async-http-client")
let serviceLifecycle: Target.Dependency = .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")
let nioCore: Target.Dependency = .product(name: "NIOCore", package: "swift-nio")
let nioHTTP1: Target.Dependency = .product(name: "NIOHTTP1", package: "swift-nio")
let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")

let package = Package(
    name: "gssp-explorer",
    // Mutex (Synchronization) needs macOS 15. Built and tested on Linux; the macOS side is
    // written (Darwin imports, its ncurses) but not built here: see the README.
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "SSR", targets: ["SSR"]),
        // The engine served over HTTP, for a site author's own executable.
        .library(name: "SSRServer", targets: ["SSRServer"]),
        .library(name: "Browser", targets: ["Browser"]),
        .plugin(name: "PagesPlugin", targets: ["PagesPlugin"]),
        .executable(name: "explorer", targets: ["explorer"]),
    ],
    dependencies: [.package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"), .package(url: "https://github.com/apple/swift-log", from: "1.16.2"), .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"), .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"), .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"), .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"), .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"), .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"), .package(url: "https://github.com/apple/swift-nio", from: "2.101.2")],
    targets: [
        // How a page file's path becomes a route, and which route tables Next.js refuses: shared
        // by SSR and the build-time generator, which cannot depend on SSR's packages.
        .target(name: "RouteFiles"),
        .target(name: "SSR", dependencies: ["RouteFiles", httpTypes, logging]),
        // An engine served over HTTP by Hummingbird: limits, gzip, graceful shutdown.
        .target(name: "SSRServer", dependencies: ["SSR", hummingbird, compressNIO, serviceLifecycle]),
        // The simulated browser: navigation, transports, exchanges, analyzers.
        .target(name: "Browser", dependencies: ["SSR", httpTypes, asyncHTTPClient, nioCore, nioHTTP1, compressNIO]),
        // The terminal UI as plain code: state, keys, view into a grid of cells.
        .target(name: "ExplorerUI", dependencies: ["Browser", "SSR", httpTypes]),
        // ncursesw with C shims for what Swift cannot see (macros, C globals, wcwidth).
        // macOS's ncurses is wide-character already and has no ncursesw.
        .target(name: "CNCursesW", linkerSettings: [
            .linkedLibrary("ncursesw", .when(platforms: [.linux])), .linkedLibrary("ncurses", .when(platforms: [.macOS])),
        ]),
        // The only code that touches the terminal.
        .target(name: "Curses", dependencies: ["CNCursesW"]),
        // The route table of a site's pages/ folder, generated at build time.
        .executableTarget(name: "PagesGen", dependencies: ["RouteFiles"], path: "Sources/PagesGen"),
        .plugin(name: "PagesPlugin", capability: .buildTool(), dependencies: ["PagesGen"], path: "Sources/PagesPlugin"),
        // The sample site: pages/ routed by the plugin, data from SQLite created from seed.sql.
        .target(
            name: "SampleSite",
            dependencies: ["SSR", grdb, httpTypes],
            path: "sample-site",
            // nextjs/: the same site as a Next.js app, for the fidelity tests; nextjs-shop/: a Next.js app with what real sites use
            // (a proxy, rewrites, a custom App, getStaticProps), whose journeys in Chromium the navigator's tests walk again;
            // explorer.json: the sample site's budgets for `explorer check`
            exclude: ["pages", "nextjs", "nextjs-shop", "explorer.json"],
            resources: [.copy("seed.sql")],
            plugins: ["PagesPlugin"]
        ),
        // `explorer bench`: the runner, its reports, and the references it measures against (the
        // hand-written floor, a plain Hummingbird handler). Not a product: no library ships it.
        .target(name: "Bench", dependencies: ["SSR", "SSRServer", "Browser", "SampleSite", grdb, hummingbird, httpTypes, logging]),
        .executableTarget(name: "explorer", dependencies: ["SSR", "SSRServer", "Browser", "ExplorerUI", "Curses", "SampleSite", "Bench", argumentParser, httpTypes, logging]),
        // Fuzz targets for the parsers (`.fuzz/run` drives them with libFuzzer); `fuzz` replays
        // inputs through them without it.
        .target(name: "FuzzTargets", dependencies: ["SSR", "Browser", "ExplorerUI"]),
        .executableTarget(name: "fuzz", dependencies: ["FuzzTargets"]),
        .testTarget(name: "FuzzTargetsTests", dependencies: ["FuzzTargets"]),
        // For the tests: HTTP over a plain socket, byte for byte, to talk to live servers; the
        // package's executables run as a user runs them.
        .target(name: "TestSupport", dependencies: ["Browser", "SSR", httpTypes], path: "Tests/TestSupport"),
        .testTarget(
            name: "SSRTests",
            dependencies: ["SSR", "TestSupport", httpTypes, logging],
            exclude: ["pages"],
            plugins: ["PagesPlugin"]
        ),
        // Journeys/: what Chromium requested on the Next.js twin (HAR), compared with the navigator.
        .testTarget(name: "SampleSiteTests", dependencies: ["SampleSite", "SSR", "Browser", "TestSupport", grdb, httpTypes, logging, compressNIO, nioCore], exclude: ["Journeys"]),
        .testTarget(name: "SSRServerTests", dependencies: ["SSRServer", "SSR", "TestSupport", hummingbird, asyncHTTPClient, compressNIO, serviceLifecycle, nioHTTP1, httpTypes, logging]),
        .testTarget(
            name: "ExplorerUITests",
            dependencies: ["ExplorerUI", "Browser", "SSR", "TestSupport", httpTypes, logging],
            exclude: ["Snapshots"]  // read from the source tree, next to the test
        ),
        // Journeys/: what Chromium requested on the sample shop under Next.js 15 and 16 (HAR), walked again by the navigator.
        .testTarget(name: "BrowserTests", dependencies: ["Browser", "SSR", "TestSupport", httpTypes, logging], exclude: ["Journeys"]),
        .testTarget(name: "BenchTests", dependencies: ["Bench", "SSR", "SampleSite", httpTypes, logging]),
        // Runs the built `explorer` binary, as a user does; and beside the real Next.js (Fidelity/).
        .testTarget(
            name: "explorerTests",
            dependencies: ["explorer", "SSR", "Browser", "SampleSite", "TestSupport", compressNIO, nioCore],
            exclude: ["Fidelity/cases.txt"]  // read from the source tree, next to the test
        ),
    ],
    swiftLanguageModes: [.v6]
)

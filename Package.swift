// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "gssp-explorer",
    products: [
        .library(name: "SSR", targets: ["SSR"]),
        .plugin(name: "PagesPlugin", targets: ["PagesPlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(
            name: "SSR",
            dependencies: [
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The route table of a site's pages/ folder, generated at build time.
        .executableTarget(name: "PagesGen", path: "Sources/PagesGen"),
        .plugin(name: "PagesPlugin", capability: .buildTool(), dependencies: ["PagesGen"], path: "Sources/PagesPlugin"),
        .testTarget(
            name: "SSRTests",
            dependencies: [
                "SSR",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["pages"],
            plugins: ["PagesPlugin"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// swift-tools-version:6.0
import PackageDescription

/// adopt: a terminal dashboard of AI-model adoption across China's regions.
///
/// Layering (only `AdoptTerminal` sees C):
///   AdoptCore     – model, gazetteer, snapshot loading and validation, the store, export
///   AdoptUI       – cell grid, panes, app state and key handling (pure Swift, testable headless)
///   AdoptTerminal – ncurses: copies a finished frame to the screen and reads input
///   AdoptLive     – watches snapshot files and reloads them in the background
///   AdoptOpsLog   – `adopt --log FILE`: the ops log (swift-log, a file handler); only `adopt` uses it
///   AdoptFeed     – feeds over HTTP(S): `adopt publish`'s index, downloads into a verified cache
///   adopt         – the command line (swift-argument-parser)
let package = Package(
    name: "adopt",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "adopt", targets: ["adopt"]),
        .library(name: "AdoptCore", targets: ["AdoptCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // 1.16: the handler implements `log(event:)`.
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        // Feeds: HTTP(S) with redirects, timeouts, gzip and extra trust roots (see README, "Publishing a feed").
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.20.0"),
        // Named for their modules (ByteBuffer, HTTP headers, trust roots, gzip limits); async-http-client brings them anyway.
        .package(url: "https://github.com/apple/swift-nio", from: "2.60.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.25.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.20.0"),
        // SHA-256 of published snapshots.
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .target(name: "AdoptCore"),
        .target(name: "AdoptUI", dependencies: ["AdoptCore"]),
        .target(name: "AdoptTerminal", dependencies: ["CNcursesw", "AdoptUI"]),
        /// Watching snapshot directories and reloading off the input thread (inotify on Linux).
        .target(name: "AdoptLive", dependencies: ["AdoptCore"]),
        /// The ops log: loads, reloads, problems, fallbacks and acknowledgements, one line each.
        .target(name: "AdoptOpsLog", dependencies: [
            "AdoptCore", "AdoptLive", .product(name: "Logging", package: "swift-log"),
        ]),
        /// Feeds: the index `adopt publish` writes, and a poller that mirrors a feed URL into a
        /// cache directory of verified files, which everything else reads as a local directory.
        .target(name: "AdoptFeed", dependencies: [
            "AdoptCore",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
        ]),
        .executableTarget(
            name: "adopt",
            dependencies: [
                "AdoptCore", "AdoptUI", "AdoptTerminal", "AdoptLive", "AdoptOpsLog", "AdoptFeed",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "AdoptCoreTests", dependencies: ["AdoptCore"]),
        /// `swift run -c release adopt-bench`: load, memory and key-to-frame figures at scale.
        .executableTarget(name: "adopt-bench", dependencies: ["AdoptCore", "AdoptUI", "AdoptLive", "AdoptFeed"]),
        .testTarget(name: "AdoptUITests", dependencies: ["AdoptUI", "AdoptCore"], exclude: ["Goldens"]),
        .testTarget(name: "AdoptLiveTests", dependencies: ["AdoptLive", "AdoptCore"]),
        .testTarget(name: "AdoptOpsLogTests", dependencies: [
            "AdoptOpsLog", "AdoptLive", "AdoptCore", .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "AdoptFeedTests", dependencies: ["AdoptFeed", "AdoptCore"]),
        /// Colour reduction, key decoding and frame diffing: the terminal layer's pure parts.
        .testTarget(name: "AdoptTerminalTests", dependencies: ["AdoptTerminal", "AdoptUI"]),
    ]
)

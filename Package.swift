// swift-tools-version:6.0
import PackageDescription

/// adopt: a terminal dashboard of AI-model adoption across China's regions.
///
/// Layering (only `AdoptTerminal` sees C):
///   AdoptCore     – model, gazetteer, snapshot loading and validation, the store, export
///   AdoptUI       – cell grid, panes, app state and key handling (pure Swift, testable headless)
///   AdoptTerminal – ncurses: copies a finished frame to the screen and reads input
///   adopt         – the command line (swift-argument-parser)
let package = Package(
    name: "adopt",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "adopt", targets: ["adopt"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
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
        .executableTarget(
            name: "adopt",
            dependencies: [
                "AdoptCore", "AdoptUI", "AdoptTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "AdoptCoreTests", dependencies: ["AdoptCore"]),
        .testTarget(name: "AdoptUITests", dependencies: ["AdoptUI", "AdoptCore"]),
    ]
)

// swift-tools-version:6.0
import PackageDescription

/// A libFuzzer target for the snapshot loader, kept out of the main package so that its
/// instrumented build (`-sanitize=fuzzer,address`) never touches the normal build or CI.
/// Build and run with `Fuzz/run.sh` (see docs/ROBUSTNESS.md).
let package = Package(
    name: "adopt-fuzz",
    dependencies: [
        .package(name: "adopt", path: ".."),
    ],
    targets: [
        /// Declares libFuzzer's `LLVMFuzzerRunDriver`, so the Swift `main` can hand over to it.
        .target(name: "CFuzzerDriver"),
        .executableTarget(
            name: "SnapshotLoaderFuzz",
            dependencies: ["CFuzzerDriver", .product(name: "AdoptCore", package: "adopt")]
        ),
    ]
)

// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "learncity",
    platforms: [.macOS(.v15)],  // Synchronization.Mutex
    products: [
        .executable(name: "learncity", targets: ["learncity"]),
        .library(name: "LearningCities", targets: ["LearningCities"]),
        .library(name: "XapianKit", targets: ["XapianKit"]),
        .library(name: "JSONRPC", targets: ["JSONRPC"]),
        .library(name: "LearncityServe", targets: ["LearncityServe"]),
        .executable(name: "learncity-bench", targets: ["learncity-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The only C++: Xapian behind a C ABI that never lets an exception escape.
        .target(
            name: "CXapian",
            linkerSettings: [.linkedLibrary("xapian")]
        ),
        // Swift classes over the C handles: throwing functions, value types.
        .target(name: "XapianKit", dependencies: ["CXapian"]),
        // The engine: corpus, analysis, index, search, recommend, shards.
        // The engine's bilingual programme vocabulary ships as a resource.
        .target(name: "LearningCities", dependencies: ["XapianKit"], resources: [.copy("Resources/vocabulary")]),
        // Generic JSON-RPC 2.0 (values, requests, errors, line framing, a stdio
        // server): knows nothing of the engine.
        .target(name: "JSONRPC"),
        // `learncity serve`: JSON-RPC methods mapped to engine calls.
        .target(name: "LearncityServe", dependencies: ["LearningCities", "JSONRPC", "LearncityReport"]),
        // The Model Context Protocol server: an interface beside the CLI and serve.
        .target(name: "LearncityMCP", dependencies: ["LearningCities", "JSONRPC", "LearncityServe", "LearncityReport"]),
        // HTML partner reports and network maps (inline SVG, Equal Earth): an interface beside the CLI.
        .target(name: "LearncityReport", dependencies: ["LearningCities"]),
        // The command-line interface.
        .executableTarget(
            name: "learncity",
            dependencies: [
                "LearningCities",
                "JSONRPC",
                "LearncityServe",
                "LearncityMCP",
                "LearncityReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Bench only: plain Xapian with TermGenerator/QueryParser defaults, the baseline.
        .target(
            name: "XapianBaseline",
            linkerSettings: [.linkedLibrary("xapian")]
        ),
        // The benchmark: learncity side by side with the baseline, one run, one machine.
        .executableTarget(
            name: "learncity-bench",
            dependencies: [
                "LearningCities",
                "XapianKit",
                "XapianBaseline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "XapianKitTests", dependencies: ["XapianKit"]),
        .testTarget(name: "LearningCitiesTests", dependencies: ["LearningCities"]),
        .testTarget(name: "JSONRPCTests", dependencies: ["JSONRPC"]),
        .testTarget(name: "LearncityReportTests", dependencies: ["LearncityReport", "LearningCities"]),
        .testTarget(name: "LearncityMCPTests", dependencies: ["LearncityMCP", "LearningCities", "JSONRPC"]),
        .testTarget(name: "LearncityServeTests", dependencies: ["LearncityServe", "LearningCities", "JSONRPC"]),
        .testTarget(name: "CLITests", dependencies: ["LearningCities", "learncity"], exclude: ["Fixtures"]),
        // What each fuzz target does with one input (Fuzz/Harness), and the
        // normal test that replays every saved finding (Fuzz/regressions) through it.
        .target(name: "FuzzHarness", dependencies: ["LearningCities", "JSONRPC", "LearncityServe"], path: "Fuzz/Harness"),
        .testTarget(name: "FuzzRegressionTests", dependencies: ["FuzzHarness"]),
    ],
    cxxLanguageStandard: .cxx17
)

// Fuzz targets (Fuzz/, run by scripts/fuzz): declared only when LEARNCITY_FUZZ
// is set, so the normal build and tests never see them. scripts/fuzz builds
// them in their own scratch folder with libFuzzer and AddressSanitizer.
if Context.environment["LEARNCITY_FUZZ"] != nil {
    let fuzzFlags: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]
    package.targets += [
        .target(name: "FuzzSupport", path: "Fuzz/Support"),
        .executableTarget(name: "fuzz-query", dependencies: ["FuzzSupport", "FuzzHarness"],
                          path: "Fuzz/query", swiftSettings: fuzzFlags),
        .executableTarget(name: "fuzz-rpc", dependencies: ["FuzzSupport", "FuzzHarness"],
                          path: "Fuzz/rpc", swiftSettings: fuzzFlags),
        .executableTarget(name: "fuzz-corpus", dependencies: ["FuzzSupport", "FuzzHarness"],
                          path: "Fuzz/corpus", swiftSettings: fuzzFlags),
        .executableTarget(name: "fuzz-vocab-stub", dependencies: ["FuzzSupport", "FuzzHarness"],
                          path: "Fuzz/vocab-stub", swiftSettings: fuzzFlags),
    ]
}

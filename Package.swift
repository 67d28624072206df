// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "learncity",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "learncity", targets: ["learncity"]),
        .library(name: "LearningCities", targets: ["LearningCities"]),
        .library(name: "XapianKit", targets: ["XapianKit"]),
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
        // The engine: corpus, analysis, index, search, recommend, protocol.
        // The engine's bilingual programme vocabulary ships as a resource.
        .target(name: "LearningCities", dependencies: ["XapianKit"], resources: [.copy("Resources/vocabulary")]),
        // The command-line interface.
        .executableTarget(
            name: "learncity",
            dependencies: [
                "LearningCities",
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
        .testTarget(name: "CLITests", dependencies: ["LearningCities", "learncity"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v5],
    cxxLanguageStandard: .cxx17
)

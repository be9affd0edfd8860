// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "yjstat",
    products: [
        .library(name: "YJStat", targets: ["YJStat"]),
        .executable(name: "yjstat", targets: ["yjstat"]),
    ],
    traits: [
        .trait(
            name: "LAPACKE",
            description: "Solve linear systems with the system LAPACKE (apt: liblapacke-dev) instead of the pure-Swift fallback."
        ),
        .default(enabledTraits: []),
    ],
    targets: [
        .systemLibrary(
            name: "CLAPACKE",
            path: "Sources/CLAPACKE",
            pkgConfig: "lapacke",
            providers: [.apt(["liblapacke-dev"])]
        ),
        .target(
            name: "YJStat",
            dependencies: [
                .target(name: "CLAPACKE", condition: .when(traits: ["LAPACKE"])),
            ],
            path: "Sources/YJStat",
            exclude: ["Inspection/Frameworks"]
        ),
        .target(name: "ArgumentParsing", path: "Sources/ArgumentParsing"),
        .target(
            name: "YJStatSynthetic",
            dependencies: ["YJStat"],
            path: "Sources/YJStatSynthetic"
        ),
        .target(
            name: "YJStatCLI",
            dependencies: ["YJStat", "YJStatSynthetic", "ArgumentParsing"],
            path: "Sources/YJStatCLI"
        ),
        .executableTarget(
            name: "yjstat",
            dependencies: ["YJStatCLI", "YJStat"],
            path: "Sources/yjstat"
        ),
        .target(name: "NotebookSupport", dependencies: ["YJStat", "ArgumentParsing"], path: "Notebooks/NotebookSupport"),
        .executableTarget(name: "notebook-sampling", dependencies: ["YJStat", "NotebookSupport"], path: "Notebooks/notebook-sampling"),
        .executableTarget(name: "notebook-ratings", dependencies: ["YJStat", "NotebookSupport"], path: "Notebooks/notebook-ratings"),
        .executableTarget(name: "notebook-disproportionality", dependencies: ["YJStat", "NotebookSupport"], path: "Notebooks/notebook-disproportionality"),
        .executableTarget(name: "notebook-comparisons", dependencies: ["YJStat", "NotebookSupport"], path: "Notebooks/notebook-comparisons"),
        .testTarget(
            name: "YJStatTests",
            dependencies: ["YJStat", "YJStatSynthetic"],
            path: "Tests/YJStatTests",
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "YJStatSyntheticTests",
            dependencies: ["YJStatSynthetic", "YJStat"],
            path: "Tests/YJStatSyntheticTests"
        ),
        .testTarget(
            name: "NotebookSupportTests",
            dependencies: ["NotebookSupport", "YJStat"],
            path: "Tests/NotebookSupportTests"
        ),
        .testTarget(
            name: "ArgumentParsingTests",
            dependencies: ["ArgumentParsing"],
            path: "Tests/ArgumentParsingTests"
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["YJStatCLI", "YJStat", "YJStatSynthetic", "yjstat", "notebook-sampling", "notebook-ratings", "notebook-disproportionality", "notebook-comparisons"],
            path: "Tests/CLITests"
        ),
    ]
)

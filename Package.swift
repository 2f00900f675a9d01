// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "TechTracker",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "techtracker", targets: ["techtracker"]),
        .library(name: "TechTrackerCore", targets: ["TechTrackerCore"]),
        // Libraries the benchmarks in Benchmarks/ (a package of their own) build on.
        .library(name: "TechTrackerIngest", targets: ["TechTrackerIngest"]),
        .library(name: "TechTrackerClassify", targets: ["TechTrackerClassify"]),
        .library(name: "TechTrackerTaxonomy", targets: ["TechTrackerTaxonomy"]),
        .library(name: "TechTrackerMeasure", targets: ["TechTrackerMeasure"]),
        .library(name: "TechTrackerStore", targets: ["TechTrackerStore"]),
        .library(name: "TechTrackerSynth", targets: ["TechTrackerSynth"]),
        .library(name: "TechTrackerPipeline", targets: ["TechTrackerPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.0"),
    ],
    targets: [
        // zlib from the system (Debian: zlib1g-dev).
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // Pure model and maths: no I/O.
        .target(name: "TechTrackerCore"),
        // Streaming gzip in and out.
        .target(name: "TechTrackerGzip", dependencies: ["CZlib"]),
        // Reading exports: JSON scanner, OpenAlex records, files and folders.
        .target(name: "TechTrackerIngest", dependencies: ["TechTrackerCore", "TechTrackerGzip"]),
        // The embedded SQLite store.
        .target(name: "TechTrackerStore", dependencies: [
            "TechTrackerCore",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        // The calibrated synthetic corpus.
        .target(name: "TechTrackerSynth", dependencies: ["TechTrackerCore", "TechTrackerGzip"]),
        // Technology definitions: the shipped technologies.yaml and analysts' own files.
        .target(name: "TechTrackerTaxonomy", dependencies: [
            "TechTrackerCore", "TechTrackerClassify", .product(name: "Yams", package: "Yams"),
        ], resources: [.copy("technologies.yaml"), .copy("groups.yaml")]),
        // The indicators of METHOD §3-§9, computed in memory from the analysis columns: pure, no
        // store and no terminal (the store is read into those columns by TechTrackerPipeline).
        // Exact decisions at boundaries (METHOD §5) add rationals with unbounded parts.
        .target(name: "TechTrackerMeasure", dependencies: [
            "TechTrackerCore", .product(name: "BigInt", package: "BigInt"),
        ]),
        // Terminal tables and banners.
        .target(name: "TechTrackerPresent", dependencies: ["TechTrackerCore", "TechTrackerMeasure", "TechTrackerClassify"]),
        // Runs of the pipeline's stages: ingest into the store, the demo.
        .target(name: "TechTrackerPipeline", dependencies: [
            "TechTrackerCore", "TechTrackerGzip", "TechTrackerIngest", "TechTrackerStore",
            "TechTrackerClassify", "TechTrackerTaxonomy", "TechTrackerMeasure",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Technology queries: the query language, a reference evaluator and the compiled matcher.
        .target(name: "TechTrackerClassify", dependencies: ["TechTrackerCore"]),
        // The command-line tool.
        .executableTarget(name: "techtracker", dependencies: [
            "TechTrackerCore", "TechTrackerStore", "TechTrackerSynth",
            "TechTrackerMeasure", "TechTrackerPresent", "TechTrackerPipeline",
            "TechTrackerClassify", "TechTrackerTaxonomy",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "TechTrackerCoreTests", dependencies: ["TechTrackerCore"]),
        .testTarget(name: "TechTrackerGzipTests", dependencies: ["TechTrackerGzip"]),
        .testTarget(name: "TechTrackerIngestTests", dependencies: ["TechTrackerIngest", "TechTrackerGzip", "TechTrackerCore"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "TechTrackerStoreTests", dependencies: ["TechTrackerStore", "TechTrackerCore"]),
        .testTarget(name: "TechTrackerMeasureTests", dependencies: ["TechTrackerMeasure", "TechTrackerCore"]),
        .testTarget(name: "TechTrackerPresentTests", dependencies: ["TechTrackerPresent", "TechTrackerClassify", "TechTrackerCore"]),
        .testTarget(name: "TechTrackerTaxonomyTests", dependencies: ["TechTrackerTaxonomy", "TechTrackerClassify", "TechTrackerCore"]),
        .testTarget(name: "TechTrackerPipelineTests", dependencies: [
            "TechTrackerPipeline", "TechTrackerMeasure", "TechTrackerStore", "TechTrackerGzip", "TechTrackerSynth",
            "TechTrackerTaxonomy", "TechTrackerPresent", "TechTrackerIngest", "TechTrackerClassify", "TechTrackerCore",
        ]),
        .testTarget(name: "TechTrackerClassifyTests", dependencies: ["TechTrackerClassify"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "TechTrackerSynthTests", dependencies: ["TechTrackerSynth", "TechTrackerGzip", "TechTrackerCore"]),
    ]
)

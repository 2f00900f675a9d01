// swift-tools-version:6.1
import PackageDescription

/// Language features of the next Swift mode, on in every target: `any` spelled out for
/// existentials, imports internal unless marked `public import` (so a public API that leaks a
/// dependency's type, such as a database connection, does not compile), and members visible
/// only from modules a file imports itself.
let upcomingFeatures: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

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
        // Exact versions: the ones built and tested with (README, "Building"). Package.resolved
        // is not committed, so these lines alone make a build reproducible.
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/attaswift/BigInt", exact: "6.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
    ],
    targets: [
        // zlib from the system (Debian: zlib1g-dev).
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // Pure model and maths: no I/O.
        .target(name: "TechTrackerCore", swiftSettings: upcomingFeatures),
        // Streaming gzip in and out.
        .target(name: "TechTrackerGzip", dependencies: ["CZlib"], swiftSettings: upcomingFeatures),
        // Reading exports: JSON scanner, OpenAlex records, files and folders.
        .target(
            name: "TechTrackerIngest",
            dependencies: ["TechTrackerCore", "TechTrackerGzip"],
            swiftSettings: upcomingFeatures
        ),
        // The embedded SQLite store: the only module that imports GRDB; the others reach the
        // store through its API.
        .target(
            name: "TechTrackerStore",
            dependencies: [
                "TechTrackerCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: upcomingFeatures
        ),
        // Technology queries: the query language, a reference evaluator and the compiled matcher.
        .target(name: "TechTrackerClassify", dependencies: ["TechTrackerCore"], swiftSettings: upcomingFeatures),
        // The indicators of METHOD §3-§9, computed in memory from the analysis columns: pure, no
        // store and no terminal (the store is read into those columns by TechTrackerPipeline).
        // Exact decisions at boundaries (METHOD §5) add rationals with unbounded parts.
        .target(
            name: "TechTrackerMeasure",
            dependencies: ["TechTrackerCore", .product(name: "BigInt", package: "BigInt")],
            swiftSettings: upcomingFeatures
        ),
        // The calibrated synthetic corpus.
        .target(
            name: "TechTrackerSynth",
            dependencies: ["TechTrackerCore", "TechTrackerGzip"],
            swiftSettings: upcomingFeatures
        ),
        // Technology definitions: the shipped technologies.yaml and analysts' own files. The
        // shipped YAML files are built into the code (EmbedTextFiles), not copied as resources: a
        // binary copied alone (to a cluster node, into an empty folder) has no bundle beside it.
        .target(
            name: "TechTrackerTaxonomy",
            dependencies: ["TechTrackerCore", "TechTrackerClassify", .product(name: "Yams", package: "Yams")],
            exclude: ["technologies.yaml", "groups.yaml"],
            swiftSettings: upcomingFeatures,
            plugins: ["EmbedTextFiles"]
        ),
        // Writes text files into a Swift source as string constants, for the plugin below.
        .executableTarget(name: "TextEmbedder", swiftSettings: upcomingFeatures),
        .plugin(name: "EmbedTextFiles", capability: .buildTool(), dependencies: ["TextEmbedder"]),
        // Terminal tables, reports, banners and export files.
        .target(
            name: "TechTrackerPresent",
            dependencies: ["TechTrackerCore", "TechTrackerMeasure", "TechTrackerClassify"],
            swiftSettings: upcomingFeatures
        ),
        // The read-only web dashboard (`techtracker serve`) over a `DashboardModel` held in memory:
        // it never reaches the store.
        .target(
            name: "TechTrackerServer",
            dependencies: [
                "TechTrackerCore", "TechTrackerPresent", .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: upcomingFeatures
        ),
        // `techtracker harvest`: technology queries turned into OpenAlex API searches, pages fetched
        // with URLSession (rate limit, retries, resume from a checkpoint) and written as gzipped
        // JSON Lines that ingest reads; no store, no terminal.
        .target(
            name: "TechTrackerHarvest",
            dependencies: ["TechTrackerCore", "TechTrackerClassify", "TechTrackerIngest", "TechTrackerGzip"],
            swiftSettings: upcomingFeatures
        ),
        // Runs of the pipeline's stages: ingest into the store, the store read into analysis
        // columns, classify, analyze.
        .target(
            name: "TechTrackerPipeline",
            dependencies: [
                "TechTrackerCore", "TechTrackerGzip", "TechTrackerIngest", "TechTrackerStore",
                "TechTrackerClassify", "TechTrackerTaxonomy", "TechTrackerMeasure", "TechTrackerSynth",
            ],
            swiftSettings: upcomingFeatures
        ),
        // The command-line tool.
        .executableTarget(
            name: "techtracker",
            dependencies: [
                "TechTrackerCore", "TechTrackerStore", "TechTrackerSynth",
                "TechTrackerMeasure", "TechTrackerPresent", "TechTrackerPipeline",
                "TechTrackerClassify", "TechTrackerTaxonomy", "TechTrackerIngest", "TechTrackerServer",
                "TechTrackerHarvest",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(name: "TechTrackerCoreTests", dependencies: ["TechTrackerCore"], swiftSettings: upcomingFeatures),
        .testTarget(
            name: "TechTrackerGzipTests", dependencies: ["TestScratch", "TechTrackerGzip"],
            swiftSettings: upcomingFeatures),
        .testTarget(
            name: "TechTrackerIngestTests",
            dependencies: ["TestScratch", "TechTrackerIngest", "TechTrackerGzip", "TechTrackerCore"],
            resources: [.copy("Fixtures")],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "TechTrackerStoreTests",
            dependencies: [
                "TestScratch", "TechTrackerStore", "TechTrackerCore", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "TechTrackerMeasureTests",
            dependencies: ["TechTrackerMeasure", "TechTrackerCore"],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "TechTrackerPresentTests",
            dependencies: ["TestScratch", "TechTrackerPresent", "TechTrackerClassify", "TechTrackerCore"],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "TechTrackerServerTests",
            dependencies: [
                "TechTrackerServer", "TechTrackerPresent", "TechTrackerCore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                // The request and response types (HummingbirdTesting does not re-export them).
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "TechTrackerTaxonomyTests",
            dependencies: ["TestScratch", "TechTrackerTaxonomy", "TechTrackerClassify", "TechTrackerCore"],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "TechTrackerPipelineTests",
            dependencies: [
                "TestScratch", "TechTrackerPipeline", "TechTrackerMeasure", "TechTrackerStore", "TechTrackerGzip",
                "TechTrackerSynth", "TechTrackerTaxonomy", "TechTrackerPresent", "TechTrackerIngest",
                "TechTrackerClassify", "TechTrackerCore",
                // Only to read a store's rows as SQLite holds them, beside the store's own API.
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "TechTrackerClassifyTests",
            dependencies: ["TechTrackerClassify"],
            resources: [.copy("Fixtures")],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "TechTrackerSynthTests",
            dependencies: [
                "TestScratch", "TechTrackerSynth", "TechTrackerGzip", "TechTrackerTaxonomy", "TechTrackerCore",
            ],
            swiftSettings: upcomingFeatures
        ),
        // Where the tests put their files: one folder per test process, removed at exit.
        .target(name: "TestScratch", path: "Tests/TestScratch", swiftSettings: upcomingFeatures),
        // A local OpenAlex stand-in for the harvest's tests: recorded pages served over real HTTP,
        // with rate limits, server errors, slow answers and dropped connections on demand.
        .target(
            name: "HarvestTestServer",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            path: "Tests/HarvestTestServer",
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "TechTrackerHarvestTests",
            dependencies: [
                "TestScratch", "TechTrackerHarvest", "HarvestTestServer", "TechTrackerClassify", "TechTrackerTaxonomy",
                "TechTrackerIngest", "TechTrackerGzip", "TechTrackerCore",
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: upcomingFeatures
        ),
        // The command line as a user runs it: the built binary as a process (the dependency makes
        // SwiftPM build it first, beside the tests); stores are checked with SQLite itself.
        .testTarget(
            name: "techtrackerTests",
            dependencies: [
                "TestScratch", "techtracker", "HarvestTestServer", .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: upcomingFeatures
        ),
    ]
)

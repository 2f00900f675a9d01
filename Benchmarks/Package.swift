// swift-tools-version:6.1
// Micro-benchmarks of TechTracker's hot paths, a package of their own so that the benchmark
// library and its plugins never enter the main package's build, `swift test` or CI.
//
//     cd Benchmarks && swift package --disable-sandbox benchmark
//
// (`scripts/bench.sh` runs them with `techtracker bench` and prints the README's table.)
import PackageDescription

/// A benchmark executable: `Benchmarks/NAME/NAME.swift`, built with the benchmark plugin.
func benchmarkTarget(_ name: String, _ products: [String], resources: [Resource]? = nil) -> Target {
    .executableTarget(
        name: name,
        dependencies: [.product(name: "Benchmark", package: "benchmark")]
            + products.map { .product(name: $0, package: "TechTracker") },
        path: "Benchmarks/\(name)",
        resources: resources,
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}

let package = Package(
    name: "TechTrackerBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // Named, so that the products resolve whatever the checkout's folder is called.
        .package(name: "TechTracker", path: ".."),
        // The malloc interposer gives the allocation counts in the tables.
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        benchmarkTarget("IngestBenchmarks", ["TechTrackerIngest", "TechTrackerCore"], resources: [.copy("Resources")]),
        benchmarkTarget(
            "ClassifyBenchmarks", ["TechTrackerClassify", "TechTrackerTaxonomy"], resources: [.copy("Resources")]),
        benchmarkTarget("MeasureBenchmarks", ["TechTrackerMeasure", "TechTrackerCore"]),
        benchmarkTarget(
            "PipelineBenchmarks",
            ["TechTrackerPipeline", "TechTrackerStore", "TechTrackerSynth", "TechTrackerTaxonomy", "TechTrackerCore"]),
    ]
)

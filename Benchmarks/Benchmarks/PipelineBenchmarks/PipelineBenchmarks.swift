import Benchmark
import Foundation
import TechTrackerCore
import TechTrackerPipeline
import TechTrackerStore
import TechTrackerSynth
import TechTrackerTaxonomy

/// The analysis-corpus load (the first stage of `analyze`): a small store, made once from a
/// synthetic corpus, read into the analysis columns. Only the pipeline's public entry points
/// are used (generate, ingest, classify, load), so a change inside them needs no change here.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 2,
        maxDuration: .seconds(3),
        maxIterations: 1_000
    )

    let works = 2_000
    Benchmark("Pipeline: load a 2,000-work store into analysis columns") { benchmark, store in
        for _ in benchmark.scaledIterations {
            do {
                blackHole(try AnalysisCorpusLoader.load(from: store.store))
            } catch {
                benchmark.error("loading the store failed: \(error)")
            }
        }
    } setup: {
        try BenchmarkStore(works: works)
    } teardown: {
        BenchmarkStore.removeAll()
    }
}

/// A store built from a synthetic corpus (fixed seed) with the shipped taxonomy's
/// classification, in a temporary folder removed after the benchmark.
final class BenchmarkStore: Sendable {
    /// The store, open for reading and writing.
    let store: WorkStore

    /// Where every store of this process is built.
    static let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("techtracker-benchmark-\(ProcessInfo.processInfo.processIdentifier)").path

    /// Generates `works` works, ingests them and classifies them with the shipped taxonomy.
    init(works: Int) throws {
        let corpus = Self.folder + "/corpus-\(works)"
        let configuration = SyntheticCorpusConfiguration(works: works, seed: 42)
        try configuration.validate()
        _ = try SyntheticCorpusGenerator(configuration: configuration).write(to: corpus)
        store = try WorkStore(path: Self.folder + "/store-\(works).sqlite")
        _ = try IngestRun(inputs: [corpus], options: IngestOptions(), log: { _ in }).run(into: store)
        _ = try ClassifyRun(taxonomy: try Taxonomy.load(path: nil)).run(on: store)
    }

    /// Removes every store and corpus this process built.
    static func removeAll() {
        try? FileManager.default.removeItem(atPath: folder)
    }
}

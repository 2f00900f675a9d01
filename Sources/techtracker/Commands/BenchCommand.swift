import ArgumentParser
import Foundation
import TechTrackerCore
import TechTrackerPipeline
import TechTrackerPresent
import TechTrackerStore
import TechTrackerTaxonomy

/// `techtracker bench`: throughput measurements, printed as a table (never asserted).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure throughput on a generated corpus and print a table.",
        subcommands: [BenchIngestCommand.self, BenchClassifyCommand.self, BenchAnalyzeCommand.self],
        defaultSubcommand: BenchIngestCommand.self
    )
}

/// `techtracker bench ingest`: generate (if needed), inflate, scan, ingest.
struct BenchIngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Generation, inflate, JSON scanning alone (1 thread and all cores) and .gz into the store.",
        discussion: "The corpus is written once to DIR/corpus-N-seedS and reused by later runs."
    )

    @Option(parsing: .unconditional, help: "Works in the benchmark corpus (\(OptionRange.text(OptionRange.works))).")
    var works = 1_000_000

    @Option(parsing: .unconditional, help: "Random seed of the corpus (\(OptionRange.seedText)).")
    var seed: UInt64 = 42

    @Option(help: ArgumentHelp("Folder for the corpus and the benchmark store.", valueName: "dir"))
    var dir = "bench-data"

    @Option(parsing: .unconditional,
            help: "Cap, in MB, on the JSON held in memory for the scan-only stage (\(OptionRange.text(OptionRange.scanSampleMB))).")
    var scanSampleMB = 1024

    func validate() throws {
        try OptionRange.check(works, OptionRange.works, option: "--works")
        try OptionRange.check(scanSampleMB, OptionRange.scanSampleMB, option: "--scan-sample-mb")
    }

    func run() throws {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let corpus = dir + "/corpus-\(works)-seed\(seed)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var rows: [IngestBenchmark.Measurement] = []
        if !CorpusGeneration.isComplete(corpus) {
            Console.error("generating \(works) works into \(corpus) …")
            let summary = try CorpusGeneration.run(works: works, seed: seed, from: 2003, to: 2024, parts: nil,
                                                   outDir: corpus, quiet: false)
            rows.append(IngestBenchmark.Measurement(stage: "generate (JSON + gzip -1)", threads: cores, works: summary.works,
                                                    bytes: summary.uncompressedBytes, seconds: summary.seconds))
        }
        var benchmark = try IngestBenchmark(corpusDirectory: corpus)
        benchmark.scanSampleBytes = scanSampleMB << 20
        Console.error("inflating …")
        rows.append(try benchmark.measureInflate())
        Console.error("scanning …")
        rows.append(try benchmark.measureScan(threads: 1))
        if cores > 1 { rows.append(try benchmark.measureScan(threads: cores)) }
        Console.error("ingesting …")
        rows.append(try benchmark.measureIngest(storePath: dir + "/bench.sqlite", readers: cores))

        var table = TextTable(headers: ["stage", "threads", "works", "MB (JSON)", "seconds", "works/s", "MB/s"])
        for row in rows {
            table.append([row.stage, String(row.threads), NumberFormatting.grouped(row.works),
                          NumberFormatting.grouped(row.bytes / 1_000_000), String(format: "%.1f", row.seconds),
                          NumberFormatting.grouped(Int(row.worksPerSecond)), String(format: "%.0f", row.megabytesPerSecond)])
        }
        Console.out("SYNTHETIC DATA corpus: \(corpus) (\(benchmark.files.count) .gz parts); machine: \(cores) cores")
        Console.out(table.render())
    }
}

/// `techtracker bench classify`: the 74 queries over the benchmark store, 1 thread and all cores.
struct BenchClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Classify the benchmark store (made by `bench ingest`) with the shipped taxonomy, on 1 thread and on all cores."
    )

    @OptionGroup var benchStore: BenchStoreOptions

    func run() throws {
        let (store, path) = try benchStore.open(needs: "`techtracker bench ingest`")
        let taxonomy = try Taxonomy.load(path: nil)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        var table = TextTable(headers: ["stage", "threads", "works", "seconds", "works/s"])
        for threads in Set([1, cores]).sorted() {
            var run = ClassifyRun(taxonomy: taxonomy)
            run.threads = threads
            Console.error("classifying on \(threads) thread(s) …")
            let summary = try run.run(on: store)
            table.append(["read + match 74 queries", String(threads), NumberFormatting.grouped(summary.works),
                          String(format: "%.1f", summary.matchSeconds), NumberFormatting.grouped(Int(Double(summary.works) / max(summary.matchSeconds, 1e-9)))])
            table.append(["classify incl. writing memberships", String(threads), NumberFormatting.grouped(summary.works),
                          String(format: "%.1f", summary.seconds), NumberFormatting.grouped(Int(Double(summary.works) / max(summary.seconds, 1e-9)))])
        }
        Console.out("SYNTHETIC DATA store: \(path); taxonomy: \(taxonomy.technologies.count) technologies; machine: \(cores) cores")
        Console.out(table.render())
    }
}

/// `techtracker bench analyze`: every indicator on the benchmark store (made by `bench ingest`
/// and `bench classify`), with the default settings.
struct BenchAnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyze the benchmark store: 74 technologies × all windows × both countings × 1000 draws; prints the time per stage."
    )

    @OptionGroup var benchStore: BenchStoreOptions

    func run() throws {
        let (store, path) = try benchStore.open(needs: "`techtracker bench ingest` and `bench classify`")
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let works = try store.workCount()
        var settings = AnalysisSettings()
        settings.groups = try GroupDefinitions.builtIn()  // as `analyze` measures them by default
        let (results, timings) = try AnalyzeRun(settings: settings).run(on: store)
        let windows = Set(results.technologySummaries.map(\.windowStart)).count
        var table = TextTable(headers: ["stage", "threads", "seconds"])
        table.append(["load store into columns", "1", String(format: "%.1f", timings.load)])
        table.append(["compute (\(Set(results.technologySummaries.map(\.technology)).count) technologies × \(windows) windows × 2 countings, 1000 draws)",
                      String(cores), String(format: "%.1f", timings.compute)])
        table.append(["store results", "1", String(format: "%.1f", timings.save)])
        table.append(["total", "", String(format: "%.1f", timings.load + timings.compute + timings.save)])
        Console.out("SYNTHETIC DATA store: \(path) (\(NumberFormatting.grouped(works)) works); machine: \(cores) cores")
        Console.out(table.render())
    }
}

/// `--dir DIR` of the benchmarks that run on the store `bench ingest` left in DIR/bench.sqlite.
struct BenchStoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Folder of the benchmark store (DIR/bench.sqlite).", valueName: "dir"))
    var dir = "bench-data"

    /// Opens the store; says which benchmark to run first when it is missing.
    func open(needs: String) throws -> (store: WorkStore, path: String) {
        let path = dir + "/bench.sqlite"
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure("no \(path): run \(needs) with --dir \(dir) first")
        }
        return (try StoreOptions(storePath: path).openForWriting(), path)
    }
}

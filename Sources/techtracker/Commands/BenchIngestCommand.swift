import ArgumentParser
import Foundation
import TechTrackerPipeline
import TechTrackerPresent
import TechTrackerSynth

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
    var seed = SyntheticCorpusConfiguration.defaultSeed

    @Option(help: ArgumentHelp("Folder for the corpus and the benchmark store.", valueName: "dir"))
    var dir = BenchCommand.defaultDir

    @Option(
        parsing: .unconditional,
        help: """
            Cap, in MB, on the JSON held in memory for the scan-only stage \
            (\(OptionRange.text(OptionRange.scanSampleMB))).
            """
    )
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
            let summary = try CorpusGeneration.run(
                works: works, seed: seed, from: SyntheticCorpusConfiguration.defaultFromYear,
                to: SyntheticCorpusConfiguration.defaultToYear, parts: nil,
                outDir: corpus, quiet: false)
            rows.append(
                IngestBenchmark.Measurement(
                    stage: "generate (JSON + gzip -1)", threads: cores, works: summary.works,
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
            table.append([
                row.stage, String(row.threads), NumberFormatting.grouped(row.works),
                NumberFormatting.grouped(row.bytes / 1_000_000), String(format: "%.1f", row.seconds),
                NumberFormatting.grouped(Int(row.worksPerSecond)), String(format: "%.0f", row.megabytesPerSecond),
            ])
        }
        Console.out("SYNTHETIC DATA corpus: \(corpus) (\(benchmark.files.count) .gz parts); machine: \(cores) cores")
        Console.out(table.render())
    }
}

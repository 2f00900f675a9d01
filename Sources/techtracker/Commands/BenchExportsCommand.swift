import ArgumentParser
import Foundation
import TechTrackerPipeline
import TechTrackerPresent
import TechTrackerSynth

#if canImport(Glibc)
import Glibc
#endif

/// `techtracker bench exports`: how fast Web of Science tab-delimited exports are read.
struct BenchExportsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exports",
        abstract: "Web of Science tab-delimited export: byte scan, read, read + map, ingest (SYNTHETIC records).",
        discussion: """
            The export is generated in memory (invented records with the field sizes of real ones) and \
            written to DIR/exports as files of 1,000 records for the ingest stage. Each stage is compared \
            with the byte scan, the limit of any reader of the layout.
            """
    )

    @Option(parsing: .unconditional, help: "Records in the export (\(OptionRange.text(OptionRange.exportRecords))).")
    var records = 5000

    @Option(parsing: .unconditional, help: "Random seed of the records (\(OptionRange.seedText)).")
    var seed = SyntheticCorpusConfiguration.defaultSeed

    @Option(
        help: ArgumentHelp(
            "Measure on this Web of Science tab-delimited export instead of generated records.", valueName: "file"))
    var file: String?

    @Option(help: ArgumentHelp("Folder for the export files and the benchmark store.", valueName: "dir"))
    var dir = BenchCommand.defaultDir

    func validate() throws {
        try OptionRange.check(records, OptionRange.exportRecords, option: "--records")
    }

    func run() throws {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let benchmark: ExportBenchmark
        if let file {
            benchmark = try ExportBenchmark(exportAt: file)
        } else {
            Console.error("generating \(records) records …")
            benchmark = ExportBenchmark(records: records, seed: seed)
        }
        let scan = benchmark.measureByteScan()
        Console.error("reading …")
        var rows = [scan, benchmark.measureRead(), benchmark.measureReadAndMap(threads: 1)]
        if cores > 1 { rows.append(benchmark.measureReadAndMap(threads: cores)) }
        Console.error("ingesting …")
        rows.append(try benchmark.measureIngest(folder: dir + "/exports-bench", readers: cores))

        var table = TextTable(headers: ["stage", "threads", "records", "MB", "seconds", "records/s", "MB/s", "× scan"])
        for row in rows {
            table.append([
                row.stage, String(row.threads), NumberFormatting.grouped(row.works),
                String(format: "%.1f", Double(row.bytes) / 1e6), String(format: "%.3f", row.seconds),
                NumberFormatting.grouped(Int(row.worksPerSecond)), String(format: "%.0f", row.megabytesPerSecond),
                String(format: "%.0f", row.seconds / max(scan.seconds, 1e-9)),
            ])
        }
        let what =
            benchmark.isSynthetic
            ? "SYNTHETIC DATA: Web of Science tab-delimited export of \(benchmark.records) invented records"
            : "Web of Science tab-delimited export \(file ?? ""), \(benchmark.records) records"
        Console.out("\(what); machine: \(cores) cores; peak memory \(PeakMemory.bytes() >> 20) MB")
        Console.out(table.render())
    }
}

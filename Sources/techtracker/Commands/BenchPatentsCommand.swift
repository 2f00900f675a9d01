import ArgumentParser
import Foundation
import TechTrackerPipeline
import TechTrackerPresent
import TechTrackerStore

/// `techtracker bench patents`: `ingest-patents` on a generated Reliance on Science-shaped file.
struct BenchPatentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patents",
        abstract: "ingest-patents on a generated Reliance on Science-shaped file, beside zlib inflating it alone.",
        discussion: """
            Writes ROWS rows (gzipped) to a temporary folder, citing --works small synthetic works of a store \
            made beside the file (or works of the OpenAlex numbers --store holds: that store is only read), then \
            measures zlib inflating the file alone, the reader alone (inflate, parse, match to stored works; \
            nothing written) and ingest-patents into the store made, reading the file a first time and again. \
            The generated file and store are deleted after.
            """
    )

    @Option(parsing: .unconditional, help: "Rows in the generated file (\(OptionRange.text(OptionRange.patentRows))).")
    var rows = 10_000_000

    @Option(
        parsing: .unconditional,
        help: "Works of the store made when no --store is given (\(OptionRange.text(OptionRange.works))).")
    var works = 100_000

    @Option(
        name: .customLong("in-store-percent"), parsing: .unconditional,
        help: "Percent of rows citing a stored work (0…100); the rest cite works the store lacks.")
    var inStorePercent = 100

    @Option(
        help: ArgumentHelp(
            "A store whose OpenAlex work numbers the benchmark's store copies (only read).", valueName: "path"))
    var store: String?

    @Flag(help: "Measure inflating and the reader only, not the writes into the store (for profiling the reader).")
    var readOnly = false

    func validate() throws {
        try OptionRange.check(rows, OptionRange.patentRows, option: "--rows")
        try OptionRange.check(works, OptionRange.works, option: "--works")
        try OptionRange.check(inStorePercent, 0...100, option: "--in-store-percent")
    }

    func run() throws {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let loadBefore = Self.loadAverage()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "techtracker-bench-patents-\(UUID())"
        )
        .path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var numbers = PatentBenchmark.syntheticNumbers(works)
        if let store {
            let source = try StoreOptions.openForReading(store)
            numbers = try source.patentWorkIndex(includingDOIs: false).openAlexNumbers
            guard !numbers.isEmpty else { throw CommandFailure("\(store) holds no OpenAlex works to cite") }
        }
        Console.error("making a store of \(numbers.count) small works …")
        let workStore = try StoreOptions.openForWriting(folder + "/bench.sqlite")
        try PatentBenchmark.makeStore(workStore, numbers: numbers)
        Console.error("writing \(rows) rows …")
        let benchmark = try PatentBenchmark.writeFile(
            path: folder + "/SYNTHETIC_pcs_oa.csv.gz", rows: rows, works: numbers,
            inStoreShare: Double(inStorePercent) / 100)
        numbers = []
        Console.error("inflating …")
        let inflate = try benchmark.measureInflate()
        Console.error("reading …")
        let index = try workStore.patentWorkIndex(includingDOIs: false)
        var measured = [inflate, try benchmark.measureRead(index: index)]
        if !readOnly {
            Console.error("ingesting …")
            measured.append(
                try benchmark.measureIngest(into: workStore, stage: "ingest-patents (first read)", cutoffYear: 2024))
            Console.error("ingesting again …")
            measured.append(
                try benchmark.measureIngest(into: workStore, stage: "ingest-patents (read again)", cutoffYear: 2024))
            Console.error("reading the citations back …")
            measured.append(try benchmark.measureAnalysisRead(from: workStore))
        }

        var table = TextTable(headers: [
            "stage", "rows", "MB gz", "MB text", "seconds", "rows/s", "MB/s", "× inflate time",
        ])
        for row in measured {
            table.append([
                row.stage, NumberFormatting.grouped(row.rows),
                String(format: "%.0f", Double(row.compressedBytes) / 1e6),
                String(format: "%.0f", Double(row.textBytes) / 1e6), String(format: "%.2f", row.seconds),
                NumberFormatting.grouped(Int(row.rowsPerSecond)), String(format: "%.0f", row.megabytesPerSecond),
                String(format: "%.2f", row.seconds / max(inflate.seconds, 1e-9)),
            ])
        }
        let load = Self.loadAverage()
        Console.out(
            "SYNTHETIC DATA: \(NumberFormatting.grouped(rows)) Reliance on Science-shaped rows, \(inStorePercent)% "
                + "citing \(NumberFormatting.grouped(index.openAlexWorks)) stored works"
                + (store.map { " (the OpenAlex numbers of \($0))" } ?? "") + "; machine: \(cores) cores, "
                + "load average \(load) (before the run: \(loadBefore))")
        Console.out(table.render())
        for row in measured {
            guard let counts = row.counts, row.stage.hasPrefix("ingest") else { continue }
            Console.out("\(row.stage): " + PatentIngestReport.countsLine(counts))
        }
        Console.out("peak memory: \(PeakMemory.bytes() >> 20) MB (the process, all stages)")
    }

    /// The 1, 5 and 15-minute load averages (`/proc/loadavg`): the machine may be shared.
    static func loadAverage() -> String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?
            .split(separator: " ").prefix(3).joined(separator: " ") ?? "unknown"
    }
}

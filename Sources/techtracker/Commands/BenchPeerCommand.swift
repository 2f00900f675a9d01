import ArgumentParser
import Foundation
import TechTrackerCore
import TechTrackerMeasure
import TechTrackerPipeline
import TechTrackerPresent
import TechTrackerStore

/// `techtracker bench peer`: the core figure (fractional Share of top-10% works per technology,
/// window and country; METHOD §3-§5) computed by TechTracker and by DuckDB on the same data,
/// checked to agree, timed side by side.
struct BenchPeerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "peer",
        abstract:
            "The core figure (fractional Share of top-10% works, 74 technologies × all windows × countries) "
            + "computed by TechTracker and by DuckDB on the benchmark store, checked to agree; "
            + "prints the load and compute times side by side.",
        discussion: """
            Needs python3 with DuckDB (pip install duckdb). TechTracker loads the store made by \
            `bench ingest` and `bench classify` into its analysis columns and computes the figure with its \
            own indicator code; it then writes the works, credits and memberships as CSV tables to a \
            temporary folder, and scripts/duckdb_peer.py loads them into DuckDB, computes the figure in SQL \
            and compares every share with TechTracker's (to 1e-9).
            """
    )

    @OptionGroup var benchStore: BenchStoreOptions

    @Option(help: ArgumentHelp("The Python interpreter that has DuckDB.", valueName: "python"))
    var python = "python3"

    @Option(
        help: ArgumentHelp(
            "The DuckDB peer script (default: scripts/duckdb_peer.py here or beside the package of this binary).",
            valueName: "path"))
    var script: String?

    @Flag(help: "Keep the tables written for DuckDB (and both figures' CSVs) and say where.")
    var keepTables = false

    func run() throws {
        let peer = PeerScript(python: python, script: try scriptPath())
        do {
            try peer.checkDuckDB()
        } catch let error as PeerScriptError {
            throw CommandFailure(error.description)
        }
        let (store, path) = try benchStore.open(needs: "`techtracker bench ingest` and `bench classify`")
        guard try store.lastClassification() != nil else {
            throw CommandFailure(
                "\(path) is not classified: run `techtracker bench classify --dir \(benchStore.dir)` first")
        }
        let synthetic = try store.storedSources().contains(.synthetic)
        let cores = ProcessInfo.processInfo.activeProcessorCount

        Console.error("loading \(path) …")
        var clock = Date()
        let (corpus, source) = try AnalysisCorpusLoader.loadReportingSource(from: store)
        let load = Date().timeIntervalSince(clock)
        Console.error("computing the core figure …")
        clock = Date()
        let figures = FractionalShares(corpus)
        let rows = PeerBenchmark.shares(figures, corpus: corpus, threads: cores)
        let compute = Date().timeIntervalSince(clock)
        let peak = PeakMemory.bytes()

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("techtracker-peer-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        Console.error("writing DuckDB's tables to \(folder) …")
        clock = Date()
        let counts = try PeerBenchmark.writeTables(corpus, figures: figures, to: folder)
        let writeTables = Date().timeIntervalSince(clock)
        try PeerBenchmark.writeShares(rows, to: folder + "/shares.csv")
        Console.error("running \(peer.script) …")
        let report: PeerScript.Report
        do {
            report = try peer.run(tables: folder, expect: folder + "/shares.csv", threads: cores)
        } catch let error as PeerScriptError {
            // The tables stay for a look at what differed.
            throw CommandFailure("\(error.description); the tables are kept in \(folder)")
        }
        if keepTables {
            Console.error("tables kept in \(folder) (shares.csv: TechTracker's; duckdb_shares.csv: DuckDB's)")
        } else {
            try? FileManager.default.removeItem(atPath: folder)
        }

        let works = corpus.workCount
        let windows = PeerBenchmark.windows(corpus, kept: figures.kept)
        func seconds(_ value: Double) -> String { String(format: value < 10 ? "%.2f" : "%.1f", value) }
        func perSecond(_ value: Double) -> String { NumberFormatting.grouped(Int(Double(works) / max(value, 1e-9))) }
        func ratio(_ ours: Double, _ theirs: Double) -> String { String(format: "%.2f×", ours / max(theirs, 1e-9)) }
        var table = TextTable(headers: [
            "stage", "TechTracker s", "DuckDB s", "ratio (TechTracker / DuckDB)", "TechTracker works/s",
            "DuckDB works/s",
        ])
        let stages = [
            ("load", load, report.loadSeconds), ("compute", compute, report.computeSeconds),
            ("load + compute", load + compute, report.loadSeconds + report.computeSeconds),
        ]
        for (stage, ours, theirs) in stages {
            table.append([
                stage, seconds(ours), seconds(theirs), ratio(ours, theirs), perSecond(ours), perSecond(theirs),
            ])
        }
        let loadFrom =
            switch source {
            case .snapshot: "the store's analysis snapshot"
            case .works(let saved): "every stored work decoded\(saved ? " (snapshot saved for the next load)" : "")"
            }
        Console.out(
            "\(synthetic ? "SYNTHETIC DATA store" : "store"): \(path) (\(NumberFormatting.grouped(works)) works, "
                + "\(NumberFormatting.grouped(counts.keptWorks)) kept); machine: \(cores) cores; "
                + "DuckDB \(report.duckDBVersion) on \(report.threads) threads")
        Console.out(
            "core figure: Share of top-10% works, fractional counting, thresholds per technology and publication "
                + "year, for \(corpus.technologyIDs.count) technologies × \(windows.count) windows × countries: "
                + "\(NumberFormatting.grouped(rows.count)) rows; DuckDB's \(NumberFormatting.grouped(report.rows)) "
                + "agree to 1e-9")
        Console.out(table.render())
        Console.out(
            "load: TechTracker from \(loadFrom); DuckDB from CSV tables TechTracker wrote "
                + "(\(NumberFormatting.grouped(counts.bytes >> 20)) MB: \(NumberFormatting.grouped(counts.credits)) "
                + "credits, \(NumberFormatting.grouped(counts.memberships)) memberships; written in "
                + "\(seconds(writeTables)) s, not counted)")
        Console.out(
            "peak memory: TechTracker \(peak >> 20) MB (after compute); DuckDB process "
                + "\(Int(report.peakMegabytes.rounded())) MB")
    }

    /// The script: `--script`, else `scripts/duckdb_peer.py` in the current folder, else in the
    /// package this binary was built in (found above the binary's folder, `.build/release`).
    func scriptPath() throws -> String {
        if let script { return script }
        let relative = "scripts/duckdb_peer.py"
        var candidates = [FileManager.default.currentDirectoryPath + "/" + relative]
        if var folder = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() {
            for _ in 0..<5 {
                candidates.append(folder.appendingPathComponent(relative).path)
                folder = folder.deletingLastPathComponent()
            }
        }
        guard let found = candidates.first(where: FileManager.default.fileExists(atPath:)) else {
            throw CommandFailure(PeerScriptError.noScript(relative).description)
        }
        return found
    }
}

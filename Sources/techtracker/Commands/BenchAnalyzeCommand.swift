import ArgumentParser
import Foundation
import TechTrackerCore
import TechTrackerPipeline
import TechTrackerPresent
import TechTrackerStore

/// `techtracker bench analyze`: every indicator on the benchmark store (made by `bench ingest`
/// and `bench classify`), with the default settings.
struct BenchAnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract:
            "Analyze the benchmark store: 74 technologies × all windows × "
            + "\(CountingChoice(AnalysisSettings.defaultCountings).rawValue) countings "
            + "× \(AnalysisSettings.defaultBootstrapDraws) draws; prints the time per stage."
    )

    @OptionGroup var benchStore: BenchStoreOptions

    func run() throws {
        let (store, path) = try benchStore.open(needs: "`techtracker bench ingest` and `bench classify`")
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let settings = try AnalyzeCommand.defaultSettings()
        let (results, timings) = try AnalyzeRun(settings: settings).run(on: store)
        let windows = Set(results.technologySummaries.map(\.windowStart)).count
        let works = timings.works
        func seconds(_ value: Double) -> String { String(format: "%.1f", value) }
        func perSecond(_ value: Double) -> String { NumberFormatting.grouped(Int(Double(works) / max(value, 1e-9))) }
        func peak(_ bytes: Int) -> String {
            "\(bytes >> 20) MB (\(NumberFormatting.grouped(bytes / max(works, 1))) B/work)"
        }
        // The snapshot is read on one thread; decoding every work reads rows on one and builds
        // the columns on another.
        let (loadFrom, loadThreads) =
            switch timings.source {
            case .snapshot: ("load columns (analysis snapshot)", "1")
            case .works(let saved): ("load columns (every work decoded\(saved ? "; snapshot saved" : ""))", "2")
            }
        var table = TextTable(headers: ["stage", "threads", "seconds", "works/s", "peak memory after"])
        table.append([
            loadFrom, loadThreads, seconds(timings.load), perSecond(timings.load), peak(timings.peakAfterLoad),
        ])
        table.append([
            "prepare (credit tables, citation passes; part of compute)", "2", seconds(timings.prepare),
            perSecond(timings.prepare), peak(timings.peakAfterPrepare),
        ])
        table.append([
            "compute (\(Set(results.technologySummaries.map(\.technology)).count) technologies "
                + "× \(windows) windows × \(settings.countings.count) countings, "
                + "\(settings.bootstrapDraws) draws)",
            String(cores), seconds(timings.compute), perSecond(timings.compute), peak(timings.peakAfterCompute),
        ])
        table.append(["store results", "1", seconds(timings.save), "", peak(timings.peakAfterSave)])
        let total = timings.load + timings.compute + timings.save
        table.append(["total", "", seconds(total), perSecond(total), ""])
        Console.out(
            "SYNTHETIC DATA store: \(path) (\(NumberFormatting.grouped(works)) works); machine: \(cores) cores")
        Console.out(table.render())
    }
}

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
        let works = try store.workCount()
        let settings = try AnalyzeCommand.defaultSettings()
        let (results, timings) = try AnalyzeRun(settings: settings).run(on: store)
        let windows = Set(results.technologySummaries.map(\.windowStart)).count
        var table = TextTable(headers: ["stage", "threads", "seconds"])
        table.append(["load store into columns", "1", String(format: "%.1f", timings.load)])
        table.append([
            "compute (\(Set(results.technologySummaries.map(\.technology)).count) technologies "
                + "× \(windows) windows × \(settings.countings.count) countings, "
                + "\(settings.bootstrapDraws) draws)",
            String(cores), String(format: "%.1f", timings.compute),
        ])
        table.append(["store results", "1", String(format: "%.1f", timings.save)])
        table.append(["total", "", String(format: "%.1f", timings.load + timings.compute + timings.save)])
        Console.out("SYNTHETIC DATA store: \(path) (\(NumberFormatting.grouped(works)) works); machine: \(cores) cores")
        Console.out(table.render())
    }
}

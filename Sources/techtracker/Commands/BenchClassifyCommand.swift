import ArgumentParser
import Foundation
import TechTrackerPipeline
import TechTrackerPresent
import TechTrackerTaxonomy

/// `techtracker bench classify`: the 74 queries over the benchmark store, 1 thread and all cores.
struct BenchClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract:
            "Classify the benchmark store (made by `bench ingest`) with the shipped taxonomy, "
            + "on 1 thread and on all cores."
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
            table.append([
                "read + match 74 queries", String(threads), NumberFormatting.grouped(summary.works),
                String(format: "%.1f", summary.matchSeconds),
                NumberFormatting.grouped(Int(Double(summary.works) / max(summary.matchSeconds, 1e-9))),
            ])
            table.append([
                "classify incl. writing memberships", String(threads), NumberFormatting.grouped(summary.works),
                String(format: "%.1f", summary.seconds),
                NumberFormatting.grouped(Int(Double(summary.works) / max(summary.seconds, 1e-9))),
            ])
        }
        Console.out(
            "SYNTHETIC DATA store: \(path); taxonomy: \(taxonomy.technologies.count) technologies; "
                + "machine: \(cores) cores"
        )
        Console.out(table.render())
    }
}

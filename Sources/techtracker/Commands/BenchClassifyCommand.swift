import ArgumentParser
import Foundation
import TechTrackerPipeline
import TechTrackerPresent
import TechTrackerStore
import TechTrackerTaxonomy

/// `techtracker bench classify`: the 74 queries over the benchmark store, 1 thread and all cores,
/// with the token cache off, on its first run, and from it.
struct BenchClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract:
            "Classify the benchmark store (made by `bench ingest`) with the shipped taxonomy, "
            + "on 1 thread and on all cores: texts only, first run with the token cache, re-classification."
    )

    @OptionGroup var benchStore: BenchStoreOptions

    func run() throws {
        let (store, path) = try benchStore.open(needs: "`techtracker bench ingest`")
        let taxonomy = try Taxonomy.load(path: nil)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        var table = TextTable(headers: ["stage", "threads", "works", "seconds", "works/s"])
        // Each thread count: every text read (cache off), the first run with the cache (it
        // cuts every text and keeps the ids), then a run from the cache, as after a query edit.
        let modes: [(name: String, usesCache: Bool, clearsCache: Bool)] = [
            ("read texts, match (token cache off)", false, false),
            ("read texts, cut, match, keep ids (first run)", true, true),
            ("match cached ids (re-classification)", true, false),
        ]
        for threads in Set([1, cores]).sorted() {
            for mode in modes {
                if mode.clearsCache { try store.clearTokenCache() }
                var run = ClassifyRun(taxonomy: taxonomy)
                run.threads = threads
                run.usesTokenCache = mode.usesCache
                Console.error("\(mode.name) on \(threads) thread(s) …")
                let summary = try run.run(on: store)
                table.append([
                    mode.name, String(threads), NumberFormatting.grouped(summary.works),
                    String(format: "%.2f", summary.matchSeconds),
                    NumberFormatting.grouped(Int(Double(summary.works) / max(summary.matchSeconds, 1e-9))),
                ])
                table.append([
                    mode.name + " + memberships", String(threads), NumberFormatting.grouped(summary.works),
                    String(format: "%.2f", summary.seconds),
                    NumberFormatting.grouped(Int(Double(summary.works) / max(summary.seconds, 1e-9))),
                ])
            }
        }
        let cache = try store.tokenCacheSize()
        Console.out(
            "SYNTHETIC DATA store: \(path); taxonomy: \(taxonomy.technologies.count) technologies; "
                + "machine: \(cores) cores"
        )
        Console.out(table.render())
        Console.out(
            "\ntoken cache: \(NumberFormatting.grouped(cache.works)) works, "
                + "\(NumberFormatting.grouped(cache.bytes / max(cache.works, 1))) bytes of ids per work, "
                + "\(NumberFormatting.grouped(cache.words)) words")
    }
}

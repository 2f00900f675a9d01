import ArgumentParser
import Foundation
import TechTrackerCore
import TechTrackerPipeline
import TechTrackerPresent
import TechTrackerStore
import TechTrackerTaxonomy

/// `techtracker classify`: applies every technology query to the store.
struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Apply every technology query to the stored works and save the memberships.",
        discussion: """
            Every run replaces all memberships (with the taxonomy's content hash), so after an edit of the \
            taxonomy no stale membership survives. Prints works per technology and flags technologies with \
            fewer than \(ClassificationReport.lowEvidenceWorks) works in the latest \
            \(AnalysisSettings.defaultWindowLength)-year window (METHOD §5).

            Each work's text is cut into word ids once and the ids are kept in the store (the token \
            cache), so classifying again after a query edit reads no text: only works stored since, \
            or stored again with other content, are read and cut. --no-token-cache reads every text \
            and deletes the cache (a smaller store: the cache takes about 14% of it).
            """
    )

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var taxonomyOptions: TaxonomyOptions

    @Flag(name: .shortAndLong, help: "No progress display.")
    var quiet = false

    @Option(
        parsing: .unconditional,
        help: "Matching threads (\(OptionRange.text(OptionRange.threads)); default: one per core).")
    var threads: Int?

    @Flag(help: "Read every work's text, keep no word ids, and delete the store's token cache.")
    var noTokenCache = false

    func validate() throws {
        try OptionRange.check(threads, OptionRange.threads, option: "--threads")
    }

    func run() throws {
        let taxonomy = try taxonomyOptions.load()
        let store = try storeOptions.openForWriting()
        try Self.classify(
            store: store, taxonomy: taxonomy, threads: threads, quiet: quiet, usesTokenCache: !noTokenCache)
    }

    /// Classifies every work of `store` against `taxonomy`, saves the memberships and prints
    /// works per technology: the run of `classify`, and the demo's classification step.
    static func classify(
        store: WorkStore, taxonomy: Taxonomy, threads: Int?, quiet: Bool, usesTokenCache: Bool = true
    ) throws {
        // Counting the works reads the whole work table too: without the map, as the run does.
        try store.withoutMemoryMap {
            try classifyAndReport(
                store: store, taxonomy: taxonomy, threads: threads, quiet: quiet, usesTokenCache: usesTokenCache)
        }
    }

    private static func classifyAndReport(
        store: WorkStore, taxonomy: Taxonomy, threads: Int?, quiet: Bool, usesTokenCache: Bool
    ) throws {
        // Opting out frees the space the cache takes (SQLite reuses the pages).
        if !usesTokenCache { try store.clearTokenCache() }
        let total = try store.workCount()
        var display = ProgressDisplay(quiet: quiet)
        var run = ClassifyRun(taxonomy: taxonomy)
        if let threads { run.threads = threads }
        run.usesTokenCache = usesTokenCache
        let summary = try run.run(on: store) { done in
            display.update(fraction: Double(done) / Double(max(total, 1)), figures: "\(done)/\(total) works")
        }
        display.finish()
        // The latest window of the analysis's default length is the one the low-evidence flags use.
        let windows =
            summary.yearRange.flatMap {
                PublicationWindow.span(
                    dataFirst: $0.lowerBound, dataLast: $0.upperBound, from: nil, to: nil,
                    length: AnalysisSettings.defaultWindowLength)
            }.map { PublicationWindow.rolling(over: $0) } ?? []
        let rows = summary.technologies.map {
            ClassificationReport.Row(id: $0.id, works: $0.works, worksByYear: $0.worksByYear)
        }
        let synthetic = try store.storedSources().contains(.synthetic)
        let rate = Double(summary.works) / max(summary.matchSeconds, 1e-9)
        let footer = """
            Classified \(NumberFormatting.grouped(summary.works)) works against \
            \(taxonomy.technologies.count) technologies (taxonomy \(taxonomy.source), hash \(taxonomy.contentHash)); \
            \(NumberFormatting.grouped(summary.worksInNone)) works in none; \
            matching \(String(format: "%.1f", summary.matchSeconds)) s \
            (\(NumberFormatting.grouped(Int(rate))) works/s on \(summary.threads) threads\(tokenNote(summary))), \
            \(String(format: "%.1f", summary.seconds)) s in all.
            """
        Console.out(ClassificationReport.render(rows, windows: windows, synthetic: synthetic, footer: footer))
    }

    /// What the token cache did, for the footer.
    static func tokenNote(_ summary: ClassifyRun.Summary) -> String {
        guard summary.tokenCacheUsed else { return "; token cache off and deleted" }
        return "; \(NumberFormatting.grouped(summary.worksFromTokenCache)) from cached word ids, "
            + "\(NumberFormatting.grouped(summary.worksTokenized)) read and cut"
    }
}

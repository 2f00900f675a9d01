import ArgumentParser
import Foundation
import Synchronization
import TechTrackerCore
import TechTrackerPipeline
import TechTrackerPresent
import TechTrackerStore

/// `techtracker analyze`: every indicator for every technology × window × counting.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract:
            "Compute shares of top-10% works, intervals, monopoly risk, bias diagnostics and flows (METHOD §4-§9).",
        discussion: """
            Reads the works and the memberships of the last classify, computes every figure for every \
            technology and rolling window, and stores them with these settings (they replace the previous \
            figures). `report` and `export` read them.

            Groups (METHOD §2): the built-in EU27, Five Eyes, AUKUS, Quad and G7 are measured beside the \
            countries unless --groups FILE, --group or --no-groups says otherwise; `techtracker groups` \
            prints the built-in file to copy and edit. Hong Kong, Macao and Taiwan keep their own codes \
            unless --merge-regions CN merges HK and MO into CN; TW is never merged.
            """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "Countings computed (METHOD §3).")
    var counting = CountingChoice(AnalysisSettings.defaultCountings)

    @Option(
        parsing: .unconditional,
        help: "First publication year (\(OptionRange.text(OptionRange.years)); default: the first in the store).")
    var from: Int?

    @Option(
        parsing: .unconditional,
        help: "Last publication year (\(OptionRange.text(OptionRange.years)); default: the last in the store).")
    var to: Int?

    @Option(
        parsing: .unconditional,
        help: "Window length in years (\(OptionRange.text(OptionRange.windowLength)); windows roll by one year).")
    var windowLength = AnalysisSettings.defaultWindowLength

    @Option(
        help: """
            Reference set of the top-10% threshold: year (technology and publication year) \
            or window (technology and window).
            """
    )
    var thresholdScope = AnalysisSettings.defaultThresholdScope

    @Option(
        parsing: .unconditional,
        help: """
            Bootstrap draws for the 95% stability intervals and P(leader) \
            (\(OptionRange.text(OptionRange.bootstrap)); 0 = none).
            """
    )
    var bootstrap = AnalysisSettings.defaultBootstrapDraws

    @Option(parsing: .unconditional, help: "Seed of the bootstrap (\(OptionRange.seedText)).")
    var seed = AnalysisSettings.defaultSeed

    @Option(
        help: ArgumentHelp(
            "Work types kept, comma-separated, as the store spells them "
                + "(default: \(AnalysisSettings.defaultTypes.joined(separator: ",")); "
                + "retracted works are always dropped).",
            valueName: "types"))
    var types: String?

    @OptionGroup var groupOptions: GroupOptions

    @Flag(name: .customLong("no-groups"), help: "Measure no groups, only countries (not even the built-in ones).")
    var noGroups = false

    @Option(
        name: .customLong("merge-regions"),
        help: ArgumentHelp(
            "Count a country's special administrative regions as the country: CN merges HK and MO into CN "
                + "(repeatable or comma-separated; TW is never merged). Default: every region keeps its own code.",
            valueName: "country"))
    var mergeRegions: [String] = []

    @Flag(
        help: """
            Drop citations where the citing and the cited work share an author id \
            from the domestic-citation-adjusted figures and inwardness (METHOD §7).
            """
    )
    var excludeSelfCitations = false

    @OptionGroup(title: "Patent citations (METHOD §10)") var patentOptions: PatentFilterOptions

    @Flag(name: .shortAndLong, help: "No progress display.")
    var quiet = false

    /// `--types` as a list: names trimmed, empty names dropped; the default types when not given.
    var typeList: [String] {
        guard let types else { return AnalysisSettings.defaultTypes }
        return types.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func validate() throws {
        try OptionRange.check(windowLength, OptionRange.windowLength, option: "--window-length")
        try OptionRange.check(bootstrap, OptionRange.bootstrap, option: "--bootstrap")
        try OptionRange.check(from, OptionRange.years, option: "--from")
        try OptionRange.check(to, OptionRange.years, option: "--to")
        // An empty list would keep no work at all: refused rather than analysed into nothing.
        guard !typeList.isEmpty else {
            throw ValidationError(
                "--types needs at least one work type, e.g. "
                    + "--types \(AnalysisSettings.defaultTypes.joined(separator: ","))"
            )
        }
        if let from, let to, from > to { throw ValidationError("--from must not be after --to") }
        if let from, let to, to - from + 1 < windowLength {
            // METHOD §2: windows are always whole, never clipped to the years asked for.
            throw ValidationError(
                "--from \(from) --to \(to) spans \(to - from + 1) years: shorter than one \(windowLength)-year window")
        }
        if noGroups, groupOptions.isGiven {
            throw ValidationError(
                "--no-groups measures no groups and cannot be combined with --groups or --group; drop one of them")
        }
        do {
            _ = try RegionMerge.parse(mergeRegions)
        } catch {
            throw ValidationError("--merge-regions: \(error)")
        }
    }

    func run() throws {
        // Groups are read before the store is opened, so that a bad file fails at once.
        let settings = try settings()
        let store = try storeOptions.openForWriting()
        try Self.analyze(store: store, settings: settings, checkingTypes: types != nil, quiet: quiet)
    }

    /// The settings the options give.
    func settings() throws -> AnalysisSettings {
        var settings = AnalysisSettings()
        settings.countings = counting.countings
        settings.fromYear = from
        settings.toYear = to
        settings.windowLength = windowLength
        settings.thresholdScope = thresholdScope
        settings.bootstrapDraws = bootstrap
        settings.seed = seed
        settings.types = typeList
        settings.mergeRegions = try RegionMerge.parse(mergeRegions)
        settings.groups = noGroups ? [] : try groupOptions.resolve()
        settings.excludeSelfCitations = excludeSelfCitations
        settings.patentFilter = patentOptions.filter
        return settings
    }
}

extension AnalyzeCommand {
    /// The settings of `analyze` without options: the defaults and the built-in groups.
    static func defaultSettings() throws -> AnalysisSettings {
        var settings = AnalysisSettings()
        settings.groups = try GroupOptions.resolve(file: nil, options: [])
        return settings
    }

    /// Analyses `store` with `settings`, stores the figures and prints what was computed: the
    /// run of `analyze`, and the demo's analysis step. With `checkingTypes`, work types the store
    /// does not hold are refused first (the default types are not checked: a store without
    /// reviews is still analysed).
    static func analyze(store: WorkStore, settings: AnalysisSettings, checkingTypes: Bool, quiet: Bool) throws {
        if try store.classificationIsOutdated() {
            Console.error("note: works were ingested after the last classification; run classify again to include them")
        }
        if checkingTypes { try checkTypes(settings.types, held: try store.workTypes()) }
        // Workers report under the run's lock; the display is behind its own for Sendable.
        let display = Mutex(ProgressDisplay(quiet: quiet))
        var run = AnalyzeRun(settings: settings)
        run.progress = { done, total in
            display.withLock {
                $0.update(
                    fraction: Double(done) / Double(max(total, 1)),
                    figures: "\(done)/\(total) technologies × countings"
                )
            }
        }
        let (results, timings): (AnalysisResults, AnalyzeRun.Timings)
        do {
            (results, timings) = try run.run(on: store)
        } catch let error as AnalyzeError {
            display.withLock { $0.finish() }
            // Nothing to analyse is a failure of the run (exit 1), told in words.
            throw CommandFailure("\(error)")
        }
        display.withLock { $0.finish() }
        let windows = Set(results.technologySummaries.map { "\($0.windowStart)-\($0.windowEnd)" }).count
        let technologies = Set(results.technologySummaries.map(\.technology)).count
        Console.out(
            """
            \(results.needsSyntheticLabel ? "SYNTHETIC DATA: " : "")analysed \(technologies) technologies \
            × \(windows) windows × \(settings.countings.count) counting(s): \
            \(results.countryShares.count) country rows, \(results.institutions.count) institution rows, \
            \(results.mobility.count) flows (load \(String(format: "%.1f", timings.load)) s, \
            compute \(String(format: "%.1f", timings.compute)) s, store \(String(format: "%.1f", timings.save)) s)
            """)
        if let patents = results.patentData {
            // METHOD §10: what the patent figures rest on, said at once.
            Console.out(
                "Patent citations: \(NumberFormatting.grouped(results.patentLinkage.count)) rows from "
                    + "\(NumberFormatting.grouped(patents.countingCitations)) counting citations "
                    + "(\(results.settings.patentFilter.summary)) to \(NumberFormatting.grouped(patents.citedWorks)) works; "
                    + (patents.cutoffYear.map { "cut-off \($0)" } ?? "no cut-off known: every window incomplete"))
        }
        Console.out(
            "Settings: \(results.settings.summary). Next: techtracker report, techtracker export --format csv --out DIR"
        )
    }

    /// Refuses `--types` naming a type the store does not hold (a typo would otherwise analyse
    /// fewer works without a word), naming the types it has with their work counts.
    static func checkTypes(_ types: [String], held: [(type: String, works: Int)]) throws {
        let known = Set(held.map(\.type))
        let unknown = types.filter { !known.contains($0) }
        guard !unknown.isEmpty else { return }
        let list =
            held.isEmpty
            ? "none (the store holds no works)"
            : held.map { "\($0.type.isEmpty ? "(none)" : $0.type) (\(NumberFormatting.grouped($0.works)))" }.joined(
                separator: ", ")
        let suggestions = unknown.flatMap { CloseMatches.find($0, among: held.map(\.type)) }
        throw UsageFailure(
            "--types: the store holds no work of type \(unknown.map { "'\($0)'" }.joined(separator: ", "))"
                + (suggestions.isEmpty ? "" : " (did you mean \(suggestions.joined(separator: ", "))?)")
                + "; types in the store: \(list)")
    }
}

import ArgumentParser
import Foundation
import Synchronization
import TechTrackerCore
import TechTrackerPipeline
import TechTrackerPresent
import TechTrackerTaxonomy

/// `techtracker analyze`: every indicator for every technology × window × counting.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Compute shares of top-10% works, intervals, monopoly risk, bias diagnostics and flows (METHOD §4-§9).",
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

    @Option(help: "fractional, whole or both.")
    var counting = "both"

    @Option(parsing: .unconditional, help: "First publication year (\(OptionRange.text(OptionRange.years)); default: the first in the store).")
    var from: Int?

    @Option(parsing: .unconditional, help: "Last publication year (\(OptionRange.text(OptionRange.years)); default: the last in the store).")
    var to: Int?

    @Option(parsing: .unconditional, help: "Window length in years (\(OptionRange.text(OptionRange.windowLength)); windows roll by one year).")
    var windowLength = 5

    @Option(help: "Reference set of the top-10% threshold: year (technology and publication year) or window.")
    var thresholdScope = "year"

    @Option(parsing: .unconditional,
            help: "Bootstrap draws for the 95% stability intervals and P(leader) (\(OptionRange.text(OptionRange.bootstrap)); 0 = none).")
    var bootstrap = 1000

    @Option(parsing: .unconditional, help: "Seed of the bootstrap (\(OptionRange.seedText)).")
    var seed: UInt64 = 42

    @Option(help: ArgumentHelp("Work types kept, comma-separated, as the store spells them (default: article,review; retracted works are always dropped).",
                               valueName: "types"))
    var types: String?

    @OptionGroup var groupOptions: GroupOptions

    @Flag(name: .customLong("no-groups"), help: "Measure no groups, only countries (not even the built-in ones).")
    var noGroups = false

    @Option(name: .customLong("merge-regions"),
            help: ArgumentHelp("Count a country's special administrative regions as the country: CN merges HK and MO into CN (repeatable or comma-separated; TW is never merged). Default: every region keeps its own code.",
                               valueName: "country"))
    var mergeRegions: [String] = []

    @Flag(help: "Drop citations where the citing and the cited work share an author id from the domestic-citation-adjusted figures and inwardness (METHOD §7).")
    var excludeSelfCitations = false

    @Flag(name: .shortAndLong, help: "No progress display.")
    var quiet = false

    /// The default `--types`.
    static let defaultTypes = ["article", "review"]

    /// `--types` as a list: names trimmed, empty names dropped.
    var typeList: [String] {
        (types ?? Self.defaultTypes.joined(separator: ",")).split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func validate() throws {
        guard ["fractional", "whole", "both"].contains(counting) else { throw ValidationError("--counting: fractional, whole or both") }
        guard ThresholdScope(rawValue: thresholdScope) != nil else { throw ValidationError("--threshold-scope: year or window") }
        try OptionRange.check(windowLength, OptionRange.windowLength, option: "--window-length")
        try OptionRange.check(bootstrap, OptionRange.bootstrap, option: "--bootstrap")
        try OptionRange.check(from, OptionRange.years, option: "--from")
        try OptionRange.check(to, OptionRange.years, option: "--to")
        // An empty list would keep no work at all: refused rather than analysed into nothing.
        guard !typeList.isEmpty else {
            throw ValidationError("--types needs at least one work type, e.g. --types article,review")
        }
        if let from, let to, from > to { throw ValidationError("--from must not be after --to") }
        if let from, let to, to - from + 1 < windowLength {
            // METHOD §2: windows are always whole, never clipped to the years asked for.
            throw ValidationError("--from \(from) --to \(to) spans \(to - from + 1) years: shorter than one \(windowLength)-year window")
        }
        if noGroups, groupOptions.isGiven {
            throw ValidationError("--no-groups measures no groups and cannot be combined with --groups or --group; drop one of them")
        }
        do {
            _ = try RegionMerge.parse(mergeRegions)
        } catch {
            throw ValidationError("--merge-regions: \(error)")
        }
    }

    func run() throws {
        var settings = AnalysisSettings()
        settings.countings = counting == "both" ? [.fractional, .whole] : [Counting(rawValue: counting) ?? .fractional]
        settings.fromYear = from
        settings.toYear = to
        settings.windowLength = windowLength
        settings.thresholdScope = ThresholdScope(rawValue: thresholdScope) ?? .year
        settings.bootstrapDraws = bootstrap
        settings.seed = seed
        settings.types = typeList
        settings.mergeRegions = try RegionMerge.parse(mergeRegions)
        // Groups are read before the store is opened, so that a bad file fails at once.
        settings.groups = noGroups ? [] : try groupOptions.resolve()
        settings.excludeSelfCitations = excludeSelfCitations
        let store = try storeOptions.openForWriting()
        if try store.classificationIsOutdated() {
            Console.error("note: works were ingested after the last classification; run classify again to include them")
        }
        if types != nil { try Self.checkTypes(settings.types, held: try store.workTypes()) }
        // Workers report under the run's lock; the display is behind its own for Sendable.
        let display = Mutex(ProgressDisplay(quiet: quiet))
        var run = AnalyzeRun(settings: settings)
        run.progress = { done, total in
            display.withLock {
                $0.update(fraction: Double(done) / Double(max(total, 1)), figures: "\(done)/\(total) technologies × countings")
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
        Console.out("\(results.synthetic ? "SYNTHETIC DATA: " : "")analysed \(technologies) technologies × \(windows) windows × "
            + "\(settings.countings.count) counting(s): \(results.countryShares.count) country rows, "
            + "\(results.institutions.count) institution rows, \(results.mobility.count) flows "
            + "(load \(String(format: "%.1f", timings.load)) s, compute \(String(format: "%.1f", timings.compute)) s, "
            + "store \(String(format: "%.1f", timings.save)) s)")
        Console.out("Settings: \(results.settings.summary). Next: techtracker report, techtracker export --format csv --out DIR")
    }
}

extension AnalyzeCommand {
    /// Refuses `--types` naming a type the store does not hold (a typo would otherwise analyse
    /// fewer works without a word), naming the types it has with their work counts.
    static func checkTypes(_ types: [String], held: [(type: String, works: Int)]) throws {
        let known = Set(held.map(\.type))
        let unknown = types.filter { !known.contains($0) }
        guard !unknown.isEmpty else { return }
        let list = held.isEmpty ? "none (the store holds no works)"
            : held.map { "\($0.type.isEmpty ? "(none)" : $0.type) (\(NumberFormatting.grouped($0.works)))" }.joined(separator: ", ")
        let suggestions = unknown.flatMap { CloseMatches.find($0, among: held.map(\.type)) }
        throw UsageFailure("--types: the store holds no work of type \(unknown.map { "'\($0)'" }.joined(separator: ", "))"
            + (suggestions.isEmpty ? "" : " (did you mean \(suggestions.joined(separator: ", "))?)")
            + "; types in the store: \(list)")
    }
}

import ArgumentParser
import Foundation
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

    @Option(help: "First publication year (default: the first in the store).")
    var from: Int?

    @Option(help: "Last publication year (default: the last in the store).")
    var to: Int?

    @Option(help: "Window length in years (windows roll by one year).")
    var windowLength = 5

    @Option(help: "Reference set of the top-10% threshold: year (technology and publication year) or window.")
    var thresholdScope = "year"

    @Option(help: "Bootstrap draws for the 95% stability intervals and P(leader) (0 = none).")
    var bootstrap = 1000

    @Option(help: "Seed of the bootstrap.")
    var seed: UInt64 = 42

    @Option(help: "Work types kept, comma-separated (retracted works are always dropped).")
    var types = "article,review"

    @OptionGroup var groupOptions: GroupOptions

    @Flag(name: .customLong("no-groups"), help: "Measure no groups, only countries (not even the built-in ones).")
    var noGroups = false

    @Option(name: .customLong("merge-regions"),
            help: ArgumentHelp("Count a country's special administrative regions as the country: CN merges HK and MO into CN (repeatable or comma-separated; TW is never merged). Default: every region keeps its own code.",
                               valueName: "country"))
    var mergeRegions: [String] = []

    @Flag(help: "Drop citations where the citing and the cited work share an author id from the domestic-citation-adjusted figures and inwardness (METHOD §7).")
    var excludeSelfCitations = false

    func validate() throws {
        guard ["fractional", "whole", "both"].contains(counting) else { throw ValidationError("--counting: fractional, whole or both") }
        guard ThresholdScope(rawValue: thresholdScope) != nil else { throw ValidationError("--threshold-scope: year or window") }
        guard windowLength >= 1 else { throw ValidationError("--window-length must be at least 1") }
        guard bootstrap >= 0 else { throw ValidationError("--bootstrap must not be negative") }
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
        settings.types = types.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        settings.mergeRegions = try RegionMerge.parse(mergeRegions)
        // Groups are read before the store is opened, so that a bad file fails at once.
        settings.groups = noGroups ? [] : try groupOptions.resolve()
        settings.excludeSelfCitations = excludeSelfCitations
        let store = try storeOptions.openForWriting()
        if try store.classificationIsOutdated() {
            Console.error("note: works were ingested after the last classification; run classify again to include them")
        }
        let (results, timings) = try AnalyzeRun(settings: settings).run(on: store)
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

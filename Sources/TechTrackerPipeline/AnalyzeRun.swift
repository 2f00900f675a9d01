import Foundation
import Synchronization
public import TechTrackerCore
import TechTrackerMeasure
public import TechTrackerStore
import TechTrackerTaxonomy

/// Computes every figure of METHOD §4-§9 for every technology × rolling window × counting and
/// stores them with their settings. The store is read once into compact columns; technologies
/// are computed in parallel, each (technology, window) independently, and results are put back
/// in taxonomy order so that output does not depend on scheduling.
public struct AnalyzeRun {
    /// What to compute.
    public var settings: AnalysisSettings
    /// Threads over technologies.
    public var threads = ProcessInfo.processInfo.activeProcessorCount
    /// Told `(done, total)` after each technology of each counting (total = technologies ×
    /// countings), so that a long run can show how far it has got. Called from the worker
    /// threads but under the run's lock: calls never overlap and `done` only grows.
    public var progress: (@Sendable (Int, Int) -> Void)?

    /// Prepares a run.
    public init(settings: AnalysisSettings) {
        self.settings = settings
    }

    /// Timings of a run, for the benchmark.
    public struct Timings: Sendable {
        /// Seconds to load the store into columns.
        public var load = 0.0
        /// Seconds to compute.
        public var compute = 0.0
        /// Of `compute`, the seconds preparing the corpus (credit tables, citation passes).
        public var prepare = 0.0
        /// Seconds to store the results.
        public var save = 0.0
        /// Where the columns came from.
        public var source = AnalysisCorpusLoader.Source.snapshot
        /// Works loaded.
        public var works = 0
        /// The process's peak resident memory (bytes) after each stage: load, the prepared
        /// tables, compute, save.
        public var peakAfterLoad = 0, peakAfterPrepare = 0, peakAfterCompute = 0, peakAfterSave = 0
    }

    /// Runs on `store`; throws when it has no classification.
    public func run(on store: WorkStore) throws -> (results: AnalysisResults, timings: Timings) {
        var timings = Timings()
        var clock = Date()
        guard let classification = try store.lastClassification() else {
            throw AnalyzeError.notClassified
        }
        let technologies = try store.storedTechnologies()
        // Checked before loading anything: a store classified before the limit existed.
        guard technologies.count <= Taxonomy.maximumTechnologies else {
            throw AnalyzeError.tooManyTechnologies(technologies.count)
        }
        let (corpus, source) = try AnalysisCorpusLoader.loadReportingSource(from: store)
        let synthetic = try store.storedSources().contains(.synthetic)
        // METHOD §10: figures by patent citations only when patent citations were ever read.
        let patentData = try store.patentDataSummary()
        timings.load = Date().timeIntervalSince(clock)
        timings.source = source
        timings.works = corpus.workCount
        timings.peakAfterLoad = PeakMemory.bytes()
        clock = Date()
        let patentCitations = corpus.patentWork.count
        let technologyCount = corpus.technologyIDs.count
        // Handed over, not copied: preparing releases columns as it turns them into tables.
        let prepared = IndicatorCorpus(
            consume corpus, filter: WorkFilter(allowedTypes: Set(settings.types)),
            mergedRegions: RegionMerge.mapping(for: settings.mergeRegions),
            groups: settings.groups, excludeSelfCitations: settings.excludeSelfCitations,
            patentFilter: patentData == nil ? nil : settings.patentFilter)
        timings.prepare = Date().timeIntervalSince(clock)
        timings.peakAfterPrepare = PeakMemory.bytes()
        // METHOD §2: whole windows only; the settings stored say which were analysed.
        var settings = settings
        guard let span = Self.span(years: prepared.year, kept: prepared.kept, settings: settings) else {
            throw AnalyzeError.noWindow(settings)
        }
        settings.fromYear = span.lowerBound
        settings.toYear = span.upperBound
        // --from/--to are taken as given, so the span can hold no kept work at all: figures of
        // nothing would replace the stored ones.
        guard
            prepared.year.indices.contains(where: { prepared.kept[$0] && prepared.year[$0].map(span.contains) == true })
        else {
            throw AnalyzeError.noWorks(settings)
        }
        let windows = settings.windows
        var results = AnalysisResults(
            settings: settings, taxonomyHash: classification.taxonomyHash, synthetic: synthetic)
        if var patentData {
            patentData.citations = patentCitations
            patentData.countingCitations = prepared.countingPatentCitations
            patentData.citedWorks = prepared.patentCitedWorks
            results.patentData = patentData
        }
        let context = TechnologyRows.Context(
            describe: Dictionary(uniqueKeysWithValues: technologies.map { ($0.id, $0) }),
            institutionNames: try store.institutions().mapValues(\.name))
        var wholeLeaders: [LeaderKey: String?] = [:]
        for (step, counting) in settings.countings.enumerated() {
            var indicatorSettings = IndicatorSettings(
                counting: counting, thresholdScope: settings.thresholdScope,
                bootstrapDraws: settings.bootstrapDraws, seed: settings.seed)
            indicatorSettings.counting = counting
            indicatorSettings.patentCutoffYear = patentData?.cutoffYear
            // Mobility is the same under either counting: kept once.
            var perTechnology = compute(
                prepared, windows: windows, technologies: technologyCount, settings: indicatorSettings,
                context: context, keepMobility: counting == settings.countings.first,
                progressBase: step * technologyCount,
                progressTotal: settings.countings.count * technologyCount)
            var headlineCountries: [CountryRow] = [], headlineGroups: [GroupRow] = []
            var patentHeadlineCountries: [CountryRow] = [], patentHeadlineGroups: [GroupRow] = []
            // Reserved once: growing by doubling would briefly hold the largest table twice.
            results.countryShares.reserveCapacity(
                results.countryShares.count + perTechnology.reduce(0) { $0 + $1.shares.count })
            results.institutions.reserveCapacity(
                results.institutions.count + perTechnology.reduce(0) { $0 + $1.institutions.count })
            for index in perTechnology.indices {
                let rows = perTechnology[index]
                if counting == .whole {
                    for summary in rows.summaries {
                        wholeLeaders[LeaderKey(technology: summary.technology, windowStart: summary.windowStart)] =
                            summary.leader
                    }
                }
                results.technologySummaries += rows.summaries
                results.countryShares += rows.shares
                results.institutions += rows.institutions
                results.mobility += rows.mobility
                results.mobilityGains += rows.gains
                headlineCountries += rows.headlineCountries
                headlineGroups += rows.headlineGroups
                results.patentLinkage += rows.patentLinkage
                results.patentSummaries += rows.patentSummaries
                patentHeadlineCountries += rows.patentHeadlineCountries
                patentHeadlineGroups += rows.patentHeadlineGroups
                // Released as soon as copied: the figures are never held twice for long.
                perTechnology[index] = TechnologyRows()
            }
            results.headline += Headline.compute(headlineCountries, groups: headlineGroups).map(ResultRows.headline)
            if patentData != nil {
                results.patentHeadline += Headline.compute(patentHeadlineCountries, groups: patentHeadlineGroups)
                    .map(ResultRows.headline)
            }
        }
        // METHOD §7: each summary names the leader under whole counting, known only now.
        for index in results.technologySummaries.indices {
            let summary = results.technologySummaries[index]
            results.technologySummaries[index].wholeCountingLeader =
                wholeLeaders[LeaderKey(technology: summary.technology, windowStart: summary.windowStart)] ?? nil
        }
        timings.compute = Date().timeIntervalSince(clock)
        timings.peakAfterCompute = PeakMemory.bytes()
        clock = Date()

        // Never replace stored figures with an empty run (a classification without technologies).
        guard !results.technologySummaries.isEmpty else { throw AnalyzeError.nothingComputed }
        try store.replaceResults(results)
        timings.save = Date().timeIntervalSince(clock)
        timings.peakAfterSave = PeakMemory.bytes()
        return (results, timings)
    }

    /// Per technology (taxonomy order), its rows for every window, computed in parallel.
    /// Each worker turns a technology's indicator results into stored rows at once
    /// (`TechnologyRows`), so that the full results (a copy of every figure in another form)
    /// are never held for all technologies together. Reports `progressBase + technologies
    /// done` of `progressTotal` to `progress`.
    func compute(
        _ prepared: IndicatorCorpus, windows: [PublicationWindow], technologies: Int,
        settings: IndicatorSettings, context: TechnologyRows.Context, keepMobility: Bool,
        progressBase: Int = 0, progressTotal: Int? = nil
    ) -> [TechnologyRows] {
        let slots = Mutex((rows: [TechnologyRows](repeating: TechnologyRows(), count: technologies), done: 0))
        let next = Mutex(0)
        let progress = self.progress
        let total = progressTotal ?? technologies
        DispatchQueue.concurrentPerform(iterations: max(1, threads)) { _ in
            while true {
                // Technologies differ a lot in size: hand them out one at a time.
                let technology = next.withLock { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard technology < technologies else { return }
                let computed = TechnologyRows(
                    windows.map {
                        TechnologyIndicators.compute(
                            technology: technology, window: $0, corpus: prepared, settings: settings)
                    }, context: context, keepMobility: keepMobility)
                slots.withLock { slots in
                    slots.rows[technology] = computed
                    slots.done += 1
                    progress?(progressBase + slots.done, total)
                }
            }
        }
        return slots.withLock { $0.rows }
    }

    /// The span of years cut into whole windows (METHOD §2): the publication years of the
    /// works kept, within --from/--to, widened to one whole window when shorter
    /// (`PublicationWindow.span`).
    static func span(years: [Int?], kept: [Bool], settings: AnalysisSettings) -> ClosedRange<Int>? {
        var low: Int?, high: Int?
        for (index, year) in years.enumerated() where kept[index] {
            guard let year else { continue }
            low = min(low ?? year, year)
            high = max(high ?? year, year)
        }
        return PublicationWindow.span(
            dataFirst: low, dataLast: high, from: settings.fromYear, to: settings.toYear,
            length: settings.windowLength)
    }

    /// A (technology, window) of the summaries.
    struct LeaderKey: Hashable {
        var technology: String
        var windowStart: Int
    }
}

/// One technology's figures under one counting, for every window, as the rows stored and
/// exported, in the order the results list them (window by window: summary, countries then
/// groups, institutions, flows).
struct TechnologyRows: Sendable {
    /// What the conversion needs from the store.
    struct Context: Sendable {
        /// Technologies by id (names and categories).
        var describe: [String: StoredTechnology]
        /// Institution names by id.
        var institutionNames: [String: String]
    }

    /// One summary per window.
    var summaries: [TechnologySummaryRow] = []
    /// Countries then groups, per window.
    var shares: [CountryShareRow] = []
    /// The top institutions, per window, named.
    var institutions: [InstitutionShareRow] = []
    /// Researcher flows (first counting only).
    var mobility: [MobilityFlowRow] = []
    /// Researcher gains (first counting only).
    var gains: [MobilityGainRow] = []
    /// What the headline reads (METHOD §9): countries ranked 1 to 5, the only ones it counts
    /// (a rank-1 row also marks that the technology has figures in the window), and groups.
    var headlineCountries: [CountryRow] = []
    var headlineGroups: [GroupRow] = []
    /// The figures by patent citations (METHOD §10), per window; empty without patent data.
    var patentLinkage: [PatentLinkageRow] = []
    var patentSummaries: [PatentSummaryRow] = []
    /// What the headline by patent-cited share reads, as `headlineCountries`/`headlineGroups`.
    var patentHeadlineCountries: [CountryRow] = []
    var patentHeadlineGroups: [GroupRow] = []

    /// Nothing: an emptied slot.
    init() {}

    /// The rows of `results` (one per window); `wholeCountingLeader` is filled in later, once
    /// the whole counting is computed.
    init(_ results: [TechnologyIndicatorResult], context: Context, keepMobility: Bool) {
        for result in results {
            let id = result.summary.technology
            summaries.append(
                ResultRows.summary(
                    result.summary, name: context.describe[id]?.name ?? id,
                    category: context.describe[id]?.category ?? "", wholeCountingLeader: nil))
            shares += result.countries.map(ResultRows.share)
            shares += result.groups.map(ResultRows.share)
            institutions += result.institutions.map { row in
                var converted = ResultRows.institution(row)
                converted.name = context.institutionNames[converted.institutionID] ?? ""
                return converted
            }
            if keepMobility {
                mobility += result.mobility.map(ResultRows.flow)
                gains += result.mobilityGains.map(ResultRows.gain)
            }
            headlineCountries += result.countries.filter { $0.rank <= 5 }
            headlineGroups += result.groups
            if let patents = result.patents {
                patentLinkage += patents.rows
                patentSummaries.append(patents.summary)
                patentHeadlineCountries += patents.headlineCountries
                patentHeadlineGroups += patents.headlineGroups
            }
        }
    }
}

/// Why an analysis cannot run.
public enum AnalyzeError: Error, CustomStringConvertible {
    /// No memberships to analyse.
    case notClassified
    /// No whole window fits the data and the --from/--to given.
    case noWindow(AnalysisSettings)
    /// No kept work was published within the span analysed.
    case noWorks(AnalysisSettings)
    /// The run computed no figure (the classification holds no technology): nothing is stored.
    case nothingComputed
    /// The classification holds more technologies than an analysis can hold in memory.
    case tooManyTechnologies(Int)

    public var description: String {
        switch self {
        case .notClassified:
            "the store has no classification: run `techtracker classify` first"
        case .noWindow(let settings):
            "no whole \(settings.windowLength)-year window to analyse"
                + (settings.fromYear != nil || settings.toYear != nil
                    ? " within \(settings.fromYear.map(String.init) ?? "…")-"
                        + "\(settings.toYear.map(String.init) ?? "…")"
                    : ": no kept work (types \(settings.types.joined(separator: ","))) has a publication year")
                + "; the stored figures are left as they were"
        case .noWorks(let settings):
            "no kept work (types \(settings.types.joined(separator: ","))) was published in "
                + "\(settings.fromYear.map(String.init) ?? "…")-\(settings.toYear.map(String.init) ?? "…"), "
                + "so there is nothing to analyse; "
                + "the stored figures are left as they were"
        case .tooManyTechnologies(let count):
            "the last classification holds \(count) technologies; "
                + "analyze handles at most \(Taxonomy.maximumTechnologies) "
                + "(every technology's figures are held in memory until they are stored together): "
                + "classify again with a smaller taxonomy; the stored figures are left as they were"
        case .nothingComputed:
            "the last classification holds no technology, so there is nothing to analyse; "
                + "the stored figures are left as they were (run `techtracker classify` again)"
        }
    }
}

import Foundation
import Synchronization
import TechTrackerCore
import TechTrackerMeasure
import TechTrackerStore

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
        /// Seconds to store the results.
        public var save = 0.0
    }

    /// Runs on `store`; throws when it has no classification.
    public func run(on store: WorkStore) throws -> (results: AnalysisResults, timings: Timings) {
        var timings = Timings()
        var clock = Date()
        guard let classification = try store.lastClassification() else {
            throw AnalyzeError.notClassified
        }
        let corpus = try AnalysisCorpusLoader.load(from: store)
        let technologies = try store.storedTechnologies()
        let synthetic = (try store.workCountsBySource()[.synthetic] ?? 0) > 0
        timings.load = Date().timeIntervalSince(clock)
        clock = Date()

        let prepared = IndicatorCorpus(corpus, filter: WorkFilter(allowedTypes: Set(settings.types)),
                                       mergedRegions: RegionMerge.mapping(for: settings.mergeRegions),
                                       groups: settings.groups, excludeSelfCitations: settings.excludeSelfCitations)
        // METHOD §2: whole windows only; the settings stored say which were analysed.
        var settings = settings
        guard let span = Self.span(corpus: corpus, kept: prepared.kept, settings: settings) else {
            throw AnalyzeError.noWindow(settings)
        }
        settings.fromYear = span.lowerBound
        settings.toYear = span.upperBound
        // --from/--to are taken as given, so the span can hold no kept work at all: figures of
        // nothing would replace the stored ones.
        guard corpus.year.indices.contains(where: { prepared.kept[$0] && corpus.year[$0].map(span.contains) == true }) else {
            throw AnalyzeError.noWorks(settings)
        }
        let windows = settings.windows
        var results = AnalysisResults(settings: settings, taxonomyHash: classification.taxonomyHash, synthetic: synthetic)
        var byCounting: [Counting: [[TechnologyIndicatorResult]]] = [:]
        let technologyCount = corpus.technologyIDs.count
        for (step, counting) in settings.countings.enumerated() {
            var indicatorSettings = IndicatorSettings(counting: counting, thresholdScope: settings.thresholdScope,
                                                      bootstrapDraws: settings.bootstrapDraws, seed: settings.seed)
            indicatorSettings.counting = counting
            byCounting[counting] = compute(prepared, windows: windows, technologies: technologyCount, settings: indicatorSettings,
                                           progressBase: step * technologyCount,
                                           progressTotal: settings.countings.count * technologyCount)
        }
        timings.compute = Date().timeIntervalSince(clock)
        clock = Date()

        let describe = Dictionary(uniqueKeysWithValues: technologies.map { ($0.id, $0) })
        let wholeLeaders = byCounting[.whole].map { Self.leaders($0) } ?? [:]
        for counting in settings.countings {
            guard let perTechnology = byCounting[counting] else { continue }
            var countryRows: [CountryRow] = [], groupRows: [GroupRow] = []
            for result in perTechnology.joined() {
                let key = LeaderKey(technology: result.summary.technology, window: result.summary.window)
                results.technologySummaries.append(ResultRows.summary(
                    result.summary, name: describe[key.technology]?.name ?? key.technology,
                    category: describe[key.technology]?.category ?? "", wholeCountingLeader: wholeLeaders[key] ?? nil))
                countryRows += result.countries
                groupRows += result.groups
                results.countryShares += result.countries.map(ResultRows.share)
                results.countryShares += result.groups.map(ResultRows.share)
                results.institutions += result.institutions.map(ResultRows.institution)
                // Mobility is the same under either counting: kept once.
                if counting == settings.countings.first {
                    results.mobility += result.mobility.map(ResultRows.flow)
                    results.mobilityGains += result.mobilityGains.map(ResultRows.gain)
                }
            }
            results.headline += Headline.compute(countryRows, groups: groupRows).map(ResultRows.headline)
        }
        let names = try store.institutions()
        for index in results.institutions.indices {
            results.institutions[index].name = names[results.institutions[index].institutionID]?.name ?? ""
        }
        // Never replace stored figures with an empty run (a classification without technologies).
        guard !results.technologySummaries.isEmpty else { throw AnalyzeError.nothingComputed }
        try store.replaceResults(results)
        timings.save = Date().timeIntervalSince(clock)
        return (results, timings)
    }

    /// Per technology (taxonomy order), its results for every window, computed in parallel.
    /// Reports `progressBase + technologies done` of `progressTotal` to `progress`.
    func compute(_ prepared: IndicatorCorpus, windows: [PublicationWindow], technologies: Int,
                 settings: IndicatorSettings, progressBase: Int = 0, progressTotal: Int? = nil) -> [[TechnologyIndicatorResult]] {
        let slots = Mutex((results: [[TechnologyIndicatorResult]](repeating: [], count: technologies), done: 0))
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
                let computed = windows.map {
                    TechnologyIndicators.compute(technology: technology, window: $0, corpus: prepared, settings: settings)
                }
                slots.withLock { slots in
                    slots.results[technology] = computed
                    slots.done += 1
                    progress?(progressBase + slots.done, total)
                }
            }
        }
        return slots.withLock { $0.results }
    }

    /// The span of years cut into whole windows (METHOD §2): the publication years of the
    /// works kept, within --from/--to, widened to one whole window when shorter
    /// (`PublicationWindow.span`).
    static func span(corpus: AnalysisCorpus, kept: [Bool], settings: AnalysisSettings) -> ClosedRange<Int>? {
        var low: Int?, high: Int?
        for (index, year) in corpus.year.enumerated() where kept[index] {
            guard let year else { continue }
            low = min(low ?? year, year)
            high = max(high ?? year, year)
        }
        return PublicationWindow.span(dataFirst: low, dataLast: high, from: settings.fromYear, to: settings.toYear,
                                      length: settings.windowLength)
    }

    struct LeaderKey: Hashable {
        var technology: String
        var window: PublicationWindow
    }

    static func leaders(_ results: [[TechnologyIndicatorResult]]) -> [LeaderKey: String?] {
        var leaders: [LeaderKey: String?] = [:]
        for result in results.joined() {
            leaders[LeaderKey(technology: result.summary.technology, window: result.summary.window)] = result.summary.leader?.description
        }
        return leaders
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

    public var description: String {
        switch self {
        case .notClassified:
            "the store has no classification: run `techtracker classify` first"
        case .noWindow(let settings):
            "no whole \(settings.windowLength)-year window to analyse"
                + (settings.fromYear != nil || settings.toYear != nil
                    ? " within \(settings.fromYear.map(String.init) ?? "…")-\(settings.toYear.map(String.init) ?? "…")"
                    : ": no kept work (types \(settings.types.joined(separator: ","))) has a publication year")
                + "; the stored figures are left as they were"
        case .noWorks(let settings):
            "no kept work (types \(settings.types.joined(separator: ","))) was published in "
                + "\(settings.fromYear.map(String.init) ?? "…")-\(settings.toYear.map(String.init) ?? "…"), so there is nothing to analyse; "
                + "the stored figures are left as they were"
        case .nothingComputed:
            "the last classification holds no technology, so there is nothing to analyse; "
                + "the stored figures are left as they were (run `techtracker classify` again)"
        }
    }
}

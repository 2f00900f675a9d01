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

        let prepared = IndicatorCorpus(corpus, filter: WorkFilter(allowedTypes: Set(settings.types)))
        let windows = Self.windows(corpus: corpus, kept: prepared.kept, settings: settings)
        var results = AnalysisResults(settings: settings, taxonomyHash: classification.taxonomyHash, synthetic: synthetic)
        var byCounting: [Counting: [[TechnologyIndicatorResult]]] = [:]
        for counting in settings.countings {
            var indicatorSettings = IndicatorSettings(counting: counting, thresholdScope: settings.thresholdScope,
                                                      bootstrapDraws: settings.bootstrapDraws, seed: settings.seed)
            indicatorSettings.counting = counting
            byCounting[counting] = compute(prepared, windows: windows, technologies: corpus.technologyIDs.count,
                                           settings: indicatorSettings)
        }
        timings.compute = Date().timeIntervalSince(clock)
        clock = Date()

        let describe = Dictionary(uniqueKeysWithValues: technologies.map { ($0.id, $0) })
        let wholeLeaders = byCounting[.whole].map { Self.leaders($0) } ?? [:]
        for counting in settings.countings {
            guard let perTechnology = byCounting[counting] else { continue }
            var countryRows: [CountryRow] = []
            for result in perTechnology.joined() {
                let summary = result.summary
                let key = LeaderKey(technology: summary.technology, window: summary.window)
                results.technologySummaries.append(TechnologySummaryRow(
                    technology: summary.technology, name: describe[summary.technology]?.name ?? summary.technology,
                    category: describe[summary.technology]?.category ?? "", windowStart: summary.window.start,
                    windowEnd: summary.window.end, counting: counting, works: summary.works, topWorks: summary.topWorks,
                    leader: summary.leader?.description, leaderShare: summary.leaderShare,
                    runnerUp: summary.runnerUp?.description, runnerUpShare: summary.runnerUpShare,
                    leadRatio: summary.leadRatio, leaderInstitutionsInTop10: summary.leaderInstitutionsInTop10,
                    tmr: summary.tmr.rawValue, pLeader: summary.pLeader, adjustedLeader: summary.adjustedLeader?.description,
                    wholeCountingLeader: wholeLeaders[key] ?? nil, lowEvidence: summary.lowEvidence))
                for row in result.countries {
                    countryRows.append(row)
                    results.countryShares.append(CountryShareRow(
                        technology: row.technology, windowStart: row.window.start, windowEnd: row.window.end, counting: counting,
                        country: row.country.description, p: row.p, pTop: row.pTop, share: row.share, ppTop: row.ppTop,
                        rank: row.rank, hIndex: row.hIndex, ciLow: row.ciLow, ciHigh: row.ciHigh, pLeader: row.pFirst,
                        adjustedShare: row.adjustedShare, adjustedRank: row.adjustedRank, inwardness: row.inwardness,
                        lowEvidence: row.lowEvidence))
                }
                for row in result.institutions {
                    results.institutions.append(InstitutionShareRow(
                        technology: row.technology, windowStart: row.window.start, windowEnd: row.window.end, counting: counting,
                        rank: row.rank, institutionID: row.institutionID, name: "", country: row.country?.description ?? "",
                        pTop: row.pTop, share: row.share))
                }
                // Mobility is the same under either counting: kept once.
                if counting == settings.countings.first {
                    for row in result.mobility {
                        results.mobility.append(MobilityFlowRow(
                            technology: row.technology, windowStart: row.window.start, windowEnd: row.window.end,
                            origin: row.origin.description, destination: row.destination.description, authors: row.authors))
                    }
                }
            }
            for row in Headline.compute(countryRows) {
                results.headline.append(HeadlineRow(windowStart: row.window.start, windowEnd: row.window.end, counting: counting,
                                                    country: row.country.description, technologiesLed: row.led.count,
                                                    technologiesTop5: row.topFive.count))
            }
        }
        let names = try store.institutions()
        for index in results.institutions.indices {
            results.institutions[index].name = names[results.institutions[index].institutionID]?.name ?? ""
        }
        try store.replaceResults(results)
        timings.save = Date().timeIntervalSince(clock)
        return (results, timings)
    }

    /// Per technology (taxonomy order), its results for every window, computed in parallel.
    func compute(_ prepared: IndicatorCorpus, windows: [PublicationWindow], technologies: Int,
                 settings: IndicatorSettings) -> [[TechnologyIndicatorResult]] {
        let slots = Mutex([[TechnologyIndicatorResult]](repeating: [], count: technologies))
        let next = Mutex(0)
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
                slots.withLock { $0[technology] = computed }
            }
        }
        return slots.withLock { $0 }
    }

    /// Rolling windows over the publication years of the works kept, within --from/--to.
    static func windows(corpus: AnalysisCorpus, kept: [Bool], settings: AnalysisSettings) -> [PublicationWindow] {
        var low = Int.max, high = Int.min
        for (index, year) in corpus.year.enumerated() where kept[index] {
            guard let year else { continue }
            low = min(low, year)
            high = max(high, year)
        }
        if let from = settings.fromYear { low = max(low, from) }
        if let to = settings.toYear { high = min(high, to) }
        guard low <= high else { return [] }
        return PublicationWindow.rolling(over: low...high, length: settings.windowLength)
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

    public var description: String {
        switch self {
        case .notClassified: "the store has no classification: run `techtracker classify` first"
        }
    }
}

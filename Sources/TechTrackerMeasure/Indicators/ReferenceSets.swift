public import TechTrackerCore

/// Which works count as research output (METHOD §2, `--types`).
public struct WorkFilter: Sendable, Hashable {
    /// Work types kept, as the source spells them (compared exactly).
    var allowedTypes: Set<String>
    /// Whether retracted works are dropped.
    var excludeRetracted: Bool

    /// Makes a filter.
    public init(allowedTypes: Set<String> = Set(AnalysisSettings.defaultTypes), excludeRetracted: Bool = true) {
        self.allowedTypes = allowedTypes
        self.excludeRetracted = excludeRetracted
    }

    /// The default types (`AnalysisSettings.defaultTypes`), not retracted.
    public static let standard = WorkFilter()

    /// Whether work `w` of the corpus is kept.
    func admits(_ corpus: AnalysisCorpus, _ w: Int) -> Bool {
        allowedTypes.contains(corpus.type[w]) && !(excludeRetracted && corpus.isRetracted[w])
    }

    /// One flag per work of the corpus (computed once; the per-window code reads the flags).
    func flags(_ corpus: AnalysisCorpus) -> [Bool] {
        (0..<corpus.workCount).map { admits(corpus, $0) }
    }
}

/// The works of one (technology, window) with their top-10% and top-1% weights (METHOD §2, §4).
struct WindowWorks: Sendable {
    /// Corpus indices of the kept works of the technology published in the window, ascending.
    var works: [Int]
    /// T(w) for the top 10%, parallel to `works`.
    var top10: [Double]
    /// T(w) for the top 1%, parallel to `works`.
    var top1: [Double]
    /// T(w) for the top 10%, exactly.
    var top10Fraction: [Fraction]
    /// T(w) for the top 1%, exactly.
    var top1Fraction: [Fraction]
    /// The reference sets, as positions in `works` (see `ReferenceSets.partition`).
    var referenceSets: [[Int]]

    /// Makes the list from parts (by default one reference set holding every work).
    init(works: [Int], top10: [Double], top1: [Double], referenceSets: [[Int]]? = nil) {
        self.init(
            works: works, top10: top10.map { Fraction(max(0, $0)) }, top1: top1.map { Fraction(max(0, $0)) },
            referenceSets: referenceSets)
    }

    /// Makes the list from exact weights.
    init(works: [Int], top10: [Fraction], top1: [Fraction], referenceSets: [[Int]]? = nil) {
        self.works = works
        top10Fraction = top10
        top1Fraction = top1
        self.top10 = top10.map(\.value)
        self.top1 = top1.map(\.value)
        self.referenceSets = referenceSets ?? (works.isEmpty ? [] : [Array(works.indices)])
    }

    /// Selects the works of `technologyWorks` that pass the filter flags and lie in the window,
    /// and weights them against their reference sets under `scope` (METHOD §4). Works with an
    /// unknown publication year belong to no window.
    init(
        technologyWorks: [Int], window: PublicationWindow, scope: ThresholdScope,
        corpus: AnalysisCorpus, kept: [Bool]
    ) {
        let selected = ReferenceSets.select(technologyWorks, window: window, corpus: corpus, kept: kept)
        let sets = ReferenceSets.partition(selected, scope: scope, years: corpus.year)
        let citations = selected.map { corpus.citations[$0] }
        let weights = ReferenceSets.topWeightFractions(values: citations, sets: sets, shares: [.top10, .top1])
        self.init(works: selected, top10: weights[0], top1: weights[1], referenceSets: sets)
    }

    /// Number of works (the size of the union of the window's reference sets).
    var count: Int { works.count }
}

/// Reference sets of METHOD §4: per (technology, publication year) or per (technology, window).
enum ReferenceSets {
    /// The works of `technologyWorks` kept by the flags with a publication year in the window.
    static func select(
        _ technologyWorks: [Int], window: PublicationWindow,
        corpus: AnalysisCorpus, kept: [Bool]
    ) -> [Int] {
        technologyWorks.filter { w in
            guard kept[w], let year = corpus.year[w] else { return false }
            return window.contains(year)
        }
    }

    /// The reference sets of `works` under `scope` (METHOD §4), as lists of positions in
    /// `works`: one per publication year (ascending) under `.year`, one under `.window`.
    static func partition(_ works: [Int], scope: ThresholdScope, years: [Int?]) -> [[Int]] {
        guard !works.isEmpty else { return [] }
        guard scope == .year else { return [Array(works.indices)] }
        let known = works.compactMap { years[$0] }
        guard let first = known.min(), let last = known.max() else { return [Array(works.indices)] }
        var sets = [[Int]](repeating: [], count: last - first + 1)
        var unknown: [Int] = []
        for (position, w) in works.enumerated() {
            if let year = years[w] { sets[year - first].append(position) } else { unknown.append(position) }
        }
        return (unknown.isEmpty ? [] : [unknown]) + sets.filter { !$0.isEmpty }
    }

    /// Top weights of values (parallel to the works of `sets`) for each share, each work
    /// compared with the works of its reference set; one sort per set serves every share.
    static func topWeights<Value: Comparable & Sendable>(
        values: [Value], sets: [[Int]], shares: [TopShare]
    ) -> [[Double]] {
        topWeightFractions(values: values, sets: sets, shares: shares).map { $0.map(\.value) }
    }

    /// The same weights, exactly (METHOD §5: decisions on exact values).
    static func topWeightFractions<Value: Comparable & Sendable>(
        values: [Value], sets: [[Int]], shares: [TopShare]
    ) -> [[Fraction]] {
        var result = [[Fraction]](repeating: [Fraction](repeating: .zero, count: values.count), count: shares.count)
        for set in sets {
            let sorted = set.map { values[$0] }.sorted()
            for (s, share) in shares.enumerated() {
                guard let threshold = TopWeights.threshold(sorted: sorted, share: share) else { continue }
                for position in set {
                    result[s][position] = TopWeights.fraction(of: values[position], threshold: threshold)
                }
            }
        }
        return result
    }

    /// Top weights of `works` (corpus indices) scored by `values` (parallel: citations, or
    /// adjusted citations), each work compared with the works of its reference set: the same
    /// publication year under `.year`, all of them under `.window` (METHOD §4).
    static func topWeights<Value: Comparable & Sendable>(
        _ works: [Int], values: [Value], scope: ThresholdScope, years: [Int?], share: TopShare
    ) -> [Double] {
        precondition(works.count == values.count)
        return topWeights(values: values, sets: partition(works, scope: scope, years: years), shares: [share])[0]
    }
}

import TechTrackerCore

/// Which works are compared with each other to set the top-x% thresholds (METHOD §4).
public enum ThresholdScope: String, Sendable, Hashable, CaseIterable {
    /// Works of the technology with the same publication year (the default).
    case year
    /// All works of the technology in the window together (`--threshold-scope window`).
    case window
}

/// Which works count as research output (METHOD §2, `--types`).
public struct WorkFilter: Sendable, Hashable {
    /// Work types kept, as the source spells them (compared exactly).
    public var allowedTypes: Set<String>
    /// Whether retracted works are dropped.
    public var excludeRetracted: Bool

    /// Makes a filter.
    public init(allowedTypes: Set<String> = ["article", "review"], excludeRetracted: Bool = true) {
        self.allowedTypes = allowedTypes
        self.excludeRetracted = excludeRetracted
    }

    /// OpenAlex `article` and `review`, not retracted.
    public static let standard = WorkFilter()

    /// Whether work `w` of the corpus is kept.
    public func admits(_ corpus: AnalysisCorpus, _ w: Int) -> Bool {
        allowedTypes.contains(corpus.type[w]) && !(excludeRetracted && corpus.isRetracted[w])
    }

    /// One flag per work of the corpus (computed once; the per-window code reads the flags).
    public func flags(_ corpus: AnalysisCorpus) -> [Bool] {
        (0..<corpus.workCount).map { admits(corpus, $0) }
    }
}

/// The works of one (technology, window) with their top-10% and top-1% weights (METHOD §2, §4).
public struct WindowWorks: Sendable {
    /// Corpus indices of the kept works of the technology published in the window, ascending.
    public var works: [Int]
    /// T(w) for the top 10%, parallel to `works`.
    public var top10: [Double]
    /// T(w) for the top 1%, parallel to `works`.
    public var top1: [Double]

    /// Makes the list from parts.
    public init(works: [Int], top10: [Double], top1: [Double]) {
        self.works = works
        self.top10 = top10
        self.top1 = top1
    }

    /// Selects the works of `technologyWorks` that pass the filter flags and lie in the window,
    /// and weights them against their reference sets under `scope` (METHOD §4). Works with an
    /// unknown publication year belong to no window.
    public init(technologyWorks: [Int], window: PublicationWindow, scope: ThresholdScope,
                corpus: AnalysisCorpus, kept: [Bool]) {
        let selected = ReferenceSets.select(technologyWorks, window: window, corpus: corpus, kept: kept)
        let citations = selected.map { corpus.citations[$0] }
        self.init(works: selected,
                  top10: ReferenceSets.topWeights(selected, values: citations, scope: scope, years: corpus.year, share: .top10),
                  top1: ReferenceSets.topWeights(selected, values: citations, scope: scope, years: corpus.year, share: .top1))
    }

    /// Number of works (the size of the union of the window's reference sets).
    public var count: Int { works.count }
}

/// Reference sets of METHOD §4: per (technology, publication year) or per (technology, window).
public enum ReferenceSets {
    /// The works of `technologyWorks` kept by the flags with a publication year in the window.
    public static func select(_ technologyWorks: [Int], window: PublicationWindow,
                              corpus: AnalysisCorpus, kept: [Bool]) -> [Int] {
        technologyWorks.filter { w in
            guard kept[w], let year = corpus.year[w] else { return false }
            return window.contains(year)
        }
    }

    /// Top weights of `works` (corpus indices) scored by `values` (parallel: citations, or
    /// adjusted citations), each work compared with the works of its reference set: the same
    /// publication year under `.year`, all of them under `.window` (METHOD §4).
    public static func topWeights<Value: Comparable & Sendable>(
        _ works: [Int], values: [Value], scope: ThresholdScope, years: [Int?], share: TopShare
    ) -> [Double] {
        precondition(works.count == values.count)
        switch scope {
        case .window:
            return TopWeights.weights(citations: values, share: share)
        case .year:
            var result = [Double](repeating: 0, count: works.count)
            // Positions grouped by year (stable); each group is one reference set.
            let order = works.indices.sorted { (years[works[$0]] ?? Int.min, $0) < (years[works[$1]] ?? Int.min, $1) }
            var start = 0
            while start < order.count {
                let year = years[works[order[start]]]
                var end = start + 1
                while end < order.count && years[works[order[end]]] == year { end += 1 }
                let group = order[start..<end]
                let weights = TopWeights.weights(citations: group.map { values[$0] }, share: share)
                for (position, weight) in zip(group, weights) { result[position] = weight }
                start = end
            }
            return result
        }
    }
}

import TechTrackerCore

/// The works of one (technology, window) gathered once under one counting, so that every
/// indicator step reads small local arrays instead of the corpus-wide columns: the countries
/// present (local indices in code order) and each work's credit entries.
public struct WindowSlice: Sendable {
    /// The works and their top weights.
    public var works: WindowWorks
    /// Global indices of the countries with a positive credit on some work, sorted by code.
    public var countries: [Int]
    /// Their codes.
    public var codes: [CountryCode]
    /// Citations per work (parallel to `works.works`).
    public var citations: [Int]
    /// In-corpus citations per work.
    public var inCorpusCitations: [Int]
    /// Entries of work at position i: `entryStart[i]..<entryStart[i + 1]`.
    public var entryStart: [Int]
    /// Local country of each entry; `-1` = unknown (fractional counting only).
    public var entryCountry: [Int32]
    /// Credit of each entry (1 under whole counting).
    public var entryValue: [Double]
    /// Own-country citations of each entry (METHOD §7; see `CitationAdjustment`).
    public var entryOwnCitations: [Double]

    /// Gathers the slice. Entries with a non-positive credit are dropped.
    public init(works: WindowWorks, credits: CreditTable, adjustment: CitationAdjustment, corpus: AnalysisCorpus) {
        self.works = works
        var local = [Int32](repeating: -1, count: corpus.countries.count)
        var present: [Int] = []
        var entryStart = [0], entryGlobal: [Int] = [], entryValue: [Double] = [], entryOwn: [Double] = []
        entryStart.reserveCapacity(works.count + 1)
        entryGlobal.reserveCapacity(works.count * 2)
        entryValue.reserveCapacity(works.count * 2)
        entryOwn.reserveCapacity(works.count * 2)
        for w in works.works {
            for e in credits.range(w) where credits.values[e] > 0 {
                let k = credits.keys[e]
                if k >= 0 && local[k] < 0 {
                    local[k] = 0
                    present.append(k)
                }
                entryGlobal.append(k)
                entryValue.append(credits.values[e])
                entryOwn.append(adjustment.ownCountryCitations[e])
            }
            entryStart.append(entryGlobal.count)
        }
        present.sort { corpus.countries[$0] < corpus.countries[$1] }
        for (i, k) in present.enumerated() { local[k] = Int32(i) }
        countries = present
        codes = present.map { corpus.countries[$0] }
        citations = works.works.map { corpus.citations[$0] }
        inCorpusCitations = works.works.map { adjustment.inCorpusCitations[$0] }
        self.entryStart = entryStart
        entryCountry = entryGlobal.map { $0 >= 0 ? local[$0] : -1 }
        self.entryValue = entryValue
        entryOwnCitations = entryOwn
    }

    /// Number of works.
    public var count: Int { works.count }

    /// The entries of the work at position `i`.
    @inlinable
    public func entries(_ i: Int) -> Range<Int> { entryStart[i]..<entryStart[i + 1] }
}

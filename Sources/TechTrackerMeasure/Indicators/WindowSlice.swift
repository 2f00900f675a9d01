import TechTrackerCore

/// The works of one (technology, window) gathered once under one counting, so that every
/// indicator step reads small local arrays instead of the corpus-wide columns: the units
/// present (countries or groups; local indices in their tie order) and each work's credit
/// entries, each credit both as a Double and exactly.
struct WindowSlice: Sendable {
    /// The works and their top weights.
    var works: WindowWorks
    /// Global keys (country or group indices) of the units with a positive credit on some
    /// work, in tie order: countries by code, groups by name.
    var countries: [Int]
    /// Their codes (country slices; empty for group slices).
    var codes: [CountryCode]
    /// Their names as reports show them (the code, or the group's name).
    var names: [String]
    /// Citations per work (parallel to `works.works`).
    var citations: [Int]
    /// In-corpus citations per work that inwardness considers (METHOD §7; self-citations left
    /// out when excluded).
    var inCorpusCitations: [Int]
    /// Entries of work at position i: `entryStart[i]..<entryStart[i + 1]`.
    var entryStart: [Int]
    /// Local unit of each entry; `-1` = unknown (fractional country slices only).
    var entryCountry: [Int32]
    /// Credit of each entry (1 under whole counting).
    var entryValue: [Double]
    /// Exact credit of each entry.
    var entryFraction: [Fraction]
    /// Own-country citations of each entry (METHOD §7; see `CitationAdjustment`; 0 for groups).
    var entryOwnCitations: [Double]

    /// Gathers the country slice. Entries with a non-positive credit are dropped.
    init(works: WindowWorks, credits: CreditTable, adjustment: CitationAdjustment, corpus: AnalysisCorpus) {
        self.init(
            works: works, credits: credits, ownCitations: adjustment.ownCountryCitations,
            inCorpusCitations: adjustment.inwardnessCitations, corpus: corpus,
            precedes: { corpus.countries[$0] < corpus.countries[$1] }, name: { corpus.countries[$0].description })
        codes = countries.map { corpus.countries[$0] }
    }

    /// Gathers a slice of any units: `precedes` is their tie order, `name` their label.
    /// `ownCitations` (parallel to the credit entries) may be empty (no inwardness).
    init(
        works: WindowWorks, credits: CreditTable, ownCitations: [Double], inCorpusCitations: [Int32],
        corpus: AnalysisCorpus, precedes: (Int, Int) -> Bool, name: (Int) -> String
    ) {
        self.works = works
        var local = [Int32](repeating: -1, count: max(credits.keyCount, 1))
        var present: [Int] = []
        var entryStart = [0], entryGlobal: [Int] = [], entryValue: [Double] = [], entryOwn: [Double] = []
        var entryFraction: [Fraction] = []
        entryStart.reserveCapacity(works.count + 1)
        entryGlobal.reserveCapacity(works.count * 2)
        entryValue.reserveCapacity(works.count * 2)
        entryFraction.reserveCapacity(works.count * 2)
        entryOwn.reserveCapacity(works.count * 2)
        for w in works.works {
            for e in credits.range(w) where credits.value(e) > 0 {
                let k = Int(credits.keys[e])
                if k >= 0 && local[k] < 0 {
                    local[k] = 0
                    present.append(k)
                }
                entryGlobal.append(k)
                entryValue.append(credits.value(e))
                entryFraction.append(credits.fraction(e))
                entryOwn.append(ownCitations.isEmpty ? 0 : ownCitations[e])
            }
            entryStart.append(entryGlobal.count)
        }
        present.sort(by: precedes)
        for (i, k) in present.enumerated() { local[k] = Int32(i) }
        countries = present
        codes = []
        names = present.map(name)
        citations = works.works.map { corpus.citations[$0] }
        self.inCorpusCitations = works.works.map { Int(inCorpusCitations[$0]) }
        self.entryStart = entryStart
        entryCountry = entryGlobal.map { $0 >= 0 ? local[$0] : -1 }
        self.entryValue = entryValue
        self.entryFraction = entryFraction
        entryOwnCitations = entryOwn
    }

    /// Number of works.
    var count: Int { works.count }

    /// The entries of the work at position `i`.
    func entries(_ i: Int) -> Range<Int> { entryStart[i]..<entryStart[i + 1] }

    /// Exact sums over this slice's entries.
    var exactTally: ExactTally {
        ExactTally(entryStart: entryStart, entryKey: entryCountry, entryCredit: entryFraction)
    }
}

public import TechTrackerCore

/// One country's Share in one (technology, window): the headline figure alone.
public struct CountryShareFigure: Sendable, Equatable {
    /// The country.
    public var country: CountryCode
    /// P_top(country) / P_top(all) (METHOD §5).
    public var share: Double

    /// Makes a figure.
    public init(country: CountryCode, share: Double) {
        self.country = country
        self.share = share
    }
}

/// The Share of top-10% works per (technology, window, country) under fractional counting with
/// thresholds per technology and publication year (METHOD §3-§5), and nothing else: no
/// bootstrap, no adjusted ranking, no institutions, groups or mobility. For measurements that
/// set this one figure against another engine (`techtracker bench peer`).
///
/// It runs the steps `TechnologyIndicators.compute` runs for the Share of a country row, on the
/// same inputs: the kept flags of the `WorkFilter` (§2), the fractional country `CreditTable`
/// completed to 1 (§3), `WindowWorks` for the works of (t, W) and their Leiden weights per
/// reference set (§4), `WindowSlice` and `CountryIndicators` for P_top and Share (§5). The
/// shares and the countries listed are therefore those of `analyze`'s fractional country rows
/// with the same types and no merged regions, bit for bit (a test checks it); only what this
/// figure does not need is left out (the citation adjustment, the whole-counting, group and
/// institution tables, and every other indicator).
public struct FractionalShares: Sendable {
    /// The corpus.
    let corpus: AnalysisCorpus
    /// Whether each work passes the filter (METHOD §2).
    public let kept: [Bool]
    /// Fractional country credits, as `IndicatorCorpus` builds them (METHOD §3).
    let creditTable: CreditTable
    /// In-corpus citations per work, all 0: `WindowSlice` carries them for inwardness (§7),
    /// which this figure does not compute, so the citation pass that counts them is skipped.
    let noCitations: [Int32]

    /// Prepares the kept flags and the credit table once; share the value between threads.
    public init(_ corpus: AnalysisCorpus, filter: WorkFilter = .standard) {
        self.corpus = corpus
        kept = filter.flags(corpus)
        creditTable = CreditTable.countries(corpus, .fractional)
        noCitations = [Int32](repeating: 0, count: corpus.workCount)
    }

    /// Calls `body` with every fractional credit exactly as the figures use them (METHOD §3),
    /// work by work: the work, the country index (`-1` = unknown, last) and the credit, merged
    /// per country; a work's credits sum to 1.
    public func forEachCredit(_ body: (_ work: Int, _ country: Int, _ credit: Double) throws -> Void) rethrows {
        for w in 0..<(creditTable.offsets.count - 1) {
            for e in creditTable.range(w) { try body(w, Int(creditTable.keys[e]), creditTable.value(e)) }
        }
    }

    /// The Share of every country with a positive credit on a kept work of (technology index
    /// `technology`, `window`), in country-code order; a country without top-10% output has
    /// Share 0, and a (t, W) without works gives no country (METHOD §5).
    public func shares(technology: Int, window: PublicationWindow) -> [CountryShareFigure] {
        let works = WindowWorks(
            technologyWorks: corpus.memberships[technology], window: window, scope: .year, corpus: corpus,
            kept: kept)
        let countries = corpus.countries
        let slice = WindowSlice(
            works: works, credits: creditTable, ownCitations: [], inCorpusCitations: noCitations, corpus: corpus,
            precedes: { countries[$0] < countries[$1] }, name: { countries[$0].description })
        // The adjusted weights are not wanted: the plain ones stand in, as the initialiser says.
        let tally = CountryIndicators(slice: slice, adjustedTop10: works.top10Fraction)
        return zip(slice.countries, tally.share).map { CountryShareFigure(country: countries[$0], share: $1) }
    }
}

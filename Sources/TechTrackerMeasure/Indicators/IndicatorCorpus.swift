import TechTrackerCore

/// The corpus with everything the per-(technology, window) indicators need computed once:
/// the kept-work flags (METHOD §2), credit tables per counting (§3), in-corpus and adjusted
/// citations (§7) and author origins (§8). Build it once and share it between threads.
public struct IndicatorCorpus: Sendable {
    /// Per counting: its tables.
    public struct CountingTables: Sendable {
        /// Country credits.
        public var countries: CreditTable
        /// Institution credits.
        public var institutions: CreditTable
        /// In-corpus and domestic-adjusted citations.
        public var adjustment: CitationAdjustment
    }

    /// The corpus.
    public let corpus: AnalysisCorpus
    /// The filter that made `kept`.
    public let filter: WorkFilter
    /// Whether each work passes the filter.
    public let kept: [Bool]
    /// Fractional tables.
    public let fractional: CountingTables
    /// Whole-counting tables.
    public let whole: CountingTables
    /// Each author's origin country index (`-1` unknown).
    public let authorOrigins: [Int]

    /// Prepares a corpus.
    public init(_ corpus: AnalysisCorpus, filter: WorkFilter = .standard) {
        self.corpus = corpus
        self.filter = filter
        kept = filter.flags(corpus)
        func tables(_ counting: Counting) -> CountingTables {
            let countries = CreditTable.countries(corpus, counting)
            return CountingTables(countries: countries, institutions: CreditTable.institutions(corpus, counting),
                                  adjustment: CitationAdjustment(corpus: corpus, credits: countries))
        }
        fractional = tables(.fractional)
        whole = tables(.whole)
        authorOrigins = Mobility.origins(corpus)
    }

    /// The tables of a counting.
    public func tables(_ counting: Counting) -> CountingTables {
        counting == .fractional ? fractional : whole
    }

    /// The index of a technology id, if present.
    public func technologyIndex(_ id: String) -> Int? { corpus.technologyIDs.firstIndex(of: id) }
}

import Dispatch
import Synchronization
public import TechTrackerCore

/// The corpus with everything the per-(technology, window) indicators need computed once:
/// the kept-work flags (METHOD §2), credit tables per counting (§3) for countries, groups and
/// institutions, in-corpus and adjusted citations (§7) and author origins (§8). Build it once
/// and share it between threads.
public struct IndicatorCorpus: Sendable {
    /// Per counting: its tables.
    struct CountingTables: Sendable {
        /// Country credits.
        var countries: CreditTable
        /// Group credits (key = index in `groups`).
        var groups: CreditTable
        /// Institution credits.
        var institutions: CreditTable
        /// In-corpus and domestic-adjusted citations.
        var adjustment: CitationAdjustment
    }

    /// The corpus (regions merged when asked), without the raw credit columns and the
    /// references: the tables below hold what the indicators need of them.
    let corpus: AnalysisCorpus
    /// The filter that made `kept`.
    let filter: WorkFilter
    /// Whether each work passes the filter.
    public let kept: [Bool]
    /// The groups measured beside the countries, in the settings' order.
    let groups: [CountryGroup]
    /// Per group, the corpus indices of its member countries.
    let groupMembers: [[Int]]
    /// The index of the EU27 group in `groups`, if measured (for monopoly risk with the EU as
    /// one unit, METHOD §2).
    let euGroup: Int?
    /// Fractional tables.
    let fractional: CountingTables
    /// Whole-counting tables.
    let whole: CountingTables
    /// Each author's origin country index (`-1` unknown).
    let authorOrigins: [Int]
    /// Each institution's place in id order (ties among top institutions).
    let institutionTieRank: [Int32]
    /// Per work, whether a counting patent cites it (METHOD §10); `nil` when prepared without
    /// a patent filter (no patent data: no patent figures).
    let patentCited: [Bool]?
    /// Citations in the corpus that pass the patent filter (0 without one).
    public let countingPatentCitations: Int
    /// Works a counting patent cites (0 without a patent filter).
    public let patentCitedWorks: Int

    /// Prepares a corpus: `mergedRegions` maps a region's code to the country it is merged into
    /// (METHOD §2, `--merge-regions CN`: HK and MO to CN); `groups` are measured as units;
    /// `excludeSelfCitations` leaves author self-citations out of the adjustment (§7);
    /// `patentFilter` says which patent citations count (§10; `nil`: no patent figures).
    ///
    /// The corpus is consumed: its raw credit columns are released once the credit tables hold
    /// them, and its references once the citation pass has followed them, so that a caller that
    /// hands it over (`consume`) never holds the columns and the tables made of them together.
    public init(
        _ corpus: consuming AnalysisCorpus, filter: WorkFilter = .standard,
        mergedRegions: [CountryCode: CountryCode] = [:], groups: [CountryGroup] = [],
        excludeSelfCitations: Bool = false,
        patentFilter: PatentCitationFilter? = nil
    ) {
        // Consumed, so that releasing columns below frees them (no other copy holds them).
        var corpus = consume corpus
        if !mergedRegions.isEmpty { corpus = corpus.mergingRegions(mergedRegions) }
        self.filter = filter
        kept = filter.flags(corpus)
        self.groups = groups
        let index = Dictionary(uniqueKeysWithValues: corpus.countries.enumerated().map { ($1, $0) })
        let members = groups.map { $0.members.compactMap { index[$0] } }
        groupMembers = members
        euGroup = groups.firstIndex { $0.name == "EU27" }
        let credits = Self.creditTables(corpus, members: members)
        corpus.releaseCreditColumns()
        let adjustments = Self.citationAdjustments(
            corpus, countries: (credits.fractional.countries, credits.whole.countries),
            excludeSelfCitations: excludeSelfCitations)
        corpus.releaseReferences()
        fractional = CountingTables(
            countries: credits.fractional.countries, groups: credits.fractional.groups,
            institutions: credits.fractional.institutions, adjustment: adjustments.fractional)
        whole = CountingTables(
            countries: credits.whole.countries, groups: credits.whole.groups,
            institutions: credits.whole.institutions, adjustment: adjustments.whole)
        authorOrigins = Mobility.origins(corpus)
        institutionTieRank = CanonicalOrder.institutionRanks(corpus)
        let patents = patentFilter.map { PatentLinkage.countingCitations(corpus, filter: $0) }
        patentCited = patents?.cited
        countingPatentCitations = patents?.counting ?? 0
        patentCitedWorks = patents?.cited.reduce(0) { $0 + ($1 ? 1 : 0) } ?? 0
        self.corpus = corpus
    }

    /// A counting's credit tables (METHOD §3), before the citation pass.
    private struct CreditTables: Sendable {
        var countries: CreditTable
        var groups: CreditTable
        var institutions: CreditTable
    }

    /// Both countings' credit tables, one thread each.
    private static func creditTables(
        _ corpus: AnalysisCorpus, members: [[Int]]
    ) -> (fractional: CreditTables, whole: CreditTables) {
        forBothCountings { counting in
            let countries = CreditTable.countries(corpus, counting)
            return CreditTables(
                countries: countries, groups: CreditTable.groups(countries, members: members, counting: counting),
                institutions: CreditTable.institutions(corpus, counting))
        }
    }

    /// Both countings' citation passes (METHOD §7), one thread each: they dominate preparing.
    private static func citationAdjustments(
        _ corpus: AnalysisCorpus, countries: (fractional: CreditTable, whole: CreditTable), excludeSelfCitations: Bool
    ) -> (fractional: CitationAdjustment, whole: CitationAdjustment) {
        forBothCountings { counting in
            CitationAdjustment(
                corpus: corpus, credits: counting == .fractional ? countries.fractional : countries.whole,
                excludeSelfCitations: excludeSelfCitations)
        }
    }

    /// `make` of each counting, the two on two threads.
    private static func forBothCountings<Made: Sendable>(
        _ make: @Sendable (Counting) -> Made
    ) -> (fractional: Made, whole: Made) {
        let made = Mutex<[Counting: Made]>([:])
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let counting: Counting = i == 0 ? .fractional : .whole
            let result = make(counting)
            made.withLock { $0[counting] = result }
        }
        let both = made.withLock { $0 }
        return (both[.fractional] ?? make(.fractional), both[.whole] ?? make(.whole))
    }

    /// Publication year per work (`nil` when unknown).
    public var year: [Int?] { corpus.year }

    /// The tables of a counting.
    func tables(_ counting: Counting) -> CountingTables {
        counting == .fractional ? fractional : whole
    }

    /// The index of a technology id, if present.
    func technologyIndex(_ id: String) -> Int? { corpus.technologyIDs.firstIndex(of: id) }
}

extension AnalysisCorpus {
    /// Empties the raw country and institution credit columns (METHOD §3), once the credit
    /// tables hold them: nothing reads them after.
    mutating func releaseCreditColumns() {
        creditOffsets = []
        creditCountry = []
        creditValue = []
        creditFraction = []
        institutionOffsets = []
        institutionIndex = []
        institutionValue = []
        institutionFraction = []
    }

    /// Empties the in-corpus references, once the citation pass (METHOD §7) has followed them.
    mutating func releaseReferences() {
        referenceOffsets = []
        referencedWork = []
    }

    /// The corpus with each region's code replaced by the code it is merged into, wherever a
    /// country appears: credits, institutions' countries and authorships' places. Credits of
    /// merged countries on one work add up (the credit table merges repeated keys).
    func mergingRegions(_ mapping: [CountryCode: CountryCode]) -> AnalysisCorpus {
        var result = self
        var indexOf = Dictionary(uniqueKeysWithValues: countries.enumerated().map { ($1, $0) })
        for target in Set(mapping.values).sorted() where indexOf[target] == nil {
            indexOf[target] = result.countries.count
            result.countries.append(target)
        }
        let remap = countries.map { code in mapping[code].flatMap { indexOf[$0] } ?? indexOf[code] ?? -1 }
        func map(_ k: Int) -> Int { k >= 0 && k < remap.count ? remap[k] : k }
        result.creditCountry = creditCountry.map(map)
        result.institutionCountry = institutionCountry.map(map)
        result.authorCountry = authorCountry.map { Int32(map(Int($0))) }
        return result
    }
}

/// The corpus in compact columns, as the indicator computations read it (load once from the
/// store, compute in memory). Works, countries, institutions and authors are numbered 0…n-1
/// in a canonical order that depends only on the data (works and institutions by source id,
/// countries by code, authors by id; see `AnalysisCorpusLoader`), so that every sum is taken
/// in the same order whatever order the records were read in; lists per work are in
/// compressed-sparse-row form: the entries of work `w` are `entries[offsets[w]..<offsets[w + 1]]`.
public struct AnalysisCorpus: Sendable {
    /// Country of each country index.
    public var countries: [CountryCode] = []
    /// Number of works.
    public var workCount = 0
    /// Publication year per work (`nil` when unknown).
    public var year: [Int?] = []
    /// Citations per work (`cited_by_count`).
    public var citations: [Int] = []
    /// Work type per work (`article`, `review`, …).
    public var type: [String] = []
    /// Whether each work is retracted.
    public var isRetracted: [Bool] = []

    /// Fractional country credits (METHOD §3): offsets (workCount + 1).
    public var creditOffsets: [Int] = [0]
    /// Country index of each credit; `-1` = unknown.
    public var creditCountry: [Int] = []
    /// The credit (the credits of a work sum to 1).
    public var creditValue: [Double] = []
    /// The exact credit (parallel to `creditValue`; may be left empty, and the exact values
    /// are then those of the Doubles).
    public var creditFraction: [Fraction] = []

    /// Institution id per institution index.
    public var institutionIDs: [String] = []
    /// Country index per institution (`-1` = unknown): the most frequent country given for it
    /// across the works that name it, ties to the smaller code (METHOD §5, top institutions).
    public var institutionCountry: [Int] = []
    /// Fractional institution credits: offsets (workCount + 1).
    public var institutionOffsets: [Int] = [0]
    /// Institution index of each credit.
    public var institutionIndex: [Int] = []
    /// The credit.
    public var institutionValue: [Double] = []
    /// The exact credit (parallel to `institutionValue`, or empty as `creditFraction`).
    public var institutionFraction: [Fraction] = []

    /// In-corpus references: offsets (workCount + 1).
    public var referenceOffsets: [Int] = [0]
    /// Index of each cited work (references to works outside the corpus are left out).
    /// Int32: the largest column (tens of references per work), at half the memory.
    public var referencedWork: [Int32] = []

    /// Authorships with a persistent author id: offsets (workCount + 1).
    public var authorOffsets: [Int] = [0]
    /// Author index of each authorship (Int32, like the other large per-entry columns).
    public var authorIndex: [Int32] = []
    /// Country index of that authorship on that work (its first institution with a country,
    /// else its first fallback country; `-1` = unknown).
    public var authorCountry: [Int32] = []
    /// Author id per author index.
    public var authorIDs: [String] = []

    /// Technology ids, in taxonomy order.
    public var technologyIDs: [String] = []
    /// Per technology, its works (indices, ascending).
    public var memberships: [[Int]] = []

    /// Patent citations to the works (METHOD §10), ordered by work: the index of the cited work
    /// of each (a work cited by several patents appears once per citation).
    public var patentWork: [Int32] = []
    /// The confidence of each citation (1-10; 0 = not given).
    public var patentConfidence: [UInt8] = []
    /// The attributes of each citation (`PatentCitationAttributes`: the filters read them).
    public var patentAttributes: [UInt8] = []

    /// Makes an empty corpus.
    public init() {}

    /// The range of entries of work `w` in a CSR list with these offsets. Inlinable: the
    /// canonical order (TechTrackerMeasure) calls it for every list of every work it reorders.
    @inlinable
    public static func range(_ offsets: [Int], _ work: Int) -> Range<Int> {
        offsets[work]..<offsets[work + 1]
    }
}

/// `patent_linkage.csv`: one unit (country or group) in one (technology, window, counting), by
/// the patent citations to its top-10% works (METHOD §10).
public struct PatentLinkageRow: Sendable, Hashable {
    /// The `technology` column.
    public var technology: String
    /// The `window_start` column.
    public var windowStart: Int
    /// The `window_end` column.
    public var windowEnd: Int
    /// The `counting` column.
    public var counting: Counting
    /// The `unit_type` column (`country` or `group`).
    public var unitType: UnitType
    /// The `country` column: an ISO code, a merged region's code, or a group's name.
    public var country: String
    /// The `pc` column: PC = Σ credit × T(w) over the top works cited by at least one counting
    /// patent.
    public var pc: Double
    /// The `patent_cited_share` column: PC over Σ T(w) of the cited top works (the Share
    /// restricted to top works that patents cite).
    public var patentCitedShare: Double
    /// The `patent_rate` column: PC / P_top (`nil` when P_top is 0).
    public var patentRate: Double?
    /// The `rti` column: patent-cited share / Share (`nil` when the Share is 0).
    public var rti: Double?
    /// The `rank` column: rank by patent-cited share among units of the same type (ties by
    /// code or name, as for Share).
    public var rank: Int
    /// The `ci_low` column: 95% stability interval of the patent-cited share (`nil` when the
    /// bootstrap was skipped).
    public var ciLow: Double?
    /// The `ci_high` column.
    public var ciHigh: Double?
    /// The `incomplete` column: the window ends within 5 years of the patent data's cut-off
    /// ("incomplete (patent lag)").
    public var incomplete: Bool
    /// The `low_evidence` column: the (t, W) is low evidence, or PC < 5.
    public var lowEvidence: Bool

    /// Makes a row.
    public init(
        technology: String, windowStart: Int, windowEnd: Int, counting: Counting, unitType: UnitType = .country,
        country: String, pc: Double, patentCitedShare: Double, patentRate: Double?, rti: Double?, rank: Int,
        ciLow: Double?, ciHigh: Double?, incomplete: Bool, lowEvidence: Bool
    ) {
        self.technology = technology; self.windowStart = windowStart; self.windowEnd = windowEnd
        self.counting = counting; self.unitType = unitType; self.country = country; self.pc = pc
        self.patentCitedShare = patentCitedShare; self.patentRate = patentRate; self.rti = rti; self.rank = rank
        self.ciLow = ciLow; self.ciHigh = ciHigh; self.incomplete = incomplete; self.lowEvidence = lowEvidence
    }
}

/// `patent_summary.csv`: one (technology, window, counting) by patent citations (METHOD §10):
/// the leader by patent-cited share beside the leader by Share.
public struct PatentSummaryRow: Sendable, Hashable {
    /// The `technology` column.
    public var technology: String
    /// The `window_start` column.
    public var windowStart: Int
    /// The `window_end` column.
    public var windowEnd: Int
    /// The `counting` column.
    public var counting: Counting
    /// The `top_works` column: Σ T(w), the size of the top 10%.
    public var topWorks: Double
    /// The `patent_cited_top_works` column: Σ T(w) over the top works that a counting patent
    /// cites (the denominator of the patent-cited share).
    public var patentCitedTopWorks: Double
    /// The `leader_by_share` column.
    public var leaderByShare: String?
    /// The `leader` column: the country first by patent-cited share.
    public var leader: String?
    /// The `leader_patent_cited_share` column.
    public var leaderPatentCitedShare: Double?
    /// The `leader_tied` column: the first two countries have exactly equal patent-cited shares.
    public var leaderTied: Bool
    /// The `leaders_differ` column: the leader by patent-cited share is not the leader by Share.
    public var leadersDiffer: Bool
    /// The `incomplete` column: the window ends within 5 years of the patent cut-off.
    public var incomplete: Bool
    /// The `low_evidence` column: the (t, W) is low evidence, or the leader's PC < 5.
    public var lowEvidence: Bool

    /// Makes a row.
    public init(
        technology: String, windowStart: Int, windowEnd: Int, counting: Counting, topWorks: Double,
        patentCitedTopWorks: Double, leaderByShare: String?, leader: String?, leaderPatentCitedShare: Double?,
        leaderTied: Bool, leadersDiffer: Bool, incomplete: Bool, lowEvidence: Bool
    ) {
        self.technology = technology; self.windowStart = windowStart; self.windowEnd = windowEnd
        self.counting = counting; self.topWorks = topWorks; self.patentCitedTopWorks = patentCitedTopWorks
        self.leaderByShare = leaderByShare; self.leader = leader; self.leaderPatentCitedShare = leaderPatentCitedShare
        self.leaderTied = leaderTied; self.leadersDiffer = leadersDiffer; self.incomplete = incomplete
        self.lowEvidence = lowEvidence
    }
}

/// The patent-citation data an analysis read (METHOD §10), stated beside its figures.
public struct PatentDataSummary: Sendable, Equatable, Codable {
    /// One file read by `ingest-patents`.
    public struct File: Sendable, Equatable, Codable {
        /// The file's name (no folder).
        public var name: String
        /// Its size in bytes.
        public var size: Int64
        /// Citations kept from it (to works in the store).
        public var citations: Int
        /// The latest citation year it gave (its cut-off).
        public var latestYear: Int?

        /// Makes a file entry.
        public init(name: String, size: Int64, citations: Int, latestYear: Int?) {
            self.name = name; self.size = size; self.citations = citations; self.latestYear = latestYear
        }

        /// Whether the file is synthetic: its name says SYNTHETIC (as `generate` names it).
        public var isSynthetic: Bool { name.uppercased().contains("SYNTHETIC") }
    }

    /// The files, by name.
    public var files: [File]
    /// The patent cut-off: the latest citation year the files gave (`nil` when none did).
    public var cutoffYear: Int?
    /// Citations in the store to the analysed works, and those that passed the filter.
    public var citations: Int, countingCitations: Int
    /// Analysed works cited by at least one counting patent.
    public var citedWorks: Int

    /// Makes a summary.
    public init(files: [File], cutoffYear: Int?, citations: Int, countingCitations: Int, citedWorks: Int) {
        self.files = files; self.cutoffYear = cutoffYear; self.citations = citations
        self.countingCitations = countingCitations; self.citedWorks = citedWorks
    }

    /// Whether any of the files is synthetic.
    public var isSynthetic: Bool { files.contains(where: \.isSynthetic) }

    /// METHOD §10: a window whose last year is within 5 years of the cut-off is incomplete
    /// (patent citations arrive years after the papers; median ~6). Without a known cut-off
    /// every window is flagged.
    public static let lagYears = 5

    /// Whether a window ending in `windowEnd` is "incomplete (patent lag)" under this cut-off.
    public static func isIncomplete(windowEnd: Int, cutoffYear: Int?) -> Bool {
        guard let cutoffYear else { return true }
        return cutoffYear - windowEnd <= lagYears
    }
}

public import TechTrackerCore
import TechTrackerPresent

// The API's mirrors of the rows by patent citations (METHOD §10). Every field that carries them
// is optional and absent (not null) without patent data, so that such answers are as before.

/// A `PatentLinkageRow`.
public struct PatentLinkageJSON: Codable, Sendable, Equatable {
    /// The technology's id.
    public var technology: String
    /// The first year of the window.
    public var windowStart: Int
    /// The last year of the window.
    public var windowEnd: Int
    /// The counting (`fractional`, `whole`).
    public var counting: String
    /// `country` or `group`.
    public var unitType: String
    /// The country code or group name.
    public var country: String
    /// PC: the unit's credit in the top-10% works a counting patent cites.
    public var pc: Double
    /// Its share of the top-10% works that counting patents cite.
    public var patentCitedShare: Double
    /// PC / P_top.
    public var patentRate: Double?
    /// Patent-cited share / Share.
    public var rti: Double?
    /// Rank by patent-cited share among units of the same type.
    public var rank: Int
    /// The 95% stability interval's low end.
    public var ciLow: Double?
    /// Its high end.
    public var ciHigh: Double?
    /// Within the patent lag: "incomplete (patent lag)".
    public var incomplete: Bool
    /// Low evidence.
    public var lowEvidence: Bool

    /// The row as JSON.
    public init(_ row: PatentLinkageRow) {
        technology = row.technology
        windowStart = row.windowStart
        windowEnd = row.windowEnd
        counting = row.counting.rawValue
        unitType = row.unitType.rawValue
        country = row.country
        pc = row.pc
        patentCitedShare = row.patentCitedShare
        patentRate = row.patentRate
        rti = row.rti
        rank = row.rank
        ciLow = row.ciLow
        ciHigh = row.ciHigh
        incomplete = row.incomplete
        lowEvidence = row.lowEvidence
    }
}

/// A `PatentSummaryRow`.
public struct PatentSummaryJSON: Codable, Sendable, Equatable {
    /// The technology's id.
    public var technology: String
    /// The first year of the window.
    public var windowStart: Int
    /// The last year of the window.
    public var windowEnd: Int
    /// The counting (`fractional`, `whole`).
    public var counting: String
    /// Σ T(w), the size of the top 10%.
    public var topWorks: Double
    /// Σ T(w) of the top works a counting patent cites.
    public var patentCitedTopWorks: Double
    /// The leader by Share.
    public var leaderByShare: String?
    /// The leader by patent-cited share.
    public var leader: String?
    /// Its patent-cited share.
    public var leaderPatentCitedShare: Double?
    /// The first two are exactly equal.
    public var leaderTied: Bool
    /// The two leaders differ.
    public var leadersDiffer: Bool
    /// Within the patent lag: "incomplete (patent lag)".
    public var incomplete: Bool
    /// Low evidence.
    public var lowEvidence: Bool

    /// The row as JSON.
    public init(_ row: PatentSummaryRow) {
        technology = row.technology
        windowStart = row.windowStart
        windowEnd = row.windowEnd
        counting = row.counting.rawValue
        topWorks = row.topWorks
        patentCitedTopWorks = row.patentCitedTopWorks
        leaderByShare = row.leaderByShare
        leader = row.leader
        leaderPatentCitedShare = row.leaderPatentCitedShare
        leaderTied = row.leaderTied
        leadersDiffer = row.leadersDiffer
        incomplete = row.incomplete
        lowEvidence = row.lowEvidence
    }
}

/// `/api/settings`' `patents`: the patent data and filter behind the patent figures.
public struct PatentSettingsJSON: Codable, Sendable, Equatable {
    /// The filter in one line, as reports state it.
    public var summary: String
    /// The lowest confidence that counts.
    public var minimumConfidence: Int
    /// Only references the applicant supplied.
    public var applicantOnly: Bool
    /// Inventor self-citations left out.
    public var excludeSelfCitations: Bool
    /// Only front-page references.
    public var frontPageOnly: Bool
    /// The latest citation year of the files.
    public var cutoffYear: Int?
    /// The last window end that is complete for patent citations.
    public var lastCompleteWindowEnd: Int?
    /// The files read.
    public var files: [PatentDataSummary.File]
    /// Citations to the analysed works.
    public var citations: Int
    /// Those that passed the filter.
    public var countingCitations: Int
    /// Analysed works cited by a counting patent.
    public var citedWorks: Int
    /// Whether the patent citations are synthetic.
    public var synthetic: Bool

    /// The patent settings of `results`, nil without patent data.
    public init?(_ results: AnalysisResults) {
        guard let data = results.patentData else { return nil }
        let filter = results.settings.patentFilter
        summary = filter.summary
        minimumConfidence = filter.minimumConfidence
        applicantOnly = filter.applicantOnly
        excludeSelfCitations = filter.excludeSelfCitations
        frontPageOnly = filter.frontPageOnly
        cutoffYear = data.cutoffYear
        lastCompleteWindowEnd = data.lastCompleteWindowEnd
        files = data.files
        citations = data.citations
        countingCitations = data.countingCitations
        citedWorks = data.citedWorks
        synthetic = data.isSynthetic
    }
}

import TechTrackerCore

/// The files of the figures by patent citations (METHOD §10): `patent_linkage`,
/// `patent_summary` and `patent_headline`, written after `headline` and only when the analysis
/// read patent data (`patentData` non-nil), so that an export without it has exactly the files
/// it always had. README "export" documents their columns.
extension ResultsExporter {
    /// The patent tables in the order of their files; none without patent data.
    static func patentTables(_ results: AnalysisResults) -> [Table] {
        guard results.patentData != nil else { return [] }
        return [
            table("patent_linkage", results.patentLinkage, columns: patentLinkageColumns) {
                [
                    .text($0.technology), .integer($0.windowStart), .integer($0.windowEnd), .text($0.counting.rawValue),
                    unitOrder($0.unitType), .integer($0.rank), .text($0.country),
                ]
            },
            table("patent_summary", results.patentSummaries, columns: patentSummaryColumns) {
                [.text($0.technology), .integer($0.windowStart), .integer($0.windowEnd), .text($0.counting.rawValue)]
            },
            // The headline's columns and order: the two files read side by side.
            table("patent_headline", results.patentHeadline, columns: headlineColumns) {
                [
                    .integer($0.windowStart), .integer($0.windowEnd), .text($0.counting.rawValue),
                    unitOrder($0.unitType), .integer(-$0.technologiesLed), .text($0.country),
                ]
            },
        ]
    }

    /// `patent_linkage`: the unit's identity as in `country_shares`, then the §10 figures in the
    /// order METHOD defines them, the rank and interval of the patent-cited share, the flags last.
    static let patentLinkageColumns: [Column<PatentLinkageRow>] = [
        Column("technology") { .text($0.technology) },
        Column("window_start") { .integer($0.windowStart) },
        Column("window_end") { .integer($0.windowEnd) },
        Column("counting") { .text($0.counting.rawValue) },
        Column("unit_type") { .text($0.unitType.rawValue) },
        Column("country") { .text($0.country) },
        Column("pc") { .number($0.pc) },
        Column("patent_cited_share") { .number($0.patentCitedShare) },
        Column("patent_rate") { .number($0.patentRate) },
        Column("rti") { .number($0.rti) },
        Column("rank") { .integer($0.rank) },
        Column("ci_low") { .number($0.ciLow) },
        Column("ci_high") { .number($0.ciHigh) },
        Column("incomplete") { .flag($0.incomplete) },
        Column("low_evidence") { .flag($0.lowEvidence) },
    ]

    /// `patent_summary`: the top works and the cited ones, the leader by Share beside the leader
    /// by patent-cited share, then the flags.
    static let patentSummaryColumns: [Column<PatentSummaryRow>] = [
        Column("technology") { .text($0.technology) },
        Column("window_start") { .integer($0.windowStart) },
        Column("window_end") { .integer($0.windowEnd) },
        Column("counting") { .text($0.counting.rawValue) },
        Column("top_works") { .number($0.topWorks) },
        Column("patent_cited_top_works") { .number($0.patentCitedTopWorks) },
        Column("leader_by_share") { .text($0.leaderByShare) },
        Column("leader") { .text($0.leader) },
        Column("leader_patent_cited_share") { .number($0.leaderPatentCitedShare) },
        Column("leader_tied") { .flag($0.leaderTied) },
        Column("leaders_differ") { .flag($0.leadersDiffer) },
        Column("incomplete") { .flag($0.incomplete) },
        Column("low_evidence") { .flag($0.lowEvidence) },
    ]
}

/// `settings.json`'s `patents`: the patent data and filter behind the patent files, present only
/// when the analysis read patent data.
struct ExportedPatents: Encodable {
    /// The filter in words (`PatentCitationFilter.summary`); the filter's fields are in
    /// `settings.patentFilter`.
    let filter: String
    /// The latest citation year of the files (nil when none gave one).
    let cutoffYear: Int?
    /// The last `window_end` that is complete for patent citations (nil without a cut-off:
    /// every window is then incomplete).
    let lastCompleteWindowEnd: Int?
    let files: [PatentDataSummary.File]
    let citations: Int
    let countingCitations: Int
    let citedWorks: Int
    let synthetic: Bool
    let note: String

    init(_ data: PatentDataSummary, filter: PatentCitationFilter) {
        self.filter = filter.summary
        cutoffYear = data.cutoffYear
        lastCompleteWindowEnd = data.lastCompleteWindowEnd
        files = data.files
        citations = data.citations
        countingCitations = data.countingCitations
        citedWorks = data.citedWorks
        synthetic = data.isSynthetic
        note =
            (data.isSynthetic ? "SYNTHETIC DATA: generated patent citations, not evidence. " : "")
            + (lastCompleteWindowEnd.map { "Windows ending after \($0) are incomplete (patent lag). " }
                ?? "The patent cut-off is unknown: every window is incomplete (patent lag). ")
            + AnalysisReport.patentMeaning
    }
}

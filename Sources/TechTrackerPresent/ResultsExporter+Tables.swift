import TechTrackerCore

/// The export tables: for each file its columns (header and value side by side, so that the two
/// can never drift apart) and its row order. README "export" documents both; keep them in step.
extension ResultsExporter {
    /// A column: its header and how a row fills it.
    struct Column<Row>: Sendable {
        let name: String
        let cell: @Sendable (Row) -> Cell

        init(_ name: String, _ cell: @escaping @Sendable (Row) -> Cell) {
            self.name = name
            self.cell = cell
        }
    }

    /// One part of a row's sort key; keys compare part by part.
    enum SortKey: Comparable {
        case integer(Int), text(String)
    }

    /// The tables in the order of their files.
    static func tables(_ results: AnalysisResults) -> [Table] {
        [
            table("country_shares", results.countryShares, columns: countryShareColumns) {
                [
                    .text($0.technology), .integer($0.windowStart), .integer($0.windowEnd), .text($0.counting.rawValue),
                    unitOrder($0.unitType), .integer($0.rank), .text($0.country),
                ]
            },
            table("technology_summary", results.technologySummaries, columns: summaryColumns) {
                [.text($0.technology), .integer($0.windowStart), .integer($0.windowEnd), .text($0.counting.rawValue)]
            },
            table("institutions", results.institutions, columns: institutionColumns) {
                [
                    .text($0.technology), .integer($0.windowStart), .integer($0.windowEnd), .text($0.counting.rawValue),
                    .integer($0.rank), .text($0.institutionID),
                ]
            },
            table("mobility", results.mobility, columns: mobilityColumns) {
                [
                    .text($0.technology), .integer($0.windowStart), .integer($0.windowEnd), .text($0.origin),
                    .text($0.destination),
                ]
            },
            table("mobility_gains", results.mobilityGains, columns: mobilityGainColumns) {
                [.text($0.technology), .integer($0.windowStart), .integer($0.windowEnd), .text($0.country)]
            },
            table("headline", results.headline, columns: headlineColumns) {
                [
                    .integer($0.windowStart), .integer($0.windowEnd), .text($0.counting.rawValue),
                    unitOrder($0.unitType),
                    .integer(-$0.technologiesLed), .text($0.country),
                ]
            },
        ] + patentTables(results)
    }

    /// Sorts `rows` on `key` and renders them. Rows with equal keys (which valid results never
    /// have: the keys include the stored primary key) fall back to their CSV text, so that even
    /// then the order does not depend on the order the rows came in.
    static func table<Row>(_ name: String, _ rows: [Row], columns: [Column<Row>], key: (Row) -> [SortKey]) -> Table {
        let keyed = rows.map { row in (key: key(row), cells: columns.map { $0.cell(row) }) }
        let sorted = keyed.sorted { a, b in
            a.key != b.key ? a.key.lexicographicallyPrecedes(b.key) : csvLine(a.cells) < csvLine(b.cells)
        }
        return Table(name: name, columns: columns.map(\.name), rows: sorted.map(\.cells))
    }

    /// Countries before groups: a reader scanning a technology meets the country ranking first,
    /// the groups (ranked among themselves) after it.
    static func unitOrder(_ unit: UnitType) -> SortKey {
        .integer(unit == .country ? 0 : 1)
    }

    /// `country_shares`: the unit's identity, then the figures in the order of METHOD §5 (with the
    /// tie flag beside the rank and the top-1% figures beside the top-10% ones), then the §7
    /// diagnostics, the low-evidence flag and the group-only columns last.
    static let countryShareColumns: [Column<CountryShareRow>] = [
        Column("technology") { .text($0.technology) },
        Column("window_start") { .integer($0.windowStart) },
        Column("window_end") { .integer($0.windowEnd) },
        Column("counting") { .text($0.counting.rawValue) },
        Column("unit_type") { .text($0.unitType.rawValue) },
        Column("country") { .text($0.country) },
        Column("p") { .number($0.p) },
        Column("p_top") { .number($0.pTop) },
        Column("share") { .number($0.share) },
        Column("pp_top") { .number($0.ppTop) },
        Column("rank") { .integer($0.rank) },
        Column("tied") { .flag($0.tied) },
        Column("p_top1") { .number($0.pTop1) },
        Column("share_top1") { .number($0.shareTop1) },
        Column("h_index") { .integer($0.hIndex) },
        Column("ci_low") { .number($0.ciLow) },
        Column("ci_high") { .number($0.ciHigh) },
        Column("p_leader") { .number($0.pLeader) },
        Column("adjusted_share") { .number($0.adjustedShare) },
        Column("adjusted_rank") { .integer($0.adjustedRank) },
        Column("inwardness") { .number($0.inwardness) },
        Column("low_evidence") { .flag($0.lowEvidence) },
        Column("rank_among_countries") { .integer($0.rankAmongCountries) },
        Column("ratio_to_best_outside") { .number($0.ratioToBestOutside) },
    ]

    /// `technology_summary`: the leader's top-1% share and tie flag beside its share; the EU-as-
    /// one-unit view last, as an alternative reading of the columns before it.
    static let summaryColumns: [Column<TechnologySummaryRow>] = [
        Column("technology") { .text($0.technology) },
        Column("name") { .text($0.name) },
        Column("category") { .text($0.category) },
        Column("window_start") { .integer($0.windowStart) },
        Column("window_end") { .integer($0.windowEnd) },
        Column("counting") { .text($0.counting.rawValue) },
        Column("works") { .integer($0.works) },
        Column("top_works") { .number($0.topWorks) },
        Column("leader") { .text($0.leader) },
        Column("leader_share") { .number($0.leaderShare) },
        Column("leader_share_top1") { .number($0.leaderShareTop1) },
        Column("leader_tied") { .flag($0.leaderTied) },
        Column("runner_up") { .text($0.runnerUp) },
        Column("runner_up_share") { .number($0.runnerUpShare) },
        Column("lead_ratio") { .number($0.leadRatio) },
        Column("leader_institutions_in_top10") { .integer($0.leaderInstitutionsInTop10) },
        Column("tmr") { .text($0.tmr) },
        Column("p_leader") { .number($0.pLeader) },
        Column("adjusted_leader") { .text($0.adjustedLeader) },
        Column("whole_counting_leader") { .text($0.wholeCountingLeader) },
        Column("low_evidence") { .flag($0.lowEvidence) },
        Column("eu_unit_leader") { .text($0.euUnitLeader) },
        Column("eu_unit_lead_ratio") { .number($0.euUnitLeadRatio) },
        Column("eu_unit_tmr") { .text($0.euUnitTMR) },
    ]

    /// `institutions`.
    static let institutionColumns: [Column<InstitutionShareRow>] = [
        Column("technology") { .text($0.technology) },
        Column("window_start") { .integer($0.windowStart) },
        Column("window_end") { .integer($0.windowEnd) },
        Column("counting") { .text($0.counting.rawValue) },
        Column("rank") { .integer($0.rank) },
        Column("institution_id") { .text($0.institutionID) },
        Column("name") { .text($0.name) },
        Column("country") { .text($0.country) },
        Column("p_top") { .number($0.pTop) },
        Column("share") { .number($0.share) },
        Column("low_evidence") { .flag($0.lowEvidence) },
    ]

    /// `mobility`.
    static let mobilityColumns: [Column<MobilityFlowRow>] = [
        Column("technology") { .text($0.technology) },
        Column("window_start") { .integer($0.windowStart) },
        Column("window_end") { .integer($0.windowEnd) },
        Column("origin") { .text($0.origin) },
        Column("destination") { .text($0.destination) },
        Column("authors") { .integer($0.authors) },
        Column("low_evidence") { .flag($0.lowEvidence) },
    ]

    /// `mobility_gains`.
    static let mobilityGainColumns: [Column<MobilityGainRow>] = [
        Column("technology") { .text($0.technology) },
        Column("window_start") { .integer($0.windowStart) },
        Column("window_end") { .integer($0.windowEnd) },
        Column("country") { .text($0.country) },
        Column("inflow") { .integer($0.inflow) },
        Column("outflow") { .integer($0.outflow) },
        Column("net_gain") { .integer($0.netGain) },
        Column("low_evidence") { .flag($0.lowEvidence) },
    ]

    /// `headline`.
    static let headlineColumns: [Column<HeadlineRow>] = [
        Column("window_start") { .integer($0.windowStart) },
        Column("window_end") { .integer($0.windowEnd) },
        Column("counting") { .text($0.counting.rawValue) },
        Column("unit_type") { .text($0.unitType.rawValue) },
        Column("country") { .text($0.country) },
        Column("technologies_led") { .integer($0.technologiesLed) },
        Column("technologies_top5") { .integer($0.technologiesTop5) },
        Column("led_low_evidence") { .integer($0.ledLowEvidence) },
        Column("led_tied") { .integer($0.ledTied) },
    ]
}

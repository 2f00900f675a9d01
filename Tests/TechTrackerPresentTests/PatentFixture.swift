import TechTrackerCore

/// `UnitsFixture` with figures by patent citations (METHOD §10), cut-off 2024: 2020-2024 is
/// incomplete (patent lag), 2003-2007 complete.
///
/// 2020-2024, fractional:
/// - `ai`: CN leads by Share, US by patent-cited share (62.5% [50.0-75.0%], RTI 2.5); CN 37.5%
///   (low evidence); EU27 as a group.
/// - `qc`: US leads by both (tied with GB), low evidence.
/// - `bio`: CN leads by Share, GB by patent-cited share, low evidence.
/// - `zz`: no leader by either.
/// Headline by patent-cited share: US 2 (1 low evidence, 1 tie), GB 1 (low evidence).
/// 2003-2007: `ai`, US leads by both; US leads 1 of 1.
enum PatentFixture {
    static func summary(
        _ technology: String, byShare: String?, leader: String?, share: Double? = nil, tied: Bool = false,
        differ: Bool, incomplete: Bool = true, low: Bool = false, start: Int = 2020
    ) -> PatentSummaryRow {
        PatentSummaryRow(
            technology: technology, windowStart: start, windowEnd: start + 4, counting: .fractional, topWorks: 40,
            patentCitedTopWorks: 20, leaderByShare: byShare, leader: leader, leaderPatentCitedShare: share,
            leaderTied: tied, leadersDiffer: differ, incomplete: incomplete, lowEvidence: low)
    }

    static func linkage(
        _ technology: String, _ country: String, rank: Int, share: Double, _ unitType: UnitType = .country,
        interval: Bool = true, rate: Double? = 0.25, rti: Double? = 1, incomplete: Bool = true, low: Bool = false,
        start: Int = 2020
    ) -> PatentLinkageRow {
        PatentLinkageRow(
            technology: technology, windowStart: start, windowEnd: start + 4, counting: .fractional,
            unitType: unitType, country: country, pc: share * 20, patentCitedShare: share, patentRate: rate, rti: rti,
            rank: rank, ciLow: interval ? share - 0.125 : nil, ciHigh: interval ? share + 0.125 : nil,
            incomplete: incomplete, lowEvidence: low)
    }

    static func data(fileName: String = "_pcs_oa.csv", cutoff: Int? = 2024) -> PatentDataSummary {
        PatentDataSummary(
            files: [.init(name: fileName, size: 1_234_567_890, citations: 9_000, latestYear: cutoff)],
            cutoffYear: cutoff, citations: 9_000, countingCitations: 7_000, citedWorks: 3_210)
    }

    static func results(synthetic: Bool = false, fileName: String = "_pcs_oa.csv") -> AnalysisResults {
        var results = UnitsFixture.results(synthetic: synthetic)
        results.patentData = data(fileName: fileName)
        results.patentSummaries = [
            summary("ai", byShare: "CN", leader: "US", share: 0.625, differ: true),
            summary("qc", byShare: "US", leader: "US", share: 0.5, tied: true, differ: false, low: true),
            summary("bio", byShare: "CN", leader: "GB", share: 1, differ: true, low: true),
            summary("zz", byShare: nil, leader: nil, differ: false, low: true),
            summary("ai", byShare: "US", leader: "US", share: 1, differ: false, incomplete: false, start: 2003),
        ]
        results.patentLinkage = [
            linkage("ai", "US", rank: 1, share: 0.625, rate: 0.3125, rti: 2.5),
            linkage("ai", "CN", rank: 2, share: 0.375, interval: false, rate: nil, rti: 1.5, low: true),
            linkage("ai", "EU27", rank: 1, share: 0.25, .group),
            linkage("ai", "US", rank: 1, share: 1, incomplete: false, start: 2003),
            linkage("bio", "GB", rank: 1, share: 1, low: true),
        ]
        results.patentHeadline = [
            HeadlineRow(
                windowStart: 2020, windowEnd: 2024, counting: .fractional, country: "US", technologiesLed: 2,
                technologiesTop5: 3, ledLowEvidence: 1, ledTied: 1),
            HeadlineRow(
                windowStart: 2020, windowEnd: 2024, counting: .fractional, country: "GB", technologiesLed: 1,
                technologiesTop5: 2, ledLowEvidence: 1),
            HeadlineRow(
                windowStart: 2020, windowEnd: 2024, counting: .fractional, country: "EU27", technologiesLed: 0,
                technologiesTop5: 1, unitType: .group),
            HeadlineRow(
                windowStart: 2003, windowEnd: 2007, counting: .fractional, country: "US", technologiesLed: 1,
                technologiesTop5: 1),
        ]
        return results
    }
}

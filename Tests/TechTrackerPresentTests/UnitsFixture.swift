import TechTrackerCore

/// Hand-built results with everything the v5 result model can say: countries and groups, ties
/// for first, low evidence, a unit with Share 0 at rank 1, unbounded ratios and mobility gains.
/// Shares are dyadic fractions so that every ratio prints exactly.
///
/// 2020-2024, fractional:
/// - `ai` (400 works): CN and US tie at 0.25; DE 0.125 (low evidence), FR 0.125 (tied with DE).
///   Groups: EU27 (DE, FR) 0.375, first among groups, 1.5 × CN; Five Eyes 0.3125, 1.25 × CN.
///   Adjusted leader US; the EU as one unit would lead.
/// - `qc` (60 works, low evidence everywhere): US 0.75, GB 0.25, CN 0. Five Eyes 1.0 with no
///   non-member share (ratio `inf`); EU27 0 (rank 2).
/// - `bio` (50 works): CN 1.0 alone (lead ratio `inf`); monopoly risk medium, high with the EU as one unit.
/// - `zz` (10 works, no top-10% work): FR at rank 1 with Share 0; no leader.
/// Also `ai` under whole counting (CN only) and `ai` in 2003-2007 (US leads), for ordering and the headline.
enum UnitsFixture {
    static let eu = CountryGroup(name: "EU27", members: ["DE", "FR"].compactMap(CountryCode.init))
    static let fiveEyes = CountryGroup(name: "Five Eyes", members: ["US", "GB"].compactMap(CountryCode.init))

    static func share(
        _ technology: String, _ unit: String, rank: Int, share: Double, _ unitType: UnitType = .country,
        counting: Counting = .fractional, start: Int = 2020, tied: Bool = false, low: Bool = false,
        top1: Double = 0, amongCountries: Int? = nil, ratio: Double? = nil
    ) -> CountryShareRow {
        CountryShareRow(
            technology: technology, windowStart: start, windowEnd: start + 4, counting: counting, country: unit,
            p: share * 80, pTop: share * 8, share: share, ppTop: 0.1, rank: rank, hIndex: 2,
            ciLow: share == 0 ? nil : share / 2, ciHigh: share == 0 ? nil : share, pLeader: rank == 1 ? 0.5 : nil,
            adjustedShare: share, adjustedRank: rank, inwardness: nil, lowEvidence: low, unitType: unitType, tied: tied,
            pTop1: top1 * 2, shareTop1: top1, rankAmongCountries: amongCountries, ratioToBestOutside: ratio)
    }

    static func summary(
        _ technology: String, works: Int, leader: String?, share: Double?, top1: Double? = nil, tied: Bool = false,
        runnerUp: String? = nil, runnerUpShare: Double? = nil, ratio: Double?, tmr: String = "low",
        adjusted: String? = nil, low: Bool = false, euLeader: String? = nil, euRatio: Double? = nil,
        euTMR: String = "low", start: Int = 2020
    ) -> TechnologySummaryRow {
        TechnologySummaryRow(
            technology: technology, name: technology.uppercased(), category: "Cat", windowStart: start,
            windowEnd: start + 4, counting: .fractional, works: works, topWorks: Double(works) / 10, leader: leader,
            leaderShare: share, runnerUp: runnerUp, runnerUpShare: runnerUpShare, leadRatio: ratio,
            leaderInstitutionsInTop10: 3, tmr: tmr, pLeader: leader == nil ? nil : 0.5,
            adjustedLeader: adjusted ?? leader,
            wholeCountingLeader: leader, lowEvidence: low, leaderTied: tied, leaderShareTop1: top1,
            euUnitLeader: euLeader, euUnitLeadRatio: euRatio, euUnitTMR: euTMR)
    }

    static func gain(
        _ technology: String, _ country: String, _ inflow: Int, _ outflow: Int, low: Bool = false,
        start: Int = 2020
    ) -> MobilityGainRow {
        MobilityGainRow(
            technology: technology, windowStart: start, windowEnd: start + 4, country: country, inflow: inflow,
            outflow: outflow, netGain: inflow - outflow, lowEvidence: low)
    }

    static func results(synthetic: Bool = true) -> AnalysisResults {
        var settings = AnalysisSettings()
        settings.fromYear = 2003
        settings.toYear = 2024
        settings.groups = [eu, fiveEyes]
        var results = AnalysisResults(settings: settings, taxonomyHash: "feedface", synthetic: synthetic)
        results.countryShares = [
            share("ai", "CN", rank: 1, share: 0.25, tied: true, top1: 0.5),
            share("ai", "US", rank: 2, share: 0.25, tied: true, top1: 0.25),
            share("ai", "DE", rank: 3, share: 0.125, tied: true, low: true),
            share("ai", "FR", rank: 4, share: 0.125, tied: true),
            share("ai", "EU27", rank: 1, share: 0.375, .group, amongCountries: 1, ratio: 1.5),
            share("ai", "Five Eyes", rank: 2, share: 0.3125, .group, amongCountries: 1, ratio: 1.25),
            share("ai", "CN", rank: 1, share: 0.5, counting: .whole),
            share("ai", "US", rank: 1, share: 0.5, start: 2003),
            share("qc", "US", rank: 1, share: 0.75, low: true, top1: 1),
            share("qc", "GB", rank: 2, share: 0.25, low: true),
            share("qc", "CN", rank: 3, share: 0, low: true),
            share(
                "qc", "Five Eyes", rank: 1, share: 1, .group, low: true, top1: 1, amongCountries: 1, ratio: .infinity),
            share("qc", "EU27", rank: 2, share: 0, .group, low: true, amongCountries: 3, ratio: 0),
            share("bio", "CN", rank: 1, share: 1, low: true),
            share("zz", "FR", rank: 1, share: 0, low: true),
        ]
        results.technologySummaries = [
            summary(
                "ai", works: 400, leader: "CN", share: 0.25, top1: 0.5, tied: true, runnerUp: "US", runnerUpShare: 0.25,
                ratio: 1,
                adjusted: "US", euLeader: "EU27", euRatio: 1.5),
            summary(
                "qc", works: 60, leader: "US", share: 0.75, top1: 1, runnerUp: "GB", runnerUpShare: 0.25, ratio: 3,
                tmr: "high",
                low: true, euLeader: "US", euRatio: 3, euTMR: "high"),
            summary(
                "bio", works: 50, leader: "CN", share: 1, top1: 0, ratio: .infinity, tmr: "medium", low: true,
                euLeader: "CN",
                euRatio: .infinity, euTMR: "high"),
            summary("zz", works: 10, leader: nil, share: nil, ratio: nil, low: true),
            summary("ai", works: 100, leader: "US", share: 0.5, ratio: 2, start: 2003),
        ]
        results.institutions = [
            InstitutionShareRow(
                technology: "ai", windowStart: 2020, windowEnd: 2024, counting: .fractional, rank: 2,
                institutionID: "I2", name: "Small, Lab", country: "DE", pTop: 1.5, share: 0.0375, lowEvidence: true),
            InstitutionShareRow(
                technology: "ai", windowStart: 2020, windowEnd: 2024, counting: .fractional, rank: 1,
                institutionID: "I1", name: "Big Lab", country: "CN", pTop: 6, share: 0.15),
        ]
        results.mobility = [
            MobilityFlowRow(
                technology: "ai", windowStart: 2020, windowEnd: 2024, origin: "US", destination: "CN", authors: 2,
                lowEvidence: true),
            MobilityFlowRow(
                technology: "ai", windowStart: 2020, windowEnd: 2024, origin: "CN", destination: "US", authors: 6),
        ]
        // ai: gainers US +5, AU +3, GB +3 (a tie: by code), CA +2, JP +1, NZ +1 (sixth: cut);
        // IT 0 (neither); losers CN -6, DE -3, FR -3, BR -1, IN -1, KR -1 (sixth: cut).
        results.mobilityGains = [
            gain("ai", "GB", 3, 0, low: true), gain("ai", "US", 7, 2), gain("ai", "NZ", 1, 0, low: true),
            gain("ai", "AU", 3, 0, low: true),
            gain("ai", "JP", 1, 0, low: true), gain("ai", "CA", 2, 0, low: true), gain("ai", "IT", 1, 1, low: true),
            gain("ai", "KR", 0, 1, low: true), gain("ai", "FR", 0, 3, low: true), gain("ai", "CN", 2, 8),
            gain("ai", "IN", 0, 1, low: true),
            gain("ai", "DE", 0, 3, low: true), gain("ai", "BR", 0, 1, low: true),
            gain("qc", "US", 2, 0, low: true), gain("bio", "US", 0, 1, low: true),
            gain("ai", "US", 100, 0, start: 2003),
        ]
        results.headline = [
            HeadlineRow(
                windowStart: 2020, windowEnd: 2024, counting: .fractional, country: "US", technologiesLed: 1,
                technologiesTop5: 3,
                ledLowEvidence: 1),
            HeadlineRow(
                windowStart: 2020, windowEnd: 2024, counting: .fractional, country: "CN", technologiesLed: 2,
                technologiesTop5: 2,
                ledLowEvidence: 1, ledTied: 1),
            HeadlineRow(
                windowStart: 2020, windowEnd: 2024, counting: .fractional, country: "Five Eyes", technologiesLed: 1,
                technologiesTop5: 2, unitType: .group, ledLowEvidence: 1),
            HeadlineRow(
                windowStart: 2020, windowEnd: 2024, counting: .fractional, country: "EU27", technologiesLed: 1,
                technologiesTop5: 1, unitType: .group),
            HeadlineRow(
                windowStart: 2020, windowEnd: 2024, counting: .fractional, country: "GB", technologiesLed: 0,
                technologiesTop5: 1),
            HeadlineRow(
                windowStart: 2020, windowEnd: 2024, counting: .whole, country: "CN", technologiesLed: 1,
                technologiesTop5: 1),
            HeadlineRow(
                windowStart: 2003, windowEnd: 2007, counting: .fractional, country: "US", technologiesLed: 1,
                technologiesTop5: 1),
        ]
        return results
    }
}

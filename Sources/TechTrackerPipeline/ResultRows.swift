import TechTrackerCore
import TechTrackerMeasure

/// The computed figures of TechTrackerMeasure as the rows the store keeps and the exports
/// write (README "Exports" lists the columns).
enum ResultRows {
    static func summary(
        _ summary: TechnologySummary, name: String, category: String,
        wholeCountingLeader: String?
    ) -> TechnologySummaryRow {
        TechnologySummaryRow(
            technology: summary.technology, name: name, category: category, windowStart: summary.window.start,
            windowEnd: summary.window.end, counting: summary.counting, works: summary.works, topWorks: summary.topWorks,
            leader: summary.leader?.description, leaderShare: summary.leaderShare,
            runnerUp: summary.runnerUp?.description, runnerUpShare: summary.runnerUpShare,
            leadRatio: summary.leadRatio, leaderInstitutionsInTop10: summary.leaderInstitutionsInTop10,
            tmr: summary.tmr.rawValue, pLeader: summary.pLeader, adjustedLeader: summary.adjustedLeader?.description,
            wholeCountingLeader: wholeCountingLeader, lowEvidence: summary.lowEvidence, leaderTied: summary.leaderTied,
            leaderShareTop1: summary.leaderShare1, euUnitLeader: summary.euUnitLeader,
            euUnitLeadRatio: summary.euUnitLeadRatio,
            euUnitTMR: summary.euUnitTMR.rawValue)
    }

    static func share(_ row: CountryRow) -> CountryShareRow {
        CountryShareRow(
            technology: row.technology, windowStart: row.window.start, windowEnd: row.window.end,
            counting: row.counting, country: row.country.description, p: row.p, pTop: row.pTop, share: row.share,
            ppTop: row.ppTop, rank: row.rank, hIndex: row.hIndex, ciLow: row.ciLow, ciHigh: row.ciHigh,
            pLeader: row.pFirst, adjustedShare: row.adjustedShare, adjustedRank: row.adjustedRank,
            inwardness: row.inwardness, lowEvidence: row.lowEvidence, unitType: .country, tied: row.tied,
            pTop1: row.pTop1, shareTop1: row.share1)
    }

    static func share(_ row: GroupRow) -> CountryShareRow {
        CountryShareRow(
            technology: row.technology, windowStart: row.window.start, windowEnd: row.window.end,
            counting: row.counting, country: row.name, p: row.p, pTop: row.pTop, share: row.share,
            ppTop: row.ppTop, rank: row.rank, hIndex: row.hIndex, ciLow: row.ciLow, ciHigh: row.ciHigh,
            pLeader: row.pFirst, adjustedShare: row.adjustedShare, adjustedRank: row.adjustedRank,
            inwardness: nil, lowEvidence: row.lowEvidence, unitType: .group, tied: row.tied,
            pTop1: row.pTop1, shareTop1: row.share1, rankAmongCountries: row.rankAmongCountries,
            ratioToBestOutside: row.ratioToBestOutside)
    }

    static func institution(_ row: InstitutionRow) -> InstitutionShareRow {
        InstitutionShareRow(
            technology: row.technology, windowStart: row.window.start, windowEnd: row.window.end,
            counting: row.counting, rank: row.rank, institutionID: row.institutionID, name: "",
            country: row.country?.description ?? "", pTop: row.pTop, share: row.share,
            lowEvidence: row.lowEvidence)
    }

    static func flow(_ row: MobilityRow) -> MobilityFlowRow {
        MobilityFlowRow(
            technology: row.technology, windowStart: row.window.start, windowEnd: row.window.end,
            origin: row.origin.description, destination: row.destination.description, authors: row.authors,
            lowEvidence: row.lowEvidence)
    }

    static func gain(_ row: MobilityBalanceRow) -> MobilityGainRow {
        MobilityGainRow(
            technology: row.technology, windowStart: row.window.start, windowEnd: row.window.end,
            country: row.country.description, inflow: row.inflow, outflow: row.outflow,
            netGain: row.gain, lowEvidence: row.lowEvidence)
    }

    static func headline(_ row: Headline.Row) -> HeadlineRow {
        HeadlineRow(
            windowStart: row.window.start, windowEnd: row.window.end, counting: row.counting, country: row.unit,
            technologiesLed: row.led.count, technologiesTop5: row.topFive.count, unitType: row.unitType,
            ledLowEvidence: row.ledLowEvidence, ledTied: row.ledTied)
    }
}

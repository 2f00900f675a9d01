public import TechTrackerCore

/// The patent-citation figures of one (technology, window, counting) (METHOD §10), as rows.
public struct PatentIndicatorResult: Sendable, Hashable {
    /// Countries by rank of patent-cited share, then groups in the settings' order.
    public var rows: [PatentLinkageRow]
    /// The leader by patent-cited share beside the leader by Share.
    public var summary: PatentSummaryRow
    /// What the headline by patent-cited share reads (METHOD §9 on §10's figure): the
    /// countries' rows ranked 1 to 5 and the groups' rows, as `Headline.compute` takes them, with
    /// `share` the patent-cited share, `rank` the rank by it and the groups' standing against
    /// the countries by it.
    public var headlineCountries: [CountryRow]
    public var headlineGroups: [GroupRow]
}

/// Builds `PatentIndicatorResult` from the Share figures of a (technology, window, counting)
/// and the works that counting patents cite.
enum PatentIndicators {
    /// Computes METHOD §10 for the countries (and groups, when measured) of one (t, W, counting);
    /// `groupRows` are the groups' rows by Share (`GroupIndicators.rows`), whose standing the
    /// headline view replaces. `seed` is the (t, W, counting)'s bootstrap seed; the patent draws
    /// derive their own from it.
    static func compute(
        window: PublicationWindow, countries: UnitFigures, groups: GroupIndicators, groupRows: [GroupRow],
        cited: [Bool],
        settings: IndicatorSettings, seed: UInt64, windowIsLowEvidence: Bool, technology: String
    ) -> PatentIndicatorResult {
        let incomplete = PatentDataSummary.isIncomplete(windowEnd: window.end, cutoffYear: settings.patentCutoffYear)
        let linkage = PatentLinkage(
            slice: countries.slice, cited: cited, settings: settings, seed: seed ^ 0xA5A5_5A5A_C3C3_3C3C,
            windowIsLowEvidence: windowIsLowEvidence)
        let shareTally = countries.tally
        func row(
            _ u: Int, unit: String, type: UnitType, figures: PatentLinkage, share: CountryIndicators
        )
            -> PatentLinkageRow
        {
            PatentLinkageRow(
                technology: technology, windowStart: window.start, windowEnd: window.end,
                counting: settings.counting, unitType: type, country: unit, pc: figures.pc[u],
                patentCitedShare: figures.patentCitedShare[u], patentRate: figures.patentRate(u, pTop: share.pTop),
                rti: figures.rti(u, share: share.share), rank: figures.ranking.ranks[u],
                ciLow: figures.bootstrap?.low[u], ciHigh: figures.bootstrap?.high[u], incomplete: incomplete,
                lowEvidence: figures.lowEvidence[u])
        }
        var rows = shareTally.countries.indices.map { u in
            row(u, unit: shareTally.codes[u].description, type: .country, figures: linkage, share: shareTally)
        }
        rows.sort { $0.rank < $1.rank }
        var headlineCountries: [CountryRow] = []
        for u in shareTally.countries.indices where linkage.ranking.ranks[u] <= 5 {
            var view = headlineRow(countries, u, technology: technology, window: window, counting: settings.counting)
            view.share = linkage.patentCitedShare[u]
            view.rank = linkage.ranking.ranks[u]
            view.tied = linkage.ranking.tied[u]
            view.lowEvidence = linkage.lowEvidence[u]
            headlineCountries.append(view)
        }
        var headlineGroups: [GroupRow] = []
        if let groupFigures = groups.figures {
            let groupLinkage = PatentLinkage(
                slice: groupFigures.slice, cited: cited, settings: settings, seed: seed ^ 0x3C3C_C3C3_5A5A_A5A5,
                windowIsLowEvidence: windowIsLowEvidence)
            let positionOfName = Dictionary(
                uniqueKeysWithValues: groupFigures.slice.names.enumerated().map { ($1, $0) })
            for groupRow in groupRows {
                guard let u = positionOfName[groupRow.name] else { continue }
                rows.append(
                    row(u, unit: groupRow.name, type: .group, figures: groupLinkage, share: groupFigures.tally))
                let standing = GroupStanding(
                    group: u, groupValues: groupLinkage.tally.exactTop, groupPTop: groupLinkage.pc,
                    members: Set(groups.prepared.groupMembers[groupFigures.slice.countries[u]]),
                    countryKeys: shareTally.countries, countryValues: linkage.tally.exactTop,
                    countryPTop: linkage.pc, countryOrder: linkage.ranking.order)
                var view = groupRow
                view.share = groupLinkage.patentCitedShare[u]
                view.rank = groupLinkage.ranking.ranks[u]
                view.tied = groupLinkage.ranking.tied[u]
                view.lowEvidence = groupLinkage.lowEvidence[u]
                view.rankAmongCountries = standing.rankAmongCountries
                view.ratioToBestOutside = standing.ratioToBestOutside
                view.leadsOutside = standing.leadsOutside
                headlineGroups.append(view)
            }
        }
        let leader = linkage.ranking.leader, shareLeader = countries.ranking.leader
        let leaderCode = leader.map { shareTally.codes[$0].description }
        let shareLeaderCode = shareLeader.map { shareTally.codes[$0].description }
        let summary = PatentSummaryRow(
            technology: technology, windowStart: window.start, windowEnd: window.end, counting: settings.counting,
            topWorks: shareTally.totalTop, patentCitedTopWorks: linkage.tally.totalTop,
            leaderByShare: shareLeaderCode, leader: leaderCode,
            leaderPatentCitedShare: leader.map { linkage.patentCitedShare[$0] },
            leaderTied: linkage.ranking.leaderTied, leadersDiffer: leaderCode != shareLeaderCode,
            incomplete: incomplete,
            lowEvidence: windowIsLowEvidence || leader.map { linkage.lowEvidence[$0] } == true)
        return PatentIndicatorResult(
            rows: rows, summary: summary, headlineCountries: headlineCountries, headlineGroups: headlineGroups)
    }

    /// A country's row as the Share figures give it, to be given the patent figures (only the
    /// fields the headline reads are replaced).
    private static func headlineRow(
        _ countries: UnitFigures, _ u: Int, technology: String, window: PublicationWindow, counting: Counting
    ) -> CountryRow {
        let tally = countries.tally
        return CountryRow(
            technology: technology, window: window, counting: counting,
            country: tally.codes[u], p: tally.p[u], pTop: tally.pTop[u], share: 0, ppTop: 0, rank: 0, pTop1: 0,
            share1: 0, hIndex: 0, ciLow: nil, ciHigh: nil, pFirst: nil, adjustedShare: 0, adjustedRank: 0,
            inwardness: nil, lowEvidence: false)
    }
}

/// How a group stands against the countries by one exact sum (METHOD §2, §9): its place among
/// them, its ratio to the best country outside it, and whether it is ahead of every country
/// outside it ("the group leads").
struct GroupStanding {
    var rankAmongCountries: Int
    var ratioToBestOutside: Double
    var leadsOutside: Bool

    /// `group` is the group's position in `groupValues`; `countryKeys` the countries' corpus
    /// indices by position, `countryOrder` their positions from first to last.
    init(
        group u: Int, groupValues: ExactValues, groupPTop: [Double], members: Set<Int>, countryKeys: [Int],
        countryValues: ExactValues, countryPTop: [Double], countryOrder: [Int]
    ) {
        rankAmongCountries =
            1 + countryKeys.indices.filter { ExactDecision.compare(countryValues, $0, groupValues, u) > 0 }.count
        let best = countryOrder.first { !members.contains(countryKeys[$0]) && countryPTop[$0] > 0 }
        ratioToBestOutside = best.map { groupPTop[u] / countryPTop[$0] } ?? .infinity
        leadsOutside =
            groupPTop[u] > 0 && best.map { ExactDecision.compare(groupValues, u, countryValues, $0) > 0 } ?? true
    }
}

import TechTrackerCore

/// Groups (blocs) of one (technology, window, counting) (METHOD §2): each group's figures as a
/// unit, its rank among the groups, its place among the countries and its lead over the best
/// country outside it; and the leader and monopoly risk when the EU27 counts as one unit.
/// Every comparison with a country is exact (`ExactDecision`).
struct GroupIndicators {
    let prepared: IndicatorCorpus
    let countries: UnitFigures
    /// The groups' figures (nil when the settings measure no group).
    let figures: UnitFigures?

    init(
        prepared: IndicatorCorpus, works: WindowWorks, tables: IndicatorCorpus.CountingTables,
        adjustedTop10: [Fraction],
        countries: UnitFigures, settings: IndicatorSettings, seed: UInt64, windowIsLowEvidence: Bool
    ) {
        self.prepared = prepared
        self.countries = countries
        guard !prepared.groups.isEmpty else {
            figures = nil
            return
        }
        let groups = prepared.groups
        let slice = WindowSlice(
            works: works, credits: tables.groups, ownCitations: [],
            inCorpusCitations: tables.adjustment.inCorpusCitations,
            corpus: prepared.corpus, precedes: { groups[$0].name < groups[$1].name }, name: { groups[$0].name })
        figures = UnitFigures(
            slice: slice, adjustedTop10: adjustedTop10, settings: settings, seed: seed,
            windowIsLowEvidence: windowIsLowEvidence)
    }

    /// One row per group present in (t, W), in the settings' order of groups.
    func rows(technology: String, window: PublicationWindow, counting: Counting) -> [GroupRow] {
        guard let figures else { return [] }
        let tally = figures.tally, share = tally.share, share1 = tally.share1, ppTop = tally.ppTop
        let adjusted = tally.shareAdjusted
        var rows: [GroupRow] = []
        for (u, g) in tally.countries.enumerated() {
            let standing = GroupStanding(
                group: u, groupValues: tally.exactTop, groupPTop: tally.pTop, members: Set(prepared.groupMembers[g]),
                countryKeys: countries.tally.countries, countryValues: countries.tally.exactTop,
                countryPTop: countries.tally.pTop, countryOrder: countries.ranking.order)
            rows.append(
                GroupRow(
                    technology: technology, window: window, counting: counting, name: prepared.groups[g].name,
                    p: tally.p[u], pTop: tally.pTop[u], share: share[u], ppTop: ppTop[u],
                    rank: figures.ranking.ranks[u],
                    tied: figures.ranking.tied[u], pTop1: tally.pTop1[u], share1: share1[u], hIndex: figures.hIndex[u],
                    ciLow: figures.bootstrap?.low[u], ciHigh: figures.bootstrap?.high[u],
                    pFirst: figures.bootstrap?.pFirst[u],
                    adjustedShare: adjusted[u], adjustedRank: figures.adjustedRanking.ranks[u],
                    lowEvidence: figures.lowEvidence[u],
                    rankAmongCountries: standing.rankAmongCountries,
                    ratioToBestOutside: standing.ratioToBestOutside, leadsOutside: standing.leadsOutside))
        }
        let order = Dictionary(uniqueKeysWithValues: prepared.groups.enumerated().map { ($1.name, $0) })
        return rows.sorted { (order[$0.name] ?? 0) < (order[$1.name] ?? 0) }
    }

    /// The leader, lead ratio and monopoly risk when the EU27 counts as one unit beside the
    /// countries outside it (METHOD §2, §5): the EU's institutions are those in its member
    /// countries. `nil` when the EU27 is not measured.
    func euUnit(
        institutions: [TopInstitutions.Entry], corpus: AnalysisCorpus,
        thresholds: MonopolyRisk.Thresholds
    ) -> (leader: String, leadRatio: Double, tmr: MonopolyRisk)? {
        guard let eu = prepared.euGroup, let figures else { return nil }
        let groupValues = figures.tally.exactTop, countryValues = countries.tally.exactTop
        let members = Set(prepared.groupMembers[eu])
        let position = figures.tally.countries.firstIndex(of: eu)
        let tally = countries.tally
        let outside = countries.ranking.order.filter { !members.contains(tally.countries[$0]) && tally.pTop[$0] > 0 }
        let euTop = position.map { figures.tally.pTop[$0] } ?? 0
        enum Unit { case eu, country(Int) }
        var units: [Unit] = outside.prefix(2).map { .country($0) }
        if euTop > 0, let position {
            // The EU goes before the first outside country it is not below: an exact tie goes
            // to the EU (the tie is visible in the group's row).
            let place = units.firstIndex { unit in
                guard case .country(let c) = unit else { return false }
                return ExactDecision.compare(groupValues, position, countryValues, c) >= 0
            }
            units.insert(.eu, at: place ?? units.count)
        }
        guard let first = units.first else { return nil }
        let second = units.count > 1 ? units[1] : nil
        func value(_ unit: Unit) -> Double {
            if case .country(let c) = unit { return tally.pTop[c] }
            return euTop
        }
        let ratio: Double = second.map { value(first) / value($0) } ?? .infinity
        func atLeast(_ r: Double) -> Bool {
            guard let second else { return true }
            switch (first, second) {
            case (.eu, .country(let s)):
                return ExactDecision.atLeast(groupValues, position ?? 0, ratio: r, of: countryValues, s)
            case (.country(let f), .eu):
                return ExactDecision.atLeast(countryValues, f, ratio: r, of: groupValues, position ?? 0)
            case (.country(let f), .country(let s)): return ExactDecision.atLeast(f, ratio: r, of: s, in: countryValues)
            case (.eu, .eu): return false
            }
        }
        let leaderCountries: Set<Int>
        let leaderName: String
        switch first {
        case .eu:
            leaderCountries = members
            leaderName = prepared.groups[eu].name
        case .country(let c):
            leaderCountries = [tally.countries[c]]
            leaderName = tally.codes[c].description
        }
        let inLeader = TopInstitutions.count(in: leaderCountries, institutions, corpus: corpus)
        let tmr = MonopolyRisk.classify(ratioAtLeast: atLeast, leaderInstitutions: inLeader, thresholds: thresholds)
        return (leaderName, ratio, tmr)
    }
}

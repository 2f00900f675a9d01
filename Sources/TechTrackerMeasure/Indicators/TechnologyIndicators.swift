public import TechTrackerCore

/// The indicators of one (technology, window, counting), every figure the exports need
/// (METHOD §4 thresholds, §5 indicators and intervals, §2 groups, §7 adjusted ranking and
/// inwardness, §8 mobility). Pure; the caller parallelises over technologies, sharing one
/// `IndicatorCorpus`.
public enum TechnologyIndicators {
    /// Computes (technology index `technology`, `window`) under `settings` (METHOD §4-§8). The
    /// kept work types are those of the `IndicatorCorpus` (its `WorkFilter`).
    public static func compute(
        technology: Int, window: PublicationWindow, corpus prepared: IndicatorCorpus,
        settings: IndicatorSettings = .init()
    ) -> TechnologyIndicatorResult {
        let corpus = prepared.corpus
        let technologyID = corpus.technologyIDs[technology]
        let tables = prepared.tables(settings.counting)
        // §4: the works of (t, W) and their weights, plain and on adjusted citations.
        let works = WindowWorks(
            technologyWorks: corpus.memberships[technology], window: window,
            scope: settings.thresholdScope, corpus: corpus, kept: prepared.kept)
        let adjustedTop10 = ReferenceSets.topWeightFractions(
            values: works.works.map { tables.adjustment.adjustedCitations[$0] },
            sets: works.referenceSets, shares: [.top10])[0]
        let lowEvidenceWindow = works.count < settings.lowEvidenceWorks
        let seed = BootstrapSeed.derive(
            global: settings.seed, technology: technologyID, window: window, counting: settings.counting)
        // §5: per country.
        let slice = WindowSlice(works: works, credits: tables.countries, adjustment: tables.adjustment, corpus: corpus)
        let countries = UnitFigures(
            slice: slice, adjustedTop10: adjustedTop10, settings: settings, seed: seed,
            windowIsLowEvidence: lowEvidenceWindow)
        let tally = countries.tally, share = tally.share, share1 = tally.share1, ppTop = tally.ppTop
        let adjustedShare = tally.shareAdjusted
        let inwardness = Inwardness.compute(slice)
        var rows: [CountryRow] = tally.countries.indices.map { i in
            CountryRow(
                technology: technologyID, window: window, counting: settings.counting, country: tally.codes[i],
                p: tally.p[i], pTop: tally.pTop[i], share: share[i], ppTop: ppTop[i], rank: countries.ranking.ranks[i],
                pTop1: tally.pTop1[i], share1: share1[i], hIndex: countries.hIndex[i],
                ciLow: countries.bootstrap?.low[i], ciHigh: countries.bootstrap?.high[i],
                pFirst: countries.bootstrap?.pFirst[i], adjustedShare: adjustedShare[i],
                adjustedRank: countries.adjustedRanking.ranks[i], inwardness: inwardness[i],
                lowEvidence: countries.lowEvidence[i], tied: countries.ranking.tied[i])
        }
        rows.sort { $0.rank < $1.rank }
        // §5: institutions and monopoly risk.
        let institutions = TopInstitutions.compute(
            window: works, credits: tables.institutions, corpus: corpus,
            totalTop: tally.totalTop, limit: settings.topInstitutions,
            lowEvidenceTop: settings.lowEvidenceTop, tieRank: prepared.institutionTieRank)
        let leader = countries.ranking.leader, runnerUp = countries.ranking.runnerUp
        let leaderCountry = leader.map { tally.countries[$0] }
        let inLeaderCountry = TopInstitutions.count(in: leaderCountry, institutions, corpus: corpus)
        let institutionRows = institutions.map { entry in
            InstitutionRow(
                technology: technologyID, window: window, counting: settings.counting, rank: entry.rank,
                institution: entry.institution,
                institutionID: entry.institution < corpus.institutionIDs.count
                    ? corpus.institutionIDs[entry.institution] : "",
                country: entry.institution < corpus.institutionCountry.count
                    ? code(corpus.institutionCountry[entry.institution], corpus) : nil,
                pTop: entry.pTop, share: entry.share, lowEvidence: lowEvidenceWindow || entry.belowEvidence)
        }
        let tmr =
            leader == nil
            ? MonopolyRisk.low
            : MonopolyRisk.classify(
                ratioAtLeast: countries.leaderAtLeast, leaderInstitutions: inLeaderCountry,
                thresholds: settings.monopoly)
        // §2: groups, and monopoly risk with the EU27 as one unit.
        let groups = GroupIndicators(
            prepared: prepared, works: works, tables: tables, adjustedTop10: adjustedTop10,
            countries: countries, settings: settings, seed: seed ^ 0x9E37_79B9_7F4A_7C15,
            windowIsLowEvidence: lowEvidenceWindow)
        let groupRows = groups.rows(technology: technologyID, window: window, counting: settings.counting)
        let euUnit = groups.euUnit(institutions: institutions, corpus: corpus, thresholds: settings.monopoly)
        // §8: mobility (the same under either counting).
        let flows = Mobility.flows(
            works: works.works, weights: works.top10, corpus: corpus, origins: prepared.authorOrigins)
        let mobility = flows.map {
            MobilityRow(
                technology: technologyID, window: window, origin: corpus.countries[$0.origin],
                destination: corpus.countries[$0.destination], authors: $0.authors,
                lowEvidence: lowEvidenceWindow || $0.authors < settings.lowEvidenceAuthors)
        }.sorted { ($0.origin, $0.destination) < ($1.origin, $1.destination) }
        let gains = Mobility.gains(flows).map {
            MobilityBalanceRow(
                technology: technologyID, window: window, country: corpus.countries[$0.country],
                inflow: $0.inflow, outflow: $0.outflow, gain: $0.gain,
                lowEvidence: lowEvidenceWindow || $0.inflow + $0.outflow < settings.lowEvidenceAuthors)
        }.sorted { $0.country < $1.country }
        let adjustedLeader = countries.adjustedRanking.leader
        let summary = TechnologySummary(
            technology: technologyID, window: window, counting: settings.counting, works: works.count,
            topWorks: tally.totalTop, unknownShare: tally.unknownShare,
            leader: leader.map { tally.codes[$0] }, leaderShare: leader.map { share[$0] },
            runnerUp: runnerUp.map { tally.codes[$0] }, runnerUpShare: runnerUp.map { share[$0] },
            leadRatio: countries.leadRatio, leaderInstitutionsInTop10: inLeaderCountry, tmr: tmr,
            pLeader: leader.flatMap { countries.bootstrap?.pFirst[$0] },
            adjustedLeader: adjustedLeader.map { tally.codes[$0] },
            leaderChangesUnderAdjustment: leader != adjustedLeader,
            lowEvidence: lowEvidenceWindow || leader.map { countries.lowEvidence[$0] } == true,
            leaderTied: countries.ranking.leaderTied, leaderShare1: leader.map { share1[$0] },
            euUnitLeader: euUnit?.leader, euUnitLeadRatio: euUnit?.leadRatio, euUnitTMR: euUnit?.tmr ?? .low)
        // §10: the same figures restricted to the top works that counting patents cite.
        let patents = prepared.patentCited.map { cited in
            PatentIndicators.compute(
                window: window, countries: countries, groups: groups, groupRows: groupRows, cited: cited,
                settings: settings, seed: seed,
                windowIsLowEvidence: lowEvidenceWindow, technology: technologyID)
        }
        return TechnologyIndicatorResult(
            summary: summary, countries: rows, institutions: institutionRows,
            mobility: mobility, mobilityGains: gains, groups: groupRows, patents: patents)
    }

    /// Computes (technology id, window); `nil` when the id is not in the corpus.
    static func compute(
        technology id: String, window: PublicationWindow, corpus: IndicatorCorpus,
        settings: IndicatorSettings = .init()
    ) -> TechnologyIndicatorResult? {
        corpus.technologyIndex(id).map { compute(technology: $0, window: window, corpus: corpus, settings: settings) }
    }

    static func code(_ index: Int, _ corpus: AnalysisCorpus) -> CountryCode? {
        index >= 0 && index < corpus.countries.count ? corpus.countries[index] : nil
    }
}

/// Counting sensitivity (METHOD §7): whether a technology's leader differs between fractional
/// and whole counting.
enum CountingSensitivity {
    /// True when both summaries name a leader and the leaders differ, or only one names one.
    static func leadersDiffer(fractional: TechnologySummary, whole: TechnologySummary) -> Bool {
        fractional.leader != whole.leader
    }
}

import TechTrackerCore

/// The figures of the units of one slice (countries, or groups) in one (technology, window,
/// counting): tallies (METHOD §5), the exact ranking and its ties, the ranking under the
/// domestic-citation adjustment (§7), the bootstrap interval and P(first) (§5), H-indices and
/// low-evidence flags (§5).
struct UnitFigures {
    let slice: WindowSlice
    let tally: CountryIndicators
    let ranking: Ranking.Result
    let adjustedRanking: Ranking.Result
    let bootstrap: StabilityBootstrap.Result?
    let hIndex: [Int]
    /// Per unit: the (t, W) is low evidence or the unit's P_top is below the cut-off (exactly).
    let lowEvidence: [Bool]

    init(
        slice: WindowSlice, adjustedTop10: [Fraction], settings: IndicatorSettings, seed: UInt64,
        windowIsLowEvidence: Bool
    ) {
        self.slice = slice
        let tally = CountryIndicators(slice: slice, adjustedTop10: adjustedTop10)
        self.tally = tally
        ranking = Ranking.rank(tally.exactTop)
        adjustedRanking = Ranking.rank(tally.exactAdjusted)
        hIndex = HIndex.perCountry(slice)
        bootstrap =
            settings.bootstrapDraws > 0
            ? StabilityBootstrap.run(slice: slice, pTop: tally.pTop, draws: settings.bootstrapDraws, seed: seed)
            : nil
        let exact = tally.exactTop
        lowEvidence = slice.countries.indices.map { u in
            windowIsLowEvidence || !ExactDecision.atLeast(u, settings.lowEvidenceTop, in: exact)
        }
    }

    /// Lead ratio of the leader over the runner-up (1 for an exact tie).
    var leadRatio: Double? {
        Ranking.leadRatio(tally.pTop, leader: ranking.leader, runnerUp: ranking.runnerUp, tied: ranking.leaderTied)
    }

    /// Whether the leader's P_top ≥ r × the runner-up's, exactly (true for a sole producer).
    func leaderAtLeast(_ r: Double) -> Bool {
        guard let leader = ranking.leader else { return false }
        guard let runnerUp = ranking.runnerUp else { return true }
        return ExactDecision.atLeast(leader, ratio: r, of: runnerUp, in: tally.exactTop)
    }
}

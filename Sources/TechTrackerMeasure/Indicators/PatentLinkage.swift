import TechTrackerCore

/// The figures of METHOD §10 for the units of one slice (countries, or groups) in one
/// (technology, window, counting): the Share's sums restricted to the top works that at least
/// one counting patent cites.
///
/// PC(c) = Σ credit × T(w) × [w is cited]: the Share's P_top with each uncited work's weight
/// set to 0, so the same exact tallies, ranking, ties and bootstrap apply unchanged (the
/// slice's units and credits stay as they are; only the weights change).
/// Patent-cited share = PC(c) / Σ_w T(w) × [w is cited], the sum over every work, not only
/// over the works with a known country: as for Share (§5), under fractional counting the
/// countries' patent-cited shares and the unknown part then sum to 1, and RTI compares like
/// with like. Patent rate = PC / P_top; RTI = patent-cited share / Share.
struct PatentLinkage {
    /// The tally on the restricted weights: `pTop` is PC, `totalTop` Σ T(w) × [cited], `share`
    /// the patent-cited share (positions as in the slice).
    let tally: CountryIndicators
    /// Exact ranking by PC (ties by the slice's tie order, as for Share).
    let ranking: Ranking.Result
    /// The Poisson-bootstrap interval of the patent-cited share (§5's procedure on the
    /// restricted weights); `nil` when the bootstrap is skipped.
    let bootstrap: StabilityBootstrap.Result?
    /// Per unit: the (t, W) is low evidence or PC is below the low-evidence floor (exactly).
    let lowEvidence: [Bool]

    /// Computes the figures of the units of `slice`; `cited` flags, per corpus work, whether a
    /// counting patent cites it (`PatentLinkage.citedWorks`).
    init(slice: WindowSlice, cited: [Bool], settings: IndicatorSettings, seed: UInt64, windowIsLowEvidence: Bool) {
        let restricted = slice.restricted(to: cited)
        let tally = CountryIndicators(slice: restricted, adjustedTop10: restricted.works.top10Fraction)
        self.tally = tally
        ranking = Ranking.rank(tally.exactTop)
        bootstrap =
            settings.bootstrapDraws > 0
            ? StabilityBootstrap.run(slice: restricted, pTop: tally.pTop, draws: settings.bootstrapDraws, seed: seed)
            : nil
        let exact = tally.exactTop
        lowEvidence = slice.countries.indices.map { u in
            windowIsLowEvidence || !ExactDecision.atLeast(u, settings.lowEvidenceTop, in: exact)
        }
    }

    /// PC per unit.
    var pc: [Double] { tally.pTop }
    /// Patent-cited share per unit (0 when no top work is cited).
    var patentCitedShare: [Double] { tally.share }

    /// Patent rate = PC / P_top of unit `u` (`nil` when P_top is 0); `pTop` from the Share's tally.
    func patentRate(_ u: Int, pTop: [Double]) -> Double? {
        pTop[u] > 0 ? pc[u] / pTop[u] : nil
    }

    /// RTI = patent-cited share / Share of unit `u` (`nil` when the Share is 0, or when no top
    /// work of the (t, W) is cited, so that no patent-cited share is defined).
    func rti(_ u: Int, share: [Double]) -> Double? {
        share[u] > 0 && tally.totalTop > 0 ? patentCitedShare[u] / share[u] : nil
    }

    /// Per corpus work: whether at least one citation that passes `filter` cites it (§10).
    static func citedWorks(_ corpus: AnalysisCorpus, filter: PatentCitationFilter) -> [Bool] {
        countingCitations(corpus, filter: filter).cited
    }

    /// One pass over the corpus's citations: per work whether a citation that passes `filter`
    /// cites it, and how many citations pass (every citation is to one of the corpus's works).
    static func countingCitations(
        _ corpus: AnalysisCorpus, filter: PatentCitationFilter
    ) -> (cited: [Bool], counting: Int) {
        var cited = [Bool](repeating: false, count: corpus.workCount)
        var counting = 0
        let count = min(corpus.patentWork.count, corpus.patentConfidence.count, corpus.patentAttributes.count)
        for i in 0..<count {
            let work = Int(corpus.patentWork[i])
            guard work >= 0, work < cited.count,
                filter.counts(
                    confidence: corpus.patentConfidence[i],
                    attributes: PatentCitationAttributes(rawValue: corpus.patentAttributes[i]))
            else { continue }
            cited[work] = true
            counting += 1
        }
        return (cited, counting)
    }
}

extension WindowSlice {
    /// The slice with the top weights (10% and 1%) of the works not flagged in `cited` (per
    /// corpus work) set to 0: every tally of the result counts cited top works only.
    func restricted(to cited: [Bool]) -> WindowSlice {
        var result = self
        for (i, w) in works.works.enumerated() where !(w < cited.count && cited[w]) {
            result.works.top10[i] = 0
            result.works.top1[i] = 0
            result.works.top10Fraction[i] = .zero
            result.works.top1Fraction[i] = .zero
        }
        return result
    }
}

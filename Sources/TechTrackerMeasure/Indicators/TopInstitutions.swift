import TechTrackerCore

/// The institutions with the largest high-impact output in (t, W) (METHOD §5): P_top of an
/// institution = Σ institution credit × T(w), credited as countries are (§3) under the chosen
/// counting. Exact ties are ordered by institution id (the canonical order: OpenAlex ids by
/// number).
enum TopInstitutions {
    /// One institution.
    struct Entry: Sendable, Hashable {
        /// Rank, 1-based.
        var rank: Int
        /// Institution index in the corpus.
        var institution: Int
        /// P_top.
        var pTop: Double
        /// P_top / Σ T(w) of (t, W).
        var share: Double
        /// P_top is below the low-evidence cut-off (exactly).
        var belowEvidence: Bool = false
    }

    /// The `limit` institutions with the largest positive P_top (METHOD §5), ordered exactly
    /// (`ExactDecision`): institutions with exactly equal P_top are ordered by institution id.
    static func compute(
        window: WindowWorks, credits: CreditTable, corpus: AnalysisCorpus,
        totalTop: Double, limit: Int = 10, lowEvidenceTop: Double = 5,
        tieRank: [Int32]? = nil
    ) -> [Entry] {
        let institutionCount = max(corpus.institutionIDs.count, credits.keyCount)
        var local = [Int32](repeating: -1, count: institutionCount)
        var touched: [Int] = [], sums: [Double] = [], terms: [Int] = []
        var entryStart = [0], entryKey: [Int32] = [], entryCredit: [Fraction] = [], weights: [Fraction] = []
        for (i, w) in window.works.enumerated() where window.top10[i] > 0 {
            for e in credits.range(w) where credits.keys[e] >= 0 && credits.value(e) > 0 {
                let k = Int(credits.keys[e])
                if local[k] < 0 {
                    local[k] = Int32(touched.count)
                    touched.append(k)
                    sums.append(0)
                    terms.append(0)
                }
                let u = Int(local[k])
                sums[u] += credits.value(e) * window.top10[i]
                terms[u] += 1
                entryKey.append(local[k])
                entryCredit.append(credits.fraction(e))
            }
            entryStart.append(entryKey.count)
            weights.append(window.top10Fraction[i])
        }
        // Local positions in id order (`CanonicalOrder`: OpenAlex ids by number), so that exact
        // ties go to the smaller id; `tieRank` is that order computed once per corpus.
        let tieRank = tieRank ?? CanonicalOrder.institutionRanks(corpus)
        let byID = touched.indices.sorted { tieRank[touched[$0]] < tieRank[touched[$1]] }
        let rank = CanonicalOrder.ranks(of: byID)
        let tally = ExactTally(
            entryStart: entryStart, entryKey: entryKey.map { Int32(rank[Int($0)]) }, entryCredit: entryCredit)
        let values = ExactValues(approximate: byID.map { sums[$0] }, terms: byID.map { terms[$0] }) {
            tally.sums(of: $0, weights: weights)
        }
        let (order, _) = ExactDecision.order(values, limit: max(0, limit))
        return order.prefix(max(0, limit)).enumerated().map { r, position in
            let k = touched[byID[position]]
            return Entry(
                rank: r + 1, institution: k, pTop: values.approximate[position],
                share: totalTop > 0 ? values.approximate[position] / totalTop : 0,
                belowEvidence: !ExactDecision.atLeast(position, lowEvidenceTop, in: values))
        }
    }

    /// How many of `entries` are in the country `country` (global index).
    static func count(in country: Int?, _ entries: [Entry], corpus: AnalysisCorpus) -> Int {
        guard let country else { return 0 }
        return count(in: [country], entries, corpus: corpus)
    }

    /// How many of `entries` are in one of `countries` (global indices; a group's members).
    static func count(in countries: Set<Int>, _ entries: [Entry], corpus: AnalysisCorpus) -> Int {
        entries.filter {
            $0.institution < corpus.institutionCountry.count
                && countries.contains(corpus.institutionCountry[$0.institution])
        }.count
    }
}

/// Technology monopoly risk (METHOD §5, after ASPI's two-factor design).
public enum MonopolyRisk: String, Sendable, Hashable, CaseIterable, Comparable {
    case low, medium, high

    /// The thresholds (`--tmr-*` options).
    public struct Thresholds: Sendable, Hashable {
        /// Lead ratio at or above which the risk is high (with `highInstitutions`).
        var highRatio: Double
        /// Top institutions in the leader's country for high.
        var highInstitutions: Int
        /// Lead ratio for medium.
        var mediumRatio: Double
        /// Top institutions in the leader's country for medium.
        var mediumInstitutions: Int

        /// ASPI's: high at ≥ 3× and ≥ 8 of 10; medium at ≥ 2× and ≥ 5 of 10.
        public init(
            highRatio: Double = 3, highInstitutions: Int = 8, mediumRatio: Double = 2, mediumInstitutions: Int = 5
        ) {
            self.highRatio = highRatio
            self.highInstitutions = highInstitutions
            self.mediumRatio = mediumRatio
            self.mediumInstitutions = mediumInstitutions
        }
    }

    /// METHOD §5: high if ratio ≥ highRatio and institutions ≥ highInstitutions; medium if ratio ≥
    /// mediumRatio and institutions ≥ mediumInstitutions; else low. No leader (`nil` ratio)
    /// is low; a sole producer (infinite ratio) passes any ratio threshold. When fewer than 10
    /// institutions have top output, the counts are taken among those there are.
    static func classify(
        leadRatio: Double?, leaderInstitutions: Int, thresholds: Thresholds = Thresholds()
    ) -> MonopolyRisk {
        guard let ratio = leadRatio else { return .low }
        return classify(ratioAtLeast: { ratio >= $0 }, leaderInstitutions: leaderInstitutions, thresholds: thresholds)
    }

    /// The same rule with the ratio tests decided by `ratioAtLeast(r)` (exactly, by
    /// `ExactDecision.atLeast`, so that a lead ratio of exactly 3 is 3).
    static func classify(
        ratioAtLeast: (Double) -> Bool, leaderInstitutions: Int, thresholds: Thresholds = Thresholds()
    ) -> MonopolyRisk {
        if leaderInstitutions >= thresholds.highInstitutions && ratioAtLeast(thresholds.highRatio) { return .high }
        if leaderInstitutions >= thresholds.mediumInstitutions && ratioAtLeast(thresholds.mediumRatio) {
            return .medium
        }
        return .low
    }

    public static func < (lhs: MonopolyRisk, rhs: MonopolyRisk) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

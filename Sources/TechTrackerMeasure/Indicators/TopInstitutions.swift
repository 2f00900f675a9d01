import TechTrackerCore

/// The institutions with the largest high-impact output in (t, W) (METHOD §5): P_top of an
/// institution = Σ institution credit × T(w), credited as countries are (§3) under the chosen
/// counting. Ties are ordered by institution id.
public enum TopInstitutions {
    /// One institution.
    public struct Entry: Sendable, Hashable {
        /// Rank, 1-based.
        public var rank: Int
        /// Institution index in the corpus.
        public var institution: Int
        /// P_top.
        public var pTop: Double
        /// P_top / Σ T(w) of (t, W).
        public var share: Double
    }

    /// The `limit` institutions with the largest positive P_top (METHOD §5).
    public static func compute(window: WindowWorks, credits: CreditTable, corpus: AnalysisCorpus,
                               totalTop: Double, limit: Int = 10) -> [Entry] {
        let institutionCount = max(corpus.institutionIDs.count, credits.keyCount)
        var sums = [Double](repeating: 0, count: institutionCount)
        var touched: [Int] = []
        for (i, w) in window.works.enumerated() where window.top10[i] > 0 {
            for e in credits.range(w) where credits.keys[e] >= 0 && credits.values[e] > 0 {
                let k = credits.keys[e]
                if sums[k] == 0 { touched.append(k) }
                sums[k] += credits.values[e] * window.top10[i]
            }
        }
        let ids = corpus.institutionIDs
        func id(_ i: Int) -> String { i < ids.count ? ids[i] : "" }
        let ordered = touched.sorted { lhs, rhs in
            sums[lhs] != sums[rhs] ? sums[lhs] > sums[rhs] : (id(lhs), lhs) < (id(rhs), rhs)
        }
        return ordered.prefix(max(0, limit)).enumerated().map { r, k in
            Entry(rank: r + 1, institution: k, pTop: sums[k], share: totalTop > 0 ? sums[k] / totalTop : 0)
        }
    }

    /// How many of `entries` are in the country `country` (global index).
    public static func count(in country: Int?, _ entries: [Entry], corpus: AnalysisCorpus) -> Int {
        guard let country else { return 0 }
        return entries.filter { $0.institution < corpus.institutionCountry.count && corpus.institutionCountry[$0.institution] == country }.count
    }
}

/// Technology monopoly risk (METHOD §5, after ASPI's two-factor design).
public enum MonopolyRisk: String, Sendable, Hashable, CaseIterable, Comparable {
    case low, medium, high

    /// The thresholds (`--tmr-*` options).
    public struct Thresholds: Sendable, Hashable {
        /// Lead ratio at or above which the risk is high (with `highInstitutions`).
        public var highRatio: Double
        /// Top institutions in the leader's country for high.
        public var highInstitutions: Int
        /// Lead ratio for medium.
        public var mediumRatio: Double
        /// Top institutions in the leader's country for medium.
        public var mediumInstitutions: Int

        /// ASPI's: high at ≥ 3× and ≥ 8 of 10; medium at ≥ 2× and ≥ 5 of 10.
        public init(highRatio: Double = 3, highInstitutions: Int = 8, mediumRatio: Double = 2, mediumInstitutions: Int = 5) {
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
    public static func classify(leadRatio: Double?, leaderInstitutions: Int, thresholds: Thresholds = Thresholds()) -> MonopolyRisk {
        guard let ratio = leadRatio else { return .low }
        if ratio >= thresholds.highRatio && leaderInstitutions >= thresholds.highInstitutions { return .high }
        if ratio >= thresholds.mediumRatio && leaderInstitutions >= thresholds.mediumInstitutions { return .medium }
        return .low
    }

    public static func < (lhs: MonopolyRisk, rhs: MonopolyRisk) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

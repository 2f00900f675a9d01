import TechTrackerCore

/// Output and high-impact output per country of one (technology, window, counting)
/// (METHOD §5): P = Σ credit, P_top = Σ credit × T(w), Share = P_top / P_top(all),
/// PP_top = P_top / P.
///
/// P_top(all) = Σ_w T(w) over the works of (t, W). Under fractional counting it includes the
/// "unknown" part, so the countries' shares plus the unknown share sum to 1; under whole
/// counting each country present counts 1, shares sum to more than 1 and "unknown" is not
/// counted at all.
public struct CountryIndicators: Sendable {
    /// Global country indices present in (t, W) (a positive credit on a work), sorted by code.
    public var countries: [Int]
    /// Their codes.
    public var codes: [CountryCode]
    /// P per country.
    public var p: [Double]
    /// P_top (top 10%) per country.
    public var pTop: [Double]
    /// P_top for the top 1% per country.
    public var pTop1: [Double]
    /// P_top under domestic-citation-adjusted thresholds (METHOD §7), per country.
    public var pTopAdjusted: [Double]
    /// The unknown part of P, P_top (fractional counting only; 0 under whole counting).
    public var unknownP = 0.0, unknownTop = 0.0
    /// Σ T(w) (top 10%), Σ T(w) (top 1%), Σ T_adj(w).
    public var totalTop = 0.0, totalTop1 = 0.0, totalTopAdjusted = 0.0

    /// Tallies P, P_top (top 10% and 1%) and adjusted P_top (METHOD §5, §7) of the works of the slice; `adjustedTop10` are the top-10%
    /// weights recomputed on adjusted citations (parallel to the works; pass
    /// `slice.works.top10` when no adjustment is wanted).
    public init(slice: WindowSlice, adjustedTop10: [Double]) {
        countries = slice.countries
        codes = slice.codes
        p = [Double](repeating: 0, count: slice.countries.count)
        pTop = p
        pTop1 = p
        pTopAdjusted = p
        let window = slice.works
        for i in 0..<window.count {
            let t10 = window.top10[i], t1 = window.top1[i], tAdj = adjustedTop10[i]
            totalTop += t10
            totalTop1 += t1
            totalTopAdjusted += tAdj
            for e in slice.entries(i) {
                let c = Int(slice.entryCountry[e]), value = slice.entryValue[e]
                guard c >= 0 else {
                    unknownP += value
                    unknownTop += value * t10
                    continue
                }
                p[c] += value
                pTop[c] += value * t10
                pTop1[c] += value * t1
                pTopAdjusted[c] += value * tAdj
            }
        }
    }

    /// Share = P_top / Σ T (METHOD §5; 0 when there is no top output).
    public var share: [Double] { Self.shares(pTop, total: totalTop) }
    /// Top-1% share.
    public var share1: [Double] { Self.shares(pTop1, total: totalTop1) }
    /// Adjusted share (METHOD §7).
    public var shareAdjusted: [Double] { Self.shares(pTopAdjusted, total: totalTopAdjusted) }
    /// The unknown share (fractional counting).
    public var unknownShare: Double { totalTop > 0 ? unknownTop / totalTop : 0 }
    /// PP_top = P_top / P.
    public var ppTop: [Double] { zip(pTop, p).map { $1 > 0 ? $0 / $1 : 0 } }

    static func shares(_ values: [Double], total: Double) -> [Double] {
        values.map { total > 0 ? $0 / total : 0 }
    }
}

/// Ranks and leaders (METHOD §5): rank 1 = largest value; equal values are ordered by country
/// code, so ranks are distinct and reproducible. Values are compared exactly.
public enum Ranking {
    /// Positions of `values` from first to last.
    public static func order(_ values: [Double], codes: [CountryCode]) -> [Int] {
        values.indices.sorted { values[$0] != values[$1] ? values[$0] > values[$1] : codes[$0] < codes[$1] }
    }

    /// Rank of each position (1-based).
    public static func ranks(_ values: [Double], codes: [CountryCode]) -> [Int] {
        var ranks = [Int](repeating: 0, count: values.count)
        for (r, position) in order(values, codes: codes).enumerated() { ranks[position] = r + 1 }
        return ranks
    }

    /// The first and second positions with a positive value (`nil` when there are none).
    public static func leaders(_ values: [Double], codes: [CountryCode]) -> (leader: Int?, runnerUp: Int?) {
        let positive = order(values, codes: codes).filter { values[$0] > 0 }
        return (positive.first, positive.count > 1 ? positive[1] : nil)
    }

    /// Lead ratio = value(1st) / value(2nd): `nil` without a leader, `+infinity` with a leader
    /// but no runner-up (a sole producer; it then meets any lead-ratio threshold).
    public static func leadRatio(_ values: [Double], leader: Int?, runnerUp: Int?) -> Double? {
        guard let leader else { return nil }
        guard let runnerUp else { return .infinity }
        return values[leader] / values[runnerUp]
    }
}

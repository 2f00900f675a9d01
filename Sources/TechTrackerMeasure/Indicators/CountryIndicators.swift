import TechTrackerCore

/// Output and high-impact output per unit (country or group) of one (technology, window,
/// counting) (METHOD §5): P = Σ credit, P_top = Σ credit × T(w), Share = P_top / P_top(all),
/// PP_top = P_top / P.
///
/// P_top(all) = Σ_w T(w) over the works of (t, W). Under fractional counting it includes the
/// "unknown" part, so the countries' shares plus the unknown share sum to 1; under whole
/// counting each country present counts 1, shares sum to more than 1 and "unknown" is not
/// counted at all. Sums are taken in the slice's order (canonical work order), and each can
/// be had exactly (`exact…` values) for the decisions of `ExactDecision`.
struct CountryIndicators: Sendable {
    /// Global unit indices present in (t, W) (a positive credit on a work), in tie order.
    var countries: [Int]
    /// Their codes (country slices).
    var codes: [CountryCode]
    /// P per unit.
    var p: [Double]
    /// P_top (top 10%) per unit.
    var pTop: [Double]
    /// P_top for the top 1% per unit.
    var pTop1: [Double]
    /// P_top under domestic-citation-adjusted thresholds (METHOD §7), per unit.
    var pTopAdjusted: [Double]
    /// Credit entries added per unit (the number of terms of each sum, for error bounds).
    var terms: [Int]
    /// The unknown part of P, P_top (fractional counting only; 0 under whole counting).
    var unknownP = 0.0, unknownTop = 0.0
    /// Σ T(w) (top 10%), Σ T(w) (top 1%), Σ T_adj(w).
    var totalTop = 0.0, totalTop1 = 0.0, totalTopAdjusted = 0.0
    /// Exact weights (top 10%, top 1%, adjusted top 10%) and the slice's exact entries.
    let top10Fraction: [Fraction], top1Fraction: [Fraction], adjustedFraction: [Fraction]
    let tally: ExactTally

    /// Tallies P, P_top (top 10% and 1%) and adjusted P_top (METHOD §5, §7) of the works of the
    /// slice; `adjustedTop10` are the top-10% weights recomputed on adjusted citations (parallel
    /// to the works; pass `slice.works.top10Fraction` when no adjustment is wanted).
    init(slice: WindowSlice, adjustedTop10: [Fraction]) {
        countries = slice.countries
        codes = slice.codes
        p = [Double](repeating: 0, count: slice.countries.count)
        pTop = p
        pTop1 = p
        pTopAdjusted = p
        terms = [Int](repeating: 0, count: slice.countries.count)
        top10Fraction = slice.works.top10Fraction
        top1Fraction = slice.works.top1Fraction
        adjustedFraction = adjustedTop10
        tally = slice.exactTally
        let window = slice.works
        for i in 0..<window.count {
            let t10 = window.top10[i], t1 = window.top1[i], tAdj = adjustedTop10[i].value
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
                terms[c] += 1
            }
        }
    }

    /// Share = P_top / Σ T (METHOD §5; 0 when there is no top output).
    var share: [Double] { Self.shares(pTop, total: totalTop) }
    /// Top-1% share.
    var share1: [Double] { Self.shares(pTop1, total: totalTop1) }
    /// Adjusted share (METHOD §7).
    var shareAdjusted: [Double] { Self.shares(pTopAdjusted, total: totalTopAdjusted) }
    /// The unknown share (fractional counting).
    var unknownShare: Double { totalTop > 0 ? unknownTop / totalTop : 0 }
    /// PP_top = P_top / P.
    var ppTop: [Double] { zip(pTop, p).map { $1 > 0 ? $0 / $1 : 0 } }

    /// P_top with its exact values on demand.
    var exactTop: ExactValues { exactValues(pTop, top10Fraction) }
    /// Top-1% P_top with its exact values on demand.
    var exactTop1: ExactValues { exactValues(pTop1, top1Fraction) }
    /// Adjusted P_top with its exact values on demand.
    var exactAdjusted: ExactValues { exactValues(pTopAdjusted, adjustedFraction) }

    private func exactValues(_ values: [Double], _ weights: [Fraction]) -> ExactValues {
        let tally = tally
        return ExactValues(approximate: values, terms: terms) { tally.sums(of: $0, weights: weights) }
    }

    static func shares(_ values: [Double], total: Double) -> [Double] {
        values.map { total > 0 ? $0 / total : 0 }
    }
}

/// Ranks and leaders (METHOD §5): rank 1 = largest value; equal values (exactly equal, see
/// `ExactDecision`) are a tie, ordered by the units' tie order (country code), so ranks are
/// distinct and reproducible and the tie is reported.
enum Ranking {
    /// The exact ranking of one set of sums.
    struct Result: Sendable, Equatable {
        /// Positions from first to last.
        var order: [Int]
        /// Rank of each position (1-based).
        var ranks: [Int]
        /// Whether each position has exactly the same positive value as another.
        var tied: [Bool]
        /// The first and second positions with a positive value.
        var leader: Int?, runnerUp: Int?
        /// Whether the leader and the runner-up are exactly equal.
        var leaderTied: Bool
    }

    /// Ranks the units by their sums (METHOD §5).
    static func rank(_ values: ExactValues) -> Result {
        let (order, tiedWithNext) = ExactDecision.order(values)
        var ranks = [Int](repeating: 0, count: order.count)
        var tied = [Bool](repeating: false, count: order.count)
        for (r, position) in order.enumerated() {
            ranks[position] = r + 1
            guard values.approximate[position] > 0 else { continue }
            if r + 1 < order.count && tiedWithNext[r] { tied[position] = true }
            if r > 0 && tiedWithNext[r - 1] { tied[position] = true }
        }
        let positive = order.filter { values.approximate[$0] > 0 }
        let leader = positive.first, runnerUp = positive.count > 1 ? positive[1] : nil
        return Result(
            order: order, ranks: ranks, tied: tied, leader: leader, runnerUp: runnerUp,
            leaderTied: runnerUp != nil && tiedWithNext.first == true)
    }

    /// Lead ratio = value(1st) / value(2nd): `nil` without a leader, `+infinity` with a leader
    /// but no runner-up (a sole producer; it then meets any lead-ratio threshold), exactly 1
    /// for a tie.
    static func leadRatio(_ values: [Double], leader: Int?, runnerUp: Int?, tied: Bool = false) -> Double? {
        guard let leader else { return nil }
        guard let runnerUp else { return .infinity }
        return tied ? 1 : values[leader] / values[runnerUp]
    }
}

import TechTrackerCore

/// Stability intervals and P(leader) by a Poisson bootstrap (METHOD §5).
///
/// Each draw gives every work with T(w) > 0 a multiplicity m ~ Poisson(1) (works with T = 0
/// cannot move a Share, so they are not drawn) and recomputes
/// Share_k = Σ m T credit_k / Σ m T. The thresholds t* and θ are held at their observed values
/// rather than recomputed per resample: an approximation that ignores threshold noise.
/// The interval is [sorted[⌊0.025 B⌋], sorted[⌊0.975 B⌋]] (0-based; positions 25 and 975 for
/// B = 1000). P(first) of a country = fraction of draws in which it has the largest Share
/// (equal shares go to the smaller country code, as in the ranking). A draw in which every
/// multiplicity is 0 (possible only in tiny sets) counts as share 0 for all, with no one first.
public enum StabilityBootstrap {
    /// Results per country, parallel to the `countries` given.
    public struct Result: Sendable, Equatable {
        /// Lower end of the 95% interval.
        public var low: [Double]
        /// Upper end.
        public var high: [Double]
        /// Fraction of draws in which the country is first.
        public var pFirst: [Double]
        /// Number of draws.
        public var draws: Int
    }

    /// The two order statistics used for B draws: ⌊0.025 B⌋ and ⌊0.975 B⌋, clamped to B − 1.
    public static func positions(draws: Int) -> (low: Int, high: Int) {
        (min(draws - 1, 25 * draws / 1000), min(draws - 1, 975 * draws / 1000))
    }

    /// Runs `draws` resamples of the works of (t, W). `countries` are global indices (sorted by
    /// code, as `CountryIndicators` gives them); `pTop` their observed P_top (countries with
    /// P_top = 0 get [0, 0] and P(first) = 0 without being tracked).
    public static func run(window: WindowWorks, countries: [Int], pTop: [Double], credits: CreditTable,
                           countryCount: Int, draws: Int, seed: UInt64) -> Result {
        let n = countries.count
        var result = Result(low: .init(repeating: 0, count: n), high: .init(repeating: 0, count: n),
                            pFirst: .init(repeating: 0, count: n), draws: max(0, draws))
        guard draws > 0 else { return result }
        // Tracked countries: those with top output, in code order.
        var local = [Int32](repeating: -1, count: countryCount)
        var tracked: [Int] = []
        for (i, k) in countries.enumerated() where pTop[i] > 0 {
            local[k] = Int32(tracked.count)
            tracked.append(i)
        }
        guard !tracked.isEmpty else { return result }
        // Flat lists of the weighted works.
        var weights: [Double] = [], starts: [Int32] = [0], entryCountry: [Int32] = [], entryValue: [Double] = []
        for (i, w) in window.works.enumerated() where window.top10[i] > 0 {
            let t = window.top10[i]
            weights.append(t)
            for e in credits.range(w) where credits.keys[e] >= 0 && local[credits.keys[e]] >= 0 {
                entryCountry.append(local[credits.keys[e]])
                entryValue.append(credits.values[e] * t)
            }
            starts.append(Int32(entryCountry.count))
        }
        let m = tracked.count
        var matrix = [Double](repeating: 0, count: m * draws)  // matrix[c * draws + b]
        var firsts = [Int](repeating: 0, count: m)
        var accumulator = [Double](repeating: 0, count: m)
        var rng = Xoshiro256StarStar(seed: seed)
        PoissonOne.upper.withUnsafeBufferPointer { table in
        weights.withUnsafeBufferPointer { weights in
        starts.withUnsafeBufferPointer { starts in
        entryCountry.withUnsafeBufferPointer { entryCountry in
        entryValue.withUnsafeBufferPointer { entryValue in
        accumulator.withUnsafeMutableBufferPointer { acc in
        matrix.withUnsafeMutableBufferPointer { matrix in
            let zeroBelow = table[0]
            for b in 0..<draws {
                for c in 0..<m { acc[c] = 0 }
                var total = 0.0
                for i in 0..<weights.count {
                    let bits = rng.next()
                    if bits >> 32 < zeroBelow { continue }
                    let multiplicity = Double(PoissonOne.draw(bits, table: table))
                    total += multiplicity * weights[i]
                    for j in Int(starts[i])..<Int(starts[i + 1]) {
                        acc[Int(entryCountry[j])] += multiplicity * entryValue[j]
                    }
                }
                guard total > 0 else { continue }  // the matrix already holds 0
                var best = -1, bestShare = 0.0
                for c in 0..<m {
                    let share = acc[c] / total
                    matrix[c * draws + b] = share
                    if share > bestShare { best = c; bestShare = share }
                }
                if best >= 0 { firsts[best] += 1 }
            }
        }}}}}}}
        let (lowPosition, highPosition) = positions(draws: draws)
        matrix.withUnsafeMutableBufferPointer { matrix in
            for c in 0..<m {
                let row = UnsafeMutableBufferPointer(rebasing: matrix[(c * draws)..<((c + 1) * draws)])
                result.low[tracked[c]] = Selection.select(row, lowPosition)
                result.high[tracked[c]] = Selection.select(row, highPosition)
                result.pFirst[tracked[c]] = Double(firsts[c]) / Double(draws)
            }
        }
        return result
    }
}

/// In-place selection of order statistics (quickselect, median-of-three pivots).
enum Selection {
    /// The value that would sit at `k` (0-based) if `values` were sorted ascending; reorders
    /// `values`. Selecting a larger k after a smaller one on the same buffer stays correct.
    static func select(_ values: UnsafeMutableBufferPointer<Double>, _ k: Int) -> Double {
        var lo = 0, hi = values.count - 1
        while hi > lo {
            let mid = lo + (hi - lo) / 2
            if values[mid] < values[lo] { values.swapAt(mid, lo) }
            if values[hi] < values[lo] { values.swapAt(hi, lo) }
            if values[hi] < values[mid] { values.swapAt(hi, mid) }
            let pivot = values[mid]
            var i = lo, j = hi
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j { values.swapAt(i, j); i += 1; j -= 1 }
            }
            if k <= j { hi = j } else if k >= i { lo = i } else { return values[k] }
        }
        return values[k]
    }
}

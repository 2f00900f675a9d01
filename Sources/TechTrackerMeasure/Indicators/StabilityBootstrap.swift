import TechTrackerCore

/// Stability intervals and P(leader) by a Poisson bootstrap (METHOD §5).
///
/// Each draw gives every work with T(w) > 0 a multiplicity m ~ Poisson(1) (works with T = 0
/// cannot move a Share, so they are not drawn) and recomputes
/// Share_k = Σ m T credit_k / Σ m T. The thresholds t* and θ are held at their observed values
/// rather than recomputed per resample: an approximation that ignores threshold noise.
/// The interval is [sorted[⌊0.025 B⌋], sorted[⌊0.975 B⌋]] (0-based; positions 25 and 975 for
/// B = 1000). P(first) of a country = fraction of draws in which it has the largest Share
/// (shares within a relative 2⁻⁴⁰ of each other are equal and go to the smaller country code,
/// as in the ranking; an exact test per draw would cost more than the draw). A draw in which every
/// multiplicity is 0 (possible only in tiny sets) counts as share 0 for all, with no one first.
enum StabilityBootstrap {
    /// Results per country, parallel to the `countries` given.
    struct Result: Sendable, Equatable {
        /// Lower end of the 95% interval.
        var low: [Double]
        /// Upper end.
        var high: [Double]
        /// Fraction of draws in which the country is first.
        var pFirst: [Double]
        /// Number of draws.
        var draws: Int
    }

    /// Shares within this relative distance of each other are equal when the first country of
    /// a draw is chosen: rounding noise, far below any real difference of shares.
    static let tieTolerance = 0x1p-40

    /// The two order statistics used for B draws: ⌊0.025 B⌋ and ⌊0.975 B⌋, clamped to B − 1.
    static func positions(draws: Int) -> (low: Int, high: Int) {
        (min(draws - 1, 25 * draws / 1000), min(draws - 1, 975 * draws / 1000))
    }

    /// Runs `draws` resamples (METHOD §5) of the works of the slice; `pTop` is the observed P_top per
    /// country of the slice (countries with P_top = 0 get [0, 0] and P(first) = 0 without being
    /// tracked).
    ///
    /// Speed: works whose tracked credit goes to at most one country are grouped into runs of
    /// equal (country, credit × T, T); a run adds Σ m over its works (integers) once, so the
    /// per-work cost is one 32-bit draw and an integer add. Other works are drawn one by one.
    /// The interval ends are kept online per country (`OrderStatistics`), without a draws
    /// matrix. The draws are made in a fixed order, so a seed gives the same result every time.
    static func run(slice: WindowSlice, pTop: [Double], draws: Int, seed: UInt64) -> Result {
        let n = slice.countries.count
        var result = Result(
            low: .init(repeating: 0, count: n), high: .init(repeating: 0, count: n),
            pFirst: .init(repeating: 0, count: n), draws: max(0, draws))
        guard draws > 0 else { return result }
        let plan = Plan(slice: slice, pTop: pTop)
        let m = plan.tracked.count
        guard m > 0 else { return result }
        let (lowPosition, highPosition) = positions(draws: draws)
        let statistics = OrderStatistics(series: m, count: draws, low: lowPosition, high: highPosition)
        defer { statistics.deallocate() }
        var firsts = [Int](repeating: 0, count: m)
        var accumulator = [Double](repeating: 0, count: m)
        var rng = Xoshiro256StarStar(seed: seed)
        PoissonOne.upper.withUnsafeBufferPointer { table in
            PoissonOne.shortcut.withUnsafeBufferPointer { shortcut in
                accumulator.withUnsafeMutableBufferPointer { acc in
                    for _ in 0..<draws {
                        for c in 0..<m { acc[c] = 0 }
                        let total = plan.draw(into: acc, rng: &rng, shortcut: shortcut, table: table)
                        var best = -1, bestShare = 0.0
                        for c in 0..<m {
                            let share = total > 0 ? acc[c] / total : 0  // no top work drawn: every share is 0
                            statistics.add(c, share)
                            // Tracked countries come in code order: a later one is first only when it is
                            // ahead by more than rounding noise (relative 2⁻⁴⁰), so equal shares go to the
                            // smaller code whatever order the terms were added in.
                            if share > bestShare * (1 + tieTolerance) { best = c; bestShare = share }
                        }
                        if best >= 0 { firsts[best] += 1 }
                    }
                }
            }
        }
        for c in 0..<m {
            result.low[plan.tracked[c]] = statistics.low(c)
            result.high[plan.tracked[c]] = statistics.high(c)
            result.pFirst[plan.tracked[c]] = Double(firsts[c]) / Double(draws)
        }
        return result
    }

    /// The weighted works laid out for drawing.
    struct Plan {
        /// Slice-local index of each tracked country (those with P_top > 0), in code order.
        var tracked: [Int] = []
        /// Runs of works with one tracked country (or none): size, country (-1 none), credit × T, T.
        var runSize: [Int] = [], runCountry: [Int] = [], runValue: [Double] = [], runWeight: [Double] = []
        /// Works with several tracked countries: T, and entries (tracked country, credit × T).
        var multiWeight: [Double] = [], multiStart: [Int] = [0], multiCountry: [Int] = [], multiValue: [Double] = []

        init(slice: WindowSlice, pTop: [Double]) {
            var trackedIndex = [Int](repeating: -1, count: slice.countries.count)
            for c in 0..<slice.countries.count where pTop[c] > 0 {
                trackedIndex[c] = tracked.count
                tracked.append(c)
            }
            var singles: [(country: Int, value: Double, weight: Double)] = []
            var entries: [(Int, Double)] = []
            for i in 0..<slice.count where slice.works.top10[i] > 0 {
                let t = slice.works.top10[i]
                entries.removeAll(keepingCapacity: true)
                for e in slice.entries(i)
                where slice.entryCountry[e] >= 0 && trackedIndex[Int(slice.entryCountry[e])] >= 0 {
                    entries.append((trackedIndex[Int(slice.entryCountry[e])], slice.entryValue[e] * t))
                }
                if entries.count <= 1 {
                    singles.append((entries.first?.0 ?? -1, entries.first?.1 ?? 0, t))
                } else {
                    multiWeight.append(t)
                    for (c, v) in entries { multiCountry.append(c); multiValue.append(v) }
                    multiStart.append(multiCountry.count)
                }
            }
            singles.sort { ($0.country, $0.value, $0.weight) < ($1.country, $1.value, $1.weight) }
            for single in singles {
                if let last = runSize.indices.last, runCountry[last] == single.country,
                    runValue[last] == single.value, runWeight[last] == single.weight
                {
                    runSize[last] += 1
                } else {
                    runSize.append(1); runCountry.append(single.country)
                    runValue.append(single.value); runWeight.append(single.weight)
                }
            }
        }

        /// One resample: adds Σ m credit T per tracked country into `acc`; returns Σ m T.
        @inline(__always)
        func draw(
            into acc: UnsafeMutableBufferPointer<Double>, rng: inout Xoshiro256StarStar,
            shortcut: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<UInt64>
        ) -> Double {
            var total = 0.0
            runSize.withUnsafeBufferPointer { runSize in
                runCountry.withUnsafeBufferPointer { runCountry in
                    runValue.withUnsafeBufferPointer { runValue in
                        runWeight.withUnsafeBufferPointer { runWeight in
                            for r in 0..<runSize.count {
                                var sum = 0, left = runSize[r]
                                while left >= 2 {
                                    let bits = rng.next()
                                    sum &+= PoissonOne.draw32(bits >> 32, shortcut: shortcut, table: table)
                                    sum &+= PoissonOne.draw32(bits & 0xFFFF_FFFF, shortcut: shortcut, table: table)
                                    left -= 2
                                }
                                if left == 1 {
                                    sum &+= PoissonOne.draw32(rng.next() >> 32, shortcut: shortcut, table: table)
                                }
                                let multiplicity = Double(sum)
                                total += multiplicity * runWeight[r]
                                if runCountry[r] >= 0 { acc[runCountry[r]] += multiplicity * runValue[r] }
                            }
                        }
                    }
                }
            }
            multiWeight.withUnsafeBufferPointer { weight in
                multiStart.withUnsafeBufferPointer { start in
                    multiCountry.withUnsafeBufferPointer { country in
                        multiValue.withUnsafeBufferPointer { value in
                            for i in 0..<weight.count {
                                let m = PoissonOne.draw32(rng.next() >> 32, shortcut: shortcut, table: table)
                                guard m > 0 else { continue }
                                let multiplicity = Double(m)
                                total += multiplicity * weight[i]
                                for j in start[i]..<start[i + 1] { acc[country[j]] += multiplicity * value[j] }
                            }
                        }
                    }
                }
            }
            return total
        }
    }
}

import Benchmark
import Foundation
import TechTrackerCore
import TechTrackerMeasure

/// The indicators' inner loops on fixed inputs made from fixed seeds: the top-10% weights of a
/// reference set (METHOD §4) and one Poisson bootstrap draw (METHOD §5).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 10,
        maxDuration: .seconds(2),
        maxIterations: 100_000
    )

    let citations = citationCounts(count: 10_000, seed: 2024)

    Benchmark("Measure: top-10% weights of 10,000 citation counts") { benchmark in
        for _ in benchmark.scaledIterations {
            // As a reference set's weights are made: sort, threshold, one exact weight per work.
            guard let threshold = TopWeights.threshold(sorted: citations.sorted(), share: .top10) else {
                fatalError("no threshold for a non-empty set")
            }
            blackHole(citations.map { TopWeights.fraction(of: $0, threshold: threshold) })
        }
    }

    // The works a draw goes through: every one with a positive top-10% weight in StabilityBootstrap,
    // here 10,000 of them, each crediting one of 8 countries.
    let drawn = 10_000, countries = 8  // drawn is even: the loop takes the works two by two
    let weight = (0..<drawn).map { 0.25 + Double($0 % 4) * 0.25 }
    let country = (0..<drawn).map { ($0 * 7919) % countries }
    Benchmark("Measure: one bootstrap draw of 10,000 works (xoshiro256** + Poisson(1))") { benchmark in
        // Local, so the loop keeps them in registers as StabilityBootstrap's does (a variable
        // captured from outside the closure would be read and written through memory).
        var rng = Xoshiro256StarStar(seed: 7)
        var share = [Double](repeating: 0, count: countries)
        PoissonOne.upper.withUnsafeBufferPointer { table in
            PoissonOne.shortcut.withUnsafeBufferPointer { shortcut in
                for _ in benchmark.scaledIterations {
                    // One resample: a multiplicity m ~ Poisson(1) per work, two per 64 random
                    // bits as StabilityBootstrap draws them, and Σ m T per country.
                    for c in 0..<countries { share[c] = 0 }
                    var total = 0.0
                    for w in stride(from: 0, to: drawn, by: 2) {
                        let bits = rng.next()
                        let m0 = Double(PoissonOne.draw32(bits >> 32, shortcut: shortcut, table: table))
                        let m1 = Double(PoissonOne.draw32(bits & 0xFFFF_FFFF, shortcut: shortcut, table: table))
                        total += m0 * weight[w] + m1 * weight[w + 1]
                        share[country[w]] += m0 * weight[w]
                        share[country[w + 1]] += m1 * weight[w + 1]
                    }
                    blackHole(total)
                    blackHole(share)
                }
            }
        }
    }
}

/// `count` citation counts drawn from a fixed seed: exponential with mean 12, so low counts
/// repeat and the top-10% threshold falls in a tie, as in real reference sets.
func citationCounts(count: Int, seed: UInt64) -> [Int] {
    var rng = SplitMix64(seed: seed)
    return (0..<count).map { _ in
        let u = Double(rng.next() >> 11) * 0x1p-53
        return Int(-log1p(-u) * 12)
    }
}

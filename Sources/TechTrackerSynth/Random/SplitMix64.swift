#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import TechTrackerCore

/// The generator's draws on TechTrackerCore's SplitMix64. The corpus must be byte-identical
/// for a seed on every machine and Swift version, so every distribution is written out here
/// rather than taken from the standard library, whose `random(in:using:)` may change.
extension SplitMix64 {
    /// A stream for one purpose and one item (a work, an author): independent of every
    /// other stream, so items can be generated in any order or in parallel.
    init(seed: UInt64, stream: UInt64, index: Int) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15))
        let base = mixer.next()
        self.init(seed: base ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03))
        _ = next()
    }

    /// Uniform in [0, 1), 53 bits of precision.
    @inline(__always)
    mutating func nextDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform in 0..<bound (Lemire's multiply-shift; the tiny bias is irrelevant here).
    @inline(__always)
    mutating func nextInt(below bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// Uniform in the closed range.
    @inline(__always)
    mutating func nextInt(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + nextInt(below: range.count)
    }

    /// True with probability `p`.
    @inline(__always)
    mutating func chance(_ p: Double) -> Bool {
        nextDouble() < p
    }

    /// Standard normal (Box-Muller, one value per call: simplicity beats the saved log).
    mutating func nextNormal() -> Double {
        let u1 = max(nextDouble(), 1e-300)
        let u2 = nextDouble()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// exp(mu + sigma·Z): the heavy-tailed draw behind team sizes and work quality.
    mutating func nextLogNormal(mu: Double, sigma: Double) -> Double {
        exp(mu + sigma * nextNormal())
    }

    /// A Poisson count with mean `lambda` (exact multiplication method below 30, a rounded
    /// normal approximation above, where the difference no longer shows).
    mutating func nextPoisson(mean lambda: Double) -> Int {
        guard lambda > 0 else { return 0 }
        if lambda < 30 {
            let limit = exp(-lambda)
            var product = nextDouble()
            var count = 0
            while product > limit {
                product *= nextDouble()
                count += 1
            }
            return count
        }
        let draw = lambda + lambda.squareRoot() * nextNormal()
        return max(0, Int(draw.rounded()))
    }

    /// One element of a non-empty array, uniformly.
    @inline(__always)
    mutating func pick<T>(_ items: [T]) -> T {
        items[nextInt(below: items.count)]
    }
}

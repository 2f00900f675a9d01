import TechTrackerCore
/// Picks an index with probability proportional to its weight, by binary search over
/// running totals. Built once, read by many threads.
struct CumulativeSampler: Sendable {
    /// Running totals: `totals[i]` = sum of weights 0...i.
    private let totals: [Double]

    /// Builds a sampler; negative weights count as zero.
    init(weights: [Double]) {
        var running = 0.0
        totals = weights.map { weight in
            running += max(0, weight)
            return running
        }
    }

    /// Number of items.
    var count: Int { totals.count }

    /// Sum of all weights.
    var total: Double { totals.last ?? 0 }

    /// The weight of item `index`.
    func weight(at index: Int) -> Double {
        index == 0 ? totals[0] : totals[index] - totals[index - 1]
    }

    /// An index drawn by weight (0 when every weight is zero).
    @inline(__always)
    func sample(_ rng: inout SplitMix64) -> Int {
        Self.search(totals, target: rng.nextDouble() * total, upTo: totals.count)
    }

    /// First index in 0..<upTo whose running total exceeds `target`.
    @inline(__always)
    static func search(_ totals: [Double], target: Double, upTo end: Int) -> Int {
        var low = 0
        var high = end - 1
        guard high > 0 else { return 0 }
        while low < high {
            let middle = (low + high) >> 1
            if totals[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

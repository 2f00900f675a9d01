public import TechTrackerCore

/// The share of a reference set that counts as "top": 10% or 1% (METHOD §4), kept as an exact
/// fraction so the threshold test compares integers, never `0.9` in floating point.
public struct TopShare: Sendable, Hashable, CustomStringConvertible {
    /// Numerator of the share (1 for 10%).
    @usableFromInline let numerator: Int
    /// Denominator of the share (10 for 10%).
    @usableFromInline let denominator: Int

    /// The share `numerator / denominator`; it must lie in (0, 1].
    init(numerator: Int, denominator: Int) {
        precondition(denominator > 0 && numerator > 0 && numerator <= denominator, "top share must be in (0, 1]")
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The top 10%.
    public static let top10 = TopShare(numerator: 1, denominator: 10)
    /// The top 1%.
    static let top1 = TopShare(numerator: 1, denominator: 100)

    /// The share as a number (0.1 for the top 10%).
    var fraction: Double { Double(numerator) / Double(denominator) }

    /// `10%`, `1%`, or `n/d`.
    public var description: String {
        100 % denominator == 0 ? "\(numerator * (100 / denominator))%" : "\(numerator)/\(denominator)"
    }
}

/// Top-x% weights of one reference set, with Leiden's rule for ties (METHOD §4).
///
/// With prop(c) the fraction of the set with exactly c citations and cum(c) = Σ_{c' ≤ c} prop(c'),
/// the threshold t* is the smallest c with cum(c) ≥ 1 − share. A work gets T = 1 above t*,
/// θ = (cum(t*) − (1 − share)) / prop(t*) at t*, and 0 below, so the weights of the set sum to
/// exactly share × |R| whatever the ties. The comparisons are made on counts:
/// cumCount(c) × d ≥ (d − n) × |R| for a share n/d, and θ = (cumCount(t*) × d − (d − n) × |R|) /
/// (count(t*) × d), one division of exact integers.
public enum TopWeights {
    /// Where a reference set's top starts.
    public struct Threshold<Value: Comparable & Sendable>: Sendable {
        /// The threshold value t*.
        public var value: Value
        /// The weight θ of a work exactly at t* (in [0, 1)).
        public var theta: Double
        /// θ exactly.
        public var thetaFraction: Fraction

        /// Makes a threshold from its parts.
        @usableFromInline
        init(value: Value, theta: Double, thetaFraction: Fraction) {
            self.value = value
            self.theta = theta
            self.thetaFraction = thetaFraction
        }
    }

    /// The threshold t* and θ of a set of citation counts (`nil` for an empty set).
    static func threshold<Value: Comparable & Sendable>(of citations: [Value], share: TopShare) -> Threshold<Value>? {
        threshold(sorted: citations.sorted(), share: share)
    }

    /// The threshold of citation counts already sorted ascending. Inlinable, as `fraction`:
    /// both are generic, and a caller in another module (the top-weights benchmark) then runs
    /// code specialised to its values, as `ReferenceSets` does in this one.
    @inlinable
    public static func threshold<Value: Comparable & Sendable>(sorted: [Value], share: TopShare) -> Threshold<Value>? {
        guard !sorted.isEmpty else { return nil }
        let n = sorted.count
        let target = (share.denominator - share.numerator) * n  // (1 − share) × |R| × d
        // t* is the value at the first index where the running count reaches ⌈target / d⌉;
        // its tie group is found around it.
        let index = max(0, (target + share.denominator - 1) / share.denominator - 1)
        let value = sorted[index]
        var start = index, end = index + 1
        while start > 0 && sorted[start - 1] == value { start -= 1 }
        while end < n && sorted[end] == value { end += 1 }
        let excess = end * share.denominator - target  // ≥ 0: end ≥ ⌈target / d⌉
        let theta = Fraction(Int64(excess), Int64((end - start) * share.denominator))
        return Threshold(value: value, theta: theta.value, thetaFraction: theta)
    }

    /// The weight T(w) of each value, in the order given (empty for an empty set).
    static func weights<Value: Comparable & Sendable>(citations: [Value], share: TopShare) -> [Double] {
        guard let threshold = threshold(of: citations, share: share) else { return [] }
        return citations.map { weight(of: $0, threshold: threshold) }
    }

    /// The exact weight of one value against a threshold (inlinable, as `threshold(sorted:share:)`).
    @inlinable
    public static func fraction<Value>(of value: Value, threshold: Threshold<Value>) -> Fraction {
        value > threshold.value ? .one : (value == threshold.value ? threshold.thetaFraction : .zero)
    }

    /// The weight of one value against a threshold.
    static func weight<Value>(of value: Value, threshold: Threshold<Value>) -> Double {
        value > threshold.value ? 1 : (value == threshold.value ? threshold.theta : 0)
    }
}

import BigInt
import TechTrackerCore

/// An exact non-negative rational with unbounded parts: the exact value of a sum of
/// credit × weight products (METHOD §5: every threshold and tie is decided on the exact value).
/// Only used where floating point cannot decide, so its cost does not matter on the bulk path.
struct ExactRational: Comparable, CustomStringConvertible {
    private(set) var numerator: BigUInt
    private(set) var denominator: BigUInt

    /// 0.
    static let zero = ExactRational(numerator: 0, denominator: 1)

    init(numerator: BigUInt, denominator: BigUInt) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The value of a fraction.
    init(_ fraction: Fraction) {
        self.init(numerator: BigUInt(fraction.numerator), denominator: BigUInt(fraction.denominator))
    }

    /// Adds the product a × b.
    mutating func add(_ a: Fraction, times b: Fraction) {
        guard a.numerator != 0 && b.numerator != 0 else { return }
        let p = BigUInt(a.numerator) * BigUInt(b.numerator)
        let q = BigUInt(a.denominator) * BigUInt(b.denominator)
        let divisor = denominator.greatestCommonDivisor(with: q)
        numerator = numerator * (q / divisor) + p * (denominator / divisor)
        denominator *= q / divisor
    }

    /// This value times a fraction.
    func times(_ fraction: Fraction) -> ExactRational {
        ExactRational(
            numerator: numerator * BigUInt(fraction.numerator), denominator: denominator * BigUInt(fraction.denominator)
        )
    }

    static func < (lhs: ExactRational, rhs: ExactRational) -> Bool {
        lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }

    static func == (lhs: ExactRational, rhs: ExactRational) -> Bool {
        lhs.numerator * rhs.denominator == rhs.numerator * lhs.denominator
    }

    /// Lowest terms, for reading.
    var description: String {
        let divisor = numerator.greatestCommonDivisor(with: denominator)
        let (p, q) = (numerator / divisor, denominator / divisor)
        return q == 1 ? "\(p)" : "\(p)/\(q)"
    }
}

/// Exact sums Σ credit × weight per key over a list of works, each work given as a range of
/// entries of a credit list (key, exact credit) with an exact weight: the exact counterpart
/// of the floating-point tallies, computed in one pass for just the keys that need it.
struct ExactTally {
    /// Entries of work i: `entryStart[i]..<entryStart[i + 1]`.
    let entryStart: [Int]
    /// Key of each entry (`-1` unknown).
    let entryKey: [Int32]
    /// Exact credit of each entry.
    let entryCredit: [Fraction]

    /// The exact Σ credit × weights[i] of each key of `keys`.
    func sums(of keys: Set<Int>, weights: [Fraction]) -> [Int: ExactRational] {
        var result = Dictionary(uniqueKeysWithValues: keys.map { ($0, ExactRational.zero) })
        guard !keys.isEmpty else { return result }
        for i in 0..<(entryStart.count - 1) where weights[i].numerator != 0 {
            for e in entryStart[i]..<entryStart[i + 1] {
                let key = Int(entryKey[e])
                guard key >= 0, keys.contains(key) else { continue }
                result[key]?.add(entryCredit[e], times: weights[i])
            }
        }
        return result
    }
}

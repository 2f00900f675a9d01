import TechTrackerCore

/// Per-unit sums of non-negative credit × weight terms as Doubles (added in the canonical
/// order), with a way to get the exact value of any of them. The figures are the Doubles;
/// every decision taken on them goes through `ExactDecision`.
struct ExactValues {
    /// The floating-point sums.
    var approximate: [Double]
    /// Number of terms added into each sum (for its error bound).
    var terms: [Int]
    /// The exact sums of a set of units, computed in one pass.
    var exactSums: (Set<Int>) -> [Int: ExactRational]
}

/// Decisions on sums of non-negative terms taken on their exact values (METHOD §5
/// "Exactness and order"), fast: floating point decides whenever the two values are further
/// apart than their error bounds, and only the rest is settled with exact rationals.
///
/// Error bound: a sum of N non-negative terms, each a product of two correctly rounded
/// quotients, computed in any order, is within (N + 2)·u of its exact value relative to
/// itself (u = 2⁻⁵³); the bound used is (N + 4)·2⁻⁵², twice that. A sum of positive terms is
/// 0 in floating point exactly when it is 0, so zeros are decided without rationals.
enum ExactDecision {
    /// 2⁻⁵², twice the unit roundoff u = 2⁻⁵³: the unit of the error bounds.
    static let twiceUnitRoundoff = 0x1p-52

    /// The error bound of a sum of `terms` terms with this value.
    static func bound(_ value: Double, terms: Int) -> Double {
        Double(terms + 4) * twiceUnitRoundoff * abs(value)
    }

    /// Whether two sums may be equal or in either order (so floating point cannot decide).
    static func near(_ a: Double, _ termsA: Int, _ b: Double, _ termsB: Int) -> Bool {
        if a == 0 || b == 0 { return false }
        return abs(a - b) <= bound(a, terms: termsA) + bound(b, terms: termsB)
    }

    /// The units from the largest exact value to the smallest; equal values keep the order of
    /// their positions (countries are in code order, so ties go to the smaller code). Also
    /// returns which adjacent units are exactly equal: `tiedWithNext[k]` compares `order[k]`
    /// and `order[k + 1]`.
    ///
    /// With `limit`, only the first `limit` places need to be right (top institutions); near
    /// values further down are left in floating-point order.
    static func order(_ values: ExactValues, limit: Int? = nil) -> (order: [Int], tiedWithNext: [Bool]) {
        let approximate = values.approximate, terms = values.terms
        var order = approximate.indices.sorted {
            approximate[$0] != approximate[$1] ? approximate[$0] > approximate[$1] : $0 < $1
        }
        // Units in runs of near values (that reach into the first `limit` places).
        var unsure = Set<Int>()
        var k = 0
        while k + 1 < order.count {
            if let limit, k >= limit { break }
            var end = k
            while end + 1 < order.count,
                near(approximate[order[end]], terms[order[end]], approximate[order[end + 1]], terms[order[end + 1]])
            {
                end += 1
            }
            if end > k { for j in k...end { unsure.insert(order[j]) } }
            k = end + 1
        }
        guard !unsure.isEmpty else {
            return (
                order, order.indices.dropLast().map { approximate[order[$0]] == 0 && approximate[order[$0 + 1]] == 0 }
            )
        }
        let exact = values.exactSums(unsure)
        order.sort { a, b in
            if let x = exact[a], let y = exact[b] { return x != y ? x > y : a < b }
            return approximate[a] != approximate[b] ? approximate[a] > approximate[b] : a < b
        }
        let tied = order.indices.dropLast().map { k -> Bool in
            let (a, b) = (order[k], order[k + 1])
            if let x = exact[a], let y = exact[b] { return x == y }
            return approximate[a] == 0 && approximate[b] == 0
        }
        return (order, tied)
    }

    /// Whether the sums of units `a` and `b` are exactly equal.
    static func equal(_ a: Int, _ b: Int, in values: ExactValues) -> Bool {
        let (x, y) = (values.approximate[a], values.approximate[b])
        if x == 0 || y == 0 { return x == y }
        guard near(x, values.terms[a], y, values.terms[b]) else { return false }
        let exact = values.exactSums([a, b])
        return exact[a] == exact[b]
    }

    /// Whether sum(a) ≥ ratio × sum(b), exactly (a lead ratio at or above a threshold).
    static func atLeast(_ a: Int, ratio: Double, of b: Int, in values: ExactValues) -> Bool {
        atLeast(values, a, ratio: ratio, of: values, b)
    }

    /// Whether sum(a) ≥ `threshold`, exactly (P_top against the low-evidence cut-off).
    static func atLeast(_ a: Int, _ threshold: Double, in values: ExactValues) -> Bool {
        let x = values.approximate[a]
        if abs(x - threshold) > bound(x, terms: values.terms[a]) + twiceUnitRoundoff * abs(threshold) || x == 0 {
            return x >= threshold
        }
        guard let exact = values.exactSums([a])[a] else { return x >= threshold }
        return exact >= ExactRational(Fraction(max(0, threshold)))
    }
}

extension ExactDecision {
    /// Compares sum `i` of `a` with sum `j` of `b` (two tallies, e.g. a group and a country):
    /// −1, 0 or 1, exactly.
    static func compare(_ a: ExactValues, _ i: Int, _ b: ExactValues, _ j: Int) -> Int {
        let x = a.approximate[i], y = b.approximate[j]
        if x == 0 || y == 0 || !near(x, a.terms[i], y, b.terms[j]) { return x < y ? -1 : (x == y ? 0 : 1) }
        guard let left = a.exactSums([i])[i], let right = b.exactSums([j])[j] else {
            return x < y ? -1 : (x == y ? 0 : 1)
        }
        return left < right ? -1 : (left == right ? 0 : 1)
    }

    /// Whether sum `i` of `a` ≥ ratio × sum `j` of `b`, exactly.
    static func atLeast(_ a: ExactValues, _ i: Int, ratio: Double, of b: ExactValues, _ j: Int) -> Bool {
        let x = a.approximate[i], y = b.approximate[j]
        let scaled = ratio * y
        let margin = bound(x, terms: a.terms[i]) + ratio * bound(y, terms: b.terms[j]) + twiceUnitRoundoff * abs(scaled)
        if abs(x - scaled) > margin || (x == 0 && y == 0) { return x >= scaled }
        guard let left = a.exactSums([i])[i], let right = b.exactSums([j])[j] else { return x >= scaled }
        return left >= right.times(Fraction(max(0, ratio)))
    }
}

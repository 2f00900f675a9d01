/// An exact non-negative rational number p/q in lowest terms, for credits and top weights
/// (METHOD §3-§5: "credits are rationals"). 64-bit parts hold every credit 1/(n·k) and every
/// top weight θ of a real corpus; what cannot be held exactly is never silently wrong: it is
/// built from the nearest Double, whose binary value is itself a fraction of 64-bit parts.
public struct Fraction: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Numerator (≥ 0).
    public let numerator: Int64
    /// Denominator (> 0).
    public let denominator: Int64

    /// p/q reduced to lowest terms; q must be positive and p non-negative.
    public init(_ numerator: Int64, _ denominator: Int64) {
        precondition(denominator > 0 && numerator >= 0, "a fraction needs p ≥ 0 and q > 0")
        let divisor = Self.gcd(numerator, denominator)
        self.numerator = numerator / divisor
        self.denominator = denominator / divisor
    }

    /// The exact value of a finite, non-negative Double (a dyadic rational m/2^e), or the
    /// nearest fraction with a denominator of at most 2^62 when the exponent is lower.
    public init(_ value: Double) {
        precondition(value.isFinite && value >= 0, "a fraction from a finite non-negative number")
        if value == value.rounded(.towardZero), value < 9.2e18 {
            self.init(Int64(value), 1)
            return
        }
        var scaled = value, exponent: Int64 = 0
        while scaled != scaled.rounded(.towardZero) && exponent < 62 && scaled < 4.6e18 {
            scaled *= 2
            exponent += 1
        }
        self.init(Int64(scaled.rounded()), Int64(1) << exponent)
    }

    /// 0.
    public static let zero = Fraction(0, 1)
    /// 1.
    public static let one = Fraction(1, 1)

    /// The nearest Double (exact when both parts are below 2^53).
    public var value: Double { Double(numerator) / Double(denominator) }

    /// `p/q`.
    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

    /// a + b, or `nil` when a part would overflow 64 bits.
    public static func adding(_ a: Fraction, _ b: Fraction) -> Fraction? {
        let divisor = gcd(a.denominator, b.denominator)
        let (scaleA, scaleB) = (b.denominator / divisor, a.denominator / divisor)
        let (left, o1) = a.numerator.multipliedReportingOverflow(by: scaleA)
        let (right, o2) = b.numerator.multipliedReportingOverflow(by: scaleB)
        let (sum, o3) = left.addingReportingOverflow(right)
        let (denominator, o4) = a.denominator.multipliedReportingOverflow(by: scaleA)
        guard !(o1 || o2 || o3 || o4) else { return nil }
        return Fraction(sum, denominator)
    }

    /// a − b for a ≥ b, or `nil` when a part would overflow or a < b.
    public static func subtracting(_ b: Fraction, from a: Fraction) -> Fraction? {
        let divisor = gcd(a.denominator, b.denominator)
        let (scaleA, scaleB) = (b.denominator / divisor, a.denominator / divisor)
        let (left, o1) = a.numerator.multipliedReportingOverflow(by: scaleA)
        let (right, o2) = b.numerator.multipliedReportingOverflow(by: scaleB)
        let (denominator, o3) = a.denominator.multipliedReportingOverflow(by: scaleA)
        guard !(o1 || o2 || o3), left >= right else { return nil }
        return Fraction(left - right, denominator)
    }

    public static func < (lhs: Fraction, rhs: Fraction) -> Bool {
        // Cross-multiplied in 128 bits: exact for any 64-bit parts.
        Int128(lhs.numerator) * Int128(rhs.denominator) < Int128(rhs.numerator) * Int128(lhs.denominator)
    }

    /// Greatest common divisor (1 for gcd(0, 0), so that dividing by it is always safe).
    static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        var (x, y) = (a.magnitude, b.magnitude)
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : Int64(x)
    }

    /// Least common multiple, or `nil` on overflow.
    static func lcm(_ a: Int64, _ b: Int64) -> Int64? {
        let (product, overflow) = (a / gcd(a, b)).multipliedReportingOverflow(by: b)
        return overflow ? nil : product
    }
}

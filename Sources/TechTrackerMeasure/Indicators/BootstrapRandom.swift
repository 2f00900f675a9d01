import TechTrackerCore

/// xoshiro256** (Blackman and Vigna 2018), the bootstrap's generator; seeded through SplitMix64.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// Makes a generator from one 64-bit seed.
    public init(seed: UInt64) {
        var seeder = SplitMix64(seed: seed)
        s0 = seeder.next(); s1 = seeder.next(); s2 = seeder.next(); s3 = seeder.next()
    }

    /// The next value. Inlinable so that a loop in another module (the bootstrap benchmark)
    /// draws without a call per value, as `StabilityBootstrap` does within this one.
    @inlinable
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }
}

/// Poisson(1) draws by inversion of a precomputed cumulative table on 32 random bits.
///
/// `upper[k]` = round(P(X ≤ k) × 2³²); a draw u in [0, 2³²) gives the smallest k with
/// u < upper[k]. The table ends with 2³², so the search always stops; values of k whose
/// probability is below 2⁻³² (k ≥ 13) are never drawn, a truncation far below bootstrap noise.
/// A 4,096-entry shortcut indexed by the top 12 bits of u answers directly whenever its whole
/// bucket lies in one step of the table (all but 7 of the 4,096 buckets); the others fall
/// back to the search, so the result is exactly the inversion's.
public enum PoissonOne {
    /// Bits of one uniform draw u: the table is scaled to 2³², and a 64-bit output of the
    /// generator gives two draws.
    static let drawBits = 32
    /// 2³², the table's scale and the number of values of u.
    static let drawRange: UInt64 = 1 << UInt64(drawBits)
    /// A cap on the table's length that only guarantees the loop ends: the cumulative
    /// probability reaches 2³² (to rounding) at k = 13 already.
    static let maximumTableLength = 30

    /// The cumulative table, scaled to 2³².
    public static let upper: [UInt64] = {
        var table: [UInt64] = []
        var probability = 1.0 / 2.718281828459045  // P(X = 0) = e⁻¹
        var cumulative = 0.0
        var k = 0
        while true {
            cumulative += probability
            let scaled = (cumulative * Double(drawRange)).rounded()
            if scaled >= Double(drawRange) || k >= maximumTableLength { break }
            table.append(UInt64(scaled))
            k += 1
            probability /= Double(k)
        }
        table.append(drawRange)
        return table
    }()

    /// Bits of u used by the shortcut.
    static let shortcutBits = 12
    /// The shift that leaves the top `shortcutBits` bits of u: its bucket in the shortcut.
    @usableFromInline static let shortcutShift = drawBits - shortcutBits
    /// Marks a shortcut bucket that straddles a step of the table.
    @usableFromInline static let ambiguous: UInt8 = 255

    /// The shortcut: per bucket of the top `shortcutBits` bits, the multiplicity, or `ambiguous`.
    public static let shortcut: [UInt8] = {
        let shift = UInt64(shortcutShift)
        return (0..<(UInt64(1) << UInt64(shortcutBits))).map { bucket in
            let low = search(bucket << shift), high = search(((bucket + 1) << shift) - 1)
            return low == high ? UInt8(low) : ambiguous
        }
    }()

    /// Inversion by linear search of `upper`, for u in [0, 2³²).
    static func search(_ u: UInt64) -> Int {
        var m = 0
        while u >= upper[m] { m += 1 }
        return m
    }

    /// Draws one multiplicity from the top 32 bits of `bits`.
    static func draw(_ bits: UInt64, table: UnsafeBufferPointer<UInt64>) -> Int {
        draw32(bits >> UInt64(UInt64.bitWidth - drawBits), table: table)
    }

    /// Draws one multiplicity from u in [0, 2³²) by search (inlinable: the shortcut's fallback).
    @inlinable
    public static func draw32(_ u: UInt64, table: UnsafeBufferPointer<UInt64>) -> Int {
        var m = 0
        while u >= table[m] { m += 1 }
        return m
    }

    /// Draws one multiplicity from u in [0, 2³²) through the shortcut. Inlinable so that a loop
    /// in another module (the bootstrap benchmark) inlines it, as `StabilityBootstrap` does.
    @inlinable
    public static func draw32(
        _ u: UInt64, shortcut: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<UInt64>
    ) -> Int {
        let m = shortcut[Int(truncatingIfNeeded: u >> UInt64(shortcutShift))]
        return m != ambiguous ? Int(m) : draw32(u, table: table)
    }
}

/// Seeds per (technology, window, counting), derived from a global seed and the ids with a
/// fixed hash (FNV-1a 64, then SplitMix64 mixing), so results do not depend on the order in
/// which (t, W) pairs are computed, or on the process (Swift's `Hasher` is seeded per process).
enum BootstrapSeed {
    /// The seed of one (t, W, counting).
    static func derive(global: UInt64, technology: String, window: PublicationWindow, counting: Counting) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in "\(technology)\u{0}\(window.start)-\(window.end)\u{0}\(counting.rawValue)".utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return SplitMix64.mix(global ^ SplitMix64.mix(hash))
    }
}

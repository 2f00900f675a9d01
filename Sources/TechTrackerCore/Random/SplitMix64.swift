/// SplitMix64 (Steele, Lea and Flood 2014): the one fully specified generator of
/// the project (synthetic corpus, bootstrap seeds, seeded samples): outputs must be identical for a
/// seed on every machine and Swift version, so nothing depends on the standard library's
/// algorithms.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The state.
    public var state: UInt64

    /// Makes a generator.
    public init(seed: UInt64) { state = seed }

    /// The next value. Inlinable: the synthetic corpus (TechTrackerSynth) draws every random
    /// choice through it, millions per corpus.
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// The SplitMix64 finaliser: a bijective scrambling of 64 bits (inlinable, as `next`).
    @inlinable
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The constants of the hashing of folded word bytes, shared by the matcher's word table and
/// the vocabulary's index: FNV-1a 64 over the bytes, then Fibonacci hashing to a slot.
enum ByteHashing {
    /// FNV-1a 64's offset basis: the hash of no bytes.
    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    /// FNV-1a 64's prime.
    static let fnvPrime: UInt64 = 0x100_0000_01b3
    /// ⌊2⁶⁴ / φ⌋, odd: multiplying by it moves every bit of a hash into the high half, from
    /// which a slot is taken (FNV's low bits alone cluster).
    static let fibonacciMultiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
}

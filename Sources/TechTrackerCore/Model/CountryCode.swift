/// An ISO 3166-1 alpha-2 country code, packed into two bytes.
///
/// Packing keeps per-work credit lists small and comparisons cheap: the analysis handles
/// tens of millions of (work, country) pairs. Only two ASCII letters are accepted; they are
/// upper-cased, so `"us"` and `"US"` are the same code.
public struct CountryCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// First letter in the high byte, second in the low byte (both upper-case ASCII).
    public let rawValue: UInt16

    /// Makes a code from two ASCII letter bytes; `nil` unless both are letters. Inlinable: the
    /// OpenAlex reader (TechTrackerIngest) makes one for every authorship country it reads.
    @inlinable
    public init?(asciiFirst first: UInt8, second: UInt8) {
        guard let a = Self.upperLetter(first), let b = Self.upperLetter(second) else { return nil }
        rawValue = UInt16(a) << 8 | UInt16(b)
    }

    /// Makes a code from a two-letter string; `nil` for anything else.
    public init?(_ text: some StringProtocol) {
        let utf8 = Array(text.utf8)
        guard utf8.count == 2 else { return nil }
        self.init(asciiFirst: utf8[0], second: utf8[1])
    }

    /// Makes a code from its packed value; `nil` when the value is not two upper-case letters.
    public init?(rawValue: UInt16) {
        self.init(asciiFirst: UInt8(rawValue >> 8), second: UInt8(rawValue & 0xFF))
    }

    /// The two letters, e.g. `"CN"`.
    public var description: String {
        String(decoding: [UInt8(rawValue >> 8), UInt8(rawValue & 0xFF)], as: UTF8.self)
    }

    public static func < (lhs: CountryCode, rhs: CountryCode) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The upper-case form of an ASCII letter; `nil` for any other byte. Inlinable, as the
    /// initialiser that uses it.
    @inlinable
    static func upperLetter(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return byte - (UInt8(ascii: "a") - UInt8(ascii: "A"))
        default: return nil
        }
    }
}

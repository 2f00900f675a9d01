import Testing
@testable import TechTrackerIngest

/// UTF-8 validation inside strings, whether read or skipped.
@Suite struct JSONUTF8Tests {
    static let valid: [[UInt8]] = [
        [0xC2, 0x80],  // U+0080, smallest 2-byte
        [0xC3, 0xA9],  // é
        [0xDF, 0xBF],  // U+07FF
        [0xE0, 0xA0, 0x80],  // U+0800, smallest 3-byte
        [0xE2, 0x82, 0xAC],  // €
        [0xED, 0x9F, 0xBF],  // U+D7FF, just below the surrogates
        [0xEE, 0x80, 0x80],  // U+E000, just above them
        [0xEF, 0xBF, 0xBF],  // U+FFFF
        [0xF0, 0x90, 0x80, 0x80],  // U+10000, smallest 4-byte
        [0xF0, 0x9F, 0x98, 0x80],  // 😀
        [0xF4, 0x8F, 0xBF, 0xBF],  // U+10FFFF, the largest scalar
    ]

    /// Each sequence is invalid; the error must point at its first byte.
    static let invalid: [(name: String, bytes: [UInt8])] = [
        ("stray continuation", [0x80]),
        ("stray continuation BF", [0xBF]),
        ("overlong 2-byte C0", [0xC0, 0xAF]),
        ("overlong 2-byte C1", [0xC1, 0xBF]),
        ("overlong 3-byte", [0xE0, 0x80, 0xAF]),
        ("overlong 3-byte 9F", [0xE0, 0x9F, 0xBF]),
        ("overlong 4-byte", [0xF0, 0x80, 0x80, 0xAF]),
        ("overlong 4-byte 8F", [0xF0, 0x8F, 0xBF, 0xBF]),
        ("UTF-16 surrogate", [0xED, 0xA0, 0x80]),
        ("UTF-16 low surrogate", [0xED, 0xBF, 0xBF]),
        ("above U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
        ("F5 lead", [0xF5, 0x80, 0x80, 0x80]),
        ("FE", [0xFE]),
        ("FF", [0xFF]),
        ("bad second byte", [0xC3, 0x28]),
        ("bad third byte", [0xE2, 0x82, 0x28]),
        ("bad fourth byte", [0xF0, 0x9F, 0x98, 0x28]),
        ("truncated 2-byte", [0xC3]),
        ("truncated 3-byte", [0xE2, 0x82]),
        ("truncated 4-byte", [0xF0, 0x9F, 0x98]),
    ]

    @Test func validSequencesDecode() {
        for sequence in Self.valid {
            let expected = String(decoding: sequence, as: UTF8.self)
            #expect(decodedString([0x22] + sequence + [0x22]).success == expected)
            let padded = [0x22] + Array("0123456789".utf8) + sequence + Array("0123456789".utf8) + [0x22]
            #expect(decodedString(padded).success == "0123456789" + expected + "0123456789")
        }
    }

    @Test(arguments: invalid)
    func invalidSequenceIsRejected(name: String, bytes: [UInt8]) {
        // Followed by more text inside the string, short and long.
        let short = [0x22, 0x61] + bytes + [0x62, 0x22]
        #expect(decodedString(short).failure == JSONError(offset: 2, problem: .invalidUTF8), "\(name)")
        let pad = Array("0123456789abcdef".utf8)
        let long = [0x22] + pad + bytes + pad + [0x22]
        #expect(decodedString(long).failure == JSONError(offset: 17, problem: .invalidUTF8), "\(name)")
        // Right before the closing quote.
        #expect(decodedString([0x22] + bytes + [0x22]).failure == JSONError(offset: 1, problem: .invalidUTF8))
        // In a value that is skipped, and in a key.
        let skipped = Array(#"{"a":[1,{"b":""#.utf8) + bytes + Array(#""}]}"#.utf8)
        #expect(validationError(skipped) == JSONError(offset: 14, problem: .invalidUTF8), "\(name)")
        let key = Array(#"{""#.utf8) + bytes + Array(#"":1}"#.utf8)
        #expect(validationError(key) == JSONError(offset: 2, problem: .invalidUTF8), "\(name)")
    }

    @Test func truncatedAtEndOfInputIsAnUnterminatedString() {
        #expect(decodedString([0x22, 0xE2, 0x82]).failure == JSONError(offset: 0, problem: .unterminatedString))
        // ...unless the bytes that are there are already wrong.
        #expect(decodedString([0x22, 0xE2, 0x41]).failure == JSONError(offset: 1, problem: .invalidUTF8))
    }

    @Test func nonASCIIOutsideStringsIsNotJSON() {
        #expect(validationError([0xC3, 0xA9]) == JSONError(offset: 0, problem: .expectedValue))
        #expect(validationError(Array("[1]".utf8) + [0xFF]) == JSONError(offset: 3, problem: .trailingCharacters))
        #expect(
            validationError(Array("[1,".utf8) + [0xFF] + Array("]".utf8))
                == JSONError(offset: 3, problem: .expectedValue))
    }
}

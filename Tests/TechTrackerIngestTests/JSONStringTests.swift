import Testing
@testable import TechTrackerIngest

/// Strings: escapes, surrogates, control characters. Each case is checked both in a short
/// string (handled by the per-byte tail loop) and inside a long one (8-bytes-at-a-time path).
@Suite struct JSONStringTests {
    /// A prefix long enough that the interesting byte is reached by the 8-byte fast path.
    static let longPrefix = "abcdefghijklmnopqrstuvwxyz0123456789"

    static let escapes: [(json: String, decoded: String)] = [
        (#"\""#, "\""),
        (#"\\"#, "\\"),
        (#"\/"#, "/"),
        (#"\b"#, "\u{08}"),
        (#"\f"#, "\u{0C}"),
        (#"\n"#, "\n"),
        (#"\r"#, "\r"),
        (#"\t"#, "\t"),
        (#"\u0041"#, "A"),
        (#"\u00e9"#, "é"),
        (#"\u00E9"#, "é"),
        (#"\u20AC"#, "€"),
        (#"\u0000"#, "\u{0}"),
        (#"\uFFFF"#, "\u{FFFF}"),
        (#"\uD83D\uDE00"#, "😀"),
        (#"\ud83d\ude00"#, "😀"),
        (#"\uDBFF\uDFFF"#, "\u{10FFFF}"),
        (#"\uD800\uDC00"#, "\u{10000}"),
    ]

    @Test(arguments: escapes)
    func eachEscapeDecodes(json: String, decoded: String) {
        #expect(decodedString("\"" + json + "\"").success == decoded)
        #expect(decodedString("\"x" + json + "y\"").success == "x" + decoded + "y")
        let long = Self.longPrefix
        #expect(decodedString("\"\(long)\(json)\(long)\"").success == long + decoded + long)
        // Twice in a row, to catch an escape decoder that loses its place.
        #expect(decodedString("\"\(json)\(json)\"").success == decoded + decoded)
    }

    @Test func escapedQuoteDoesNotEndTheString() {
        #expect(decodedString(#""\"""#).success == "\"")
        #expect(decodedString(#""a\\""#).success == "a\\")
        // `\\` then `"`: the quote ends the string, so the `x` is trailing.
        #expect(validationError(#""a\\"x""#)?.problem == .trailingCharacters)
    }

    @Test func plainStringsNeedNoDecoding() {
        let text = "\"" + Self.longPrefix + " é € 😀\""
        #expect(decodedString(text).success == Self.longPrefix + " é € 😀")
        #expect(decodedString("\"\"").success == "")
    }

    @Test(arguments: ["q", "x", "a", "U", "0", "'", " ", "v", "N"])
    func invalidEscapeIsNamed(letter: String) {
        let error = decodedString("\"ab\\" + letter + "\"").failure
        #expect(error?.offset == 3)
        #expect(error?.reason == "invalid escape \\" + letter || letter == " ")
        let long = decodedString("\"\(Self.longPrefix)\\\(letter)\"").failure
        #expect(long?.offset == 1 + Self.longPrefix.utf8.count)
    }

    @Test func invalidEscapeNamesTheByte() {
        #expect(decodedString("\"\\x\"").failure?.reason == "invalid escape \\x")
        #expect(decodedString("\"\\ \"").failure?.reason == "invalid escape \\ followed by byte 0x20")
    }

    @Test func badUnicodeEscapes() {
        #expect(decodedString(#""\u12G4""#).failure == JSONError(offset: 1, problem: .invalidUnicodeEscape))
        #expect(decodedString(#""\u12""#).failure == JSONError(offset: 1, problem: .invalidUnicodeEscape))
        #expect(decodedString(#""\u""#).failure == JSONError(offset: 1, problem: .invalidUnicodeEscape))
        // Cut off by the end of the input: the string never ends.
        #expect(decodedString(#""\u12"#).failure == JSONError(offset: 0, problem: .unterminatedString))
        #expect(decodedString(#""ab\"#).failure == JSONError(offset: 0, problem: .unterminatedString))
    }

    @Test func loneSurrogatesAreErrors() {
        let cases: [(String, Int)] = [
            (#""\uD83D""#, 1),  // high surrogate then end of string
            (#""ab\uD83Dxyz""#, 3),  // high surrogate then text
            (#""\uD83D\u0041""#, 1),  // high surrogate then a non-surrogate escape
            (#""\uD83D\uD83D""#, 1),  // two high surrogates
            (#""\uD83D\n""#, 1),  // high surrogate then another escape
            (#""\uDE00""#, 1),  // low surrogate alone
            (#""x\uDFFF\uD800""#, 2),  // pair in the wrong order
        ]
        for (text, offset) in cases {
            #expect(decodedString(text).failure == JSONError(offset: offset, problem: .loneSurrogate), "\(text)")
            // Skipping validates surrogates as well.
            #expect(validationError("[" + text + "]") == JSONError(offset: offset + 1, problem: .loneSurrogate))
        }
        #expect(decodedString(#""\uD83D\uDE0""#).failure?.problem == .invalidUnicodeEscape)
    }

    @Test func rawControlCharactersAreErrors() {
        for byte in UInt8(0)..<0x20 {
            let short: [UInt8] = [0x22, 0x61, byte, 0x62, 0x22]
            #expect(decodedString(short).failure == JSONError(offset: 2, problem: .controlCharacter), "byte \(byte)")
            let long = [0x22] + Array(Self.longPrefix.utf8) + [byte] + Array(Self.longPrefix.utf8) + [0x22]
            #expect(
                decodedString(long).failure
                    == JSONError(offset: 1 + Self.longPrefix.utf8.count, problem: .controlCharacter))
            #expect(validationError([0x5B] + long + [0x5D])?.problem == .controlCharacter)
        }
        // DEL (0x7F) is not a control character for JSON.
        #expect(decodedString([0x22, 0x7F, 0x22]).success == "\u{7F}")
    }

    @Test func unterminatedStrings() {
        #expect(decodedString("\"abc").failure == JSONError(offset: 0, problem: .unterminatedString))
        #expect(decodedString("\"" + Self.longPrefix).failure == JSONError(offset: 0, problem: .unterminatedString))
        #expect(validationError(#"{"a":"b}"#) == JSONError(offset: 5, problem: .unterminatedString))
        #expect(decodedString("\"").failure == JSONError(offset: 0, problem: .unterminatedString))
    }

    @Test func stringsWithEveryFastPathPosition() {
        // Put a quote, a backslash and a non-ASCII byte at every offset within an 8-byte word.
        for padding in 0..<17 {
            let pad = String(repeating: "p", count: padding)
            #expect(decodedString("\"\(pad)\"").success == pad)
            #expect(decodedString("\"\(pad)\\n\(pad)\"").success == pad + "\n" + pad)
            #expect(decodedString("\"\(pad)é\(pad)\"").success == pad + "é" + pad)
            #expect(decodedString("\"\(pad)\"x").failure?.offset == padding + 2)
        }
    }
}

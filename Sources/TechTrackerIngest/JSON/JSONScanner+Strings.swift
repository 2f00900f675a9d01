extension JSONScanner {
    /// Scans the string starting at the current position (which must hold `"`), validating
    /// it completely, and returns the span of its contents. Leaves the position after the
    /// closing quote.
    ///
    /// Plain ASCII is checked 8 bytes per step: one 64-bit load and a few bit operations tell
    /// whether any of the 8 bytes is a quote, a backslash, a control byte or non-ASCII.
    /// Only those bytes take the careful per-byte path.
    @inline(__always)
    mutating func scanString() throws(JSONError) -> JSONStringSpan {
        let quote = position
        var index = quote + 1
        var hasEscapes = false
        while true {
            while index + 8 <= end {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let special = Self.specialByteMask(word)
                if special == 0 {
                    index += 8
                    continue
                }
                // The lowest flagged byte is exact (see `specialByteMask`), and on a
                // little-endian load the lowest byte is the first in memory.
                index += special.trailingZeroBitCount >> 3
                break
            }
            guard index < end else { throw error(.unterminatedString, at: quote) }
            let byte = input[index]
            if byte == UInt8(ascii: "\"") {
                position = index + 1
                return JSONStringSpan(start: quote + 1, end: index, hasEscapes: hasEscapes)
            }
            if byte == UInt8(ascii: "\\") {
                hasEscapes = true
                index = try validateEscape(at: index, stringStart: quote)
            } else if byte < 0x20 {
                throw error(.controlCharacter, at: index)
            } else if byte < 0x80 {
                // Reached only in the last few bytes of the input, where 8-byte loads stop.
                index += 1
            } else {
                index = try validateMultibyteSequence(at: index, stringStart: quote)
            }
        }
    }

    /// Skips the string at the current position, validating it. Same checks as `scanString`.
    @inline(__always)
    mutating func skipString() throws(JSONError) {
        _ = try scanString()
    }

    /// Flags, in the high bit of each byte, every byte of `word` that is `"`, `\`, below 0x20
    /// or at least 0x80.
    ///
    /// Uses the classic "has zero byte" trick: `(x - 0x01…) & ~x & 0x80…` sets the high bit of
    /// each zero byte. Borrows can flag bytes *above* a genuine hit as well, but never below
    /// one, so the lowest flagged byte is always a genuine special byte.
    @inline(__always)
    static func specialByteMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let quoteHits = (quotes &- ones) & ~quotes
        let backslashHits = (backslashes &- ones) & ~backslashes
        let controlHits = (word &- ones &* 0x20) & ~word
        return (quoteHits | backslashHits | controlHits | word) & highBits
    }

    /// Validates the escape whose backslash is at `offset`; returns the offset after it.
    private func validateEscape(at offset: Int, stringStart: Int) throws(JSONError) -> Int {
        guard offset + 1 < end else { throw error(.unterminatedString, at: stringStart) }
        switch input[offset + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"),
            UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return offset + 2
        case UInt8(ascii: "u"):
            let unit = try unicodeEscapeValue(at: offset, stringStart: stringStart)
            if unit >= 0xDC00 && unit < 0xE000 {
                throw error(.loneSurrogate, at: offset)
            }
            guard unit >= 0xD800 && unit < 0xDC00 else { return offset + 6 }
            // A high surrogate must be followed at once by an escaped low surrogate.
            let next = offset + 6
            guard next + 1 < end, input[next] == UInt8(ascii: "\\"), input[next + 1] == UInt8(ascii: "u") else {
                throw error(.loneSurrogate, at: offset)
            }
            let low = try unicodeEscapeValue(at: next, stringStart: stringStart)
            guard low >= 0xDC00 && low < 0xE000 else { throw error(.loneSurrogate, at: offset) }
            return next + 6
        default:
            throw error(.invalidEscape(input[offset + 1]), at: offset)
        }
    }

    /// The code unit of the `\uXXXX` escape whose backslash is at `offset`.
    private func unicodeEscapeValue(at offset: Int, stringStart: Int) throws(JSONError) -> UInt16 {
        var value: UInt16 = 0
        for index in (offset + 2)..<(offset + 6) {
            guard index < end else { throw error(.unterminatedString, at: stringStart) }
            guard let digit = hexDigitValue(input[index]) else { throw error(.invalidUnicodeEscape, at: offset) }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    /// Validates the multi-byte UTF-8 sequence whose lead byte is at `offset`; returns the
    /// offset after it. Rejects stray continuation bytes, overlong forms, UTF-16 surrogates,
    /// values above U+10FFFF and sequences cut short (Unicode Table 3-7).
    private func validateMultibyteSequence(at offset: Int, stringStart: Int) throws(JSONError) -> Int {
        let lead = input[offset]
        let length: Int
        // The allowed range of the second byte depends on the lead byte; later ones are 80...BF.
        var secondLow: UInt8 = 0x80
        var secondHigh: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondLow = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondHigh = 0x9F
        case 0xF0: length = 4; secondLow = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondHigh = 0x8F
        default: throw error(.invalidUTF8, at: offset)
        }
        guard offset + length <= end else {
            // Cut off by the end of the input: say which, bad bytes or a missing quote.
            for index in (offset + 1)..<end where !isContinuation(input[index]) {
                throw error(.invalidUTF8, at: offset)
            }
            throw error(.unterminatedString, at: stringStart)
        }
        let second = input[offset + 1]
        guard second >= secondLow && second <= secondHigh else { throw error(.invalidUTF8, at: offset) }
        if length >= 3 && !isContinuation(input[offset + 2]) { throw error(.invalidUTF8, at: offset) }
        if length == 4 && !isContinuation(input[offset + 3]) { throw error(.invalidUTF8, at: offset) }
        return offset + length
    }

    @inline(__always)
    private func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
}

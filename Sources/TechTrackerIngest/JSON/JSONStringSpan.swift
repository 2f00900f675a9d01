/// Where a validated JSON string's contents lie in the input, between its quotes.
///
/// Holding a span instead of a `String` is what lets keys be dispatched and unwanted
/// strings be skipped without allocating.
struct JSONStringSpan: Equatable, Sendable {
    /// Offset of the first content byte (just after the opening quote).
    var start: Int
    /// Offset of the closing quote.
    var end: Int
    /// Whether the contents hold at least one backslash escape, so must be decoded before use.
    var hasEscapes: Bool

    /// Number of raw (undecoded) content bytes.
    @inline(__always)
    var rawCount: Int { end - start }
}

extension JSONScanner {
    /// Whether the string in `span` equals `literal` (an ASCII key name).
    ///
    /// Raw spans are compared byte by byte, which is all keys ever need in practice; a key
    /// written with escapes (`"\u0069d"`) is decoded first so that it still matches.
    @inline(__always)
    func span(_ span: JSONStringSpan, equals literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        if span.hasEscapes { return decodedSpan(span, equals: literal) }
        guard span.rawCount == count else { return false }
        let expected = literal.utf8Start
        var index = 0
        while index < count {
            if input[span.start + index] != expected[index] { return false }
            index += 1
        }
        return true
    }

    /// The slow path of `span(_:equals:)` for keys containing escapes.
    private func decodedSpan(_ span: JSONStringSpan, equals literal: StaticString) -> Bool {
        var decoded: [UInt8] = []
        appendDecodedContents(of: span, to: &decoded)
        return decoded.elementsEqual(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// The raw bytes of a span (escapes not decoded).
    @inline(__always)
    func rawBytes(of span: JSONStringSpan) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: input[span.start..<span.end])
    }

    /// Makes a `String` from the string in `span`, decoding escapes into `scratch` when there
    /// are any (so escape-free strings, the vast majority, are copied straight from the input).
    @inline(__always)
    func string(from span: JSONStringSpan, scratch: inout [UInt8]) -> String {
        if !span.hasEscapes {
            return String(decoding: rawBytes(of: span), as: UTF8.self)
        }
        scratch.removeAll(keepingCapacity: true)
        appendDecodedContents(of: span, to: &scratch)
        return String(decoding: scratch, as: UTF8.self)
    }

    /// Appends the decoded UTF-8 contents of a span to `output`.
    ///
    /// The span must come from `scanString`, which has already validated every escape and
    /// surrogate pair; this pass only translates them.
    func appendDecodedContents(of span: JSONStringSpan, to output: inout [UInt8]) {
        guard span.hasEscapes else {
            output.append(contentsOf: rawBytes(of: span))
            return
        }
        var index = span.start
        while index < span.end {
            // Copy the run up to the next backslash in one go.
            var runEnd = index
            while runEnd < span.end && input[runEnd] != UInt8(ascii: "\\") { runEnd += 1 }
            if runEnd > index { output.append(contentsOf: UnsafeBufferPointer(rebasing: input[index..<runEnd])) }
            index = runEnd
            guard index + 1 < span.end else { break }
            let letter = input[index + 1]
            index += 2
            switch letter {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = UInt32(hexValue(at: index))
                index += 4
                if scalar >= 0xD800 && scalar < 0xDC00 && index + 6 <= span.end {
                    // Validation guarantees a low surrogate escape follows a high one.
                    let low = UInt32(hexValue(at: index + 2))
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                }
                appendUTF8(scalar, to: &output)
            default:
                // `"`, `\` and `/` stand for themselves.
                output.append(letter)
            }
        }
    }

    /// The value of the four hex digits at `offset` (already validated by `scanString`).
    @inline(__always)
    func hexValue(at offset: Int) -> UInt16 {
        var value: UInt16 = 0
        var index = offset
        while index < offset + 4 && index < end {
            value = value << 4 | UInt16(hexDigitValue(input[index]) ?? 0)
            index += 1
        }
        return value
    }

    /// Encodes one Unicode scalar value as UTF-8.
    @inline(__always)
    private func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18 & 0x07))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}

/// The value of one hexadecimal digit byte, or `nil`.
@inline(__always)
func hexDigitValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte &- UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte &- UInt8(ascii: "a") &+ 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte &- UInt8(ascii: "A") &+ 10
    default: return nil
    }
}

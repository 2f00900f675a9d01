/// A pull-style reader over the UTF-8 bytes of one JSON text.
///
/// The caller drives it: it asks what kind of value comes next, reads the values it needs
/// (`scanString`, `scanNumber`, `scanBool`), walks containers with `beginObject`/`nextKey`
/// and `beginArray`/`nextElement`, and skips everything else with `skipValue`. Nothing is
/// allocated while scanning; strings are returned as spans of the input and decoded only
/// when the caller wants them.
///
/// Everything scanned is validated, including skipped values: the grammar, escapes,
/// surrogate pairs, raw control characters and UTF-8. Errors are thrown as `JSONError`
/// with the byte offset of the problem.
///
/// The scanner does not own the bytes: the buffer must outlive it. It is a value type so
/// that one per thread costs no synchronisation.
struct JSONScanner {
    /// The input, as bytes.
    let input: UnsafeBufferPointer<UInt8>
    /// The input, for unaligned 8-byte loads.
    let raw: UnsafeRawBufferPointer
    /// The number of input bytes.
    let end: Int
    /// The next byte to read.
    var position: Int

    /// Scans `bytes` from its first byte.
    init(_ bytes: UnsafeRawBufferPointer) {
        raw = bytes
        input = bytes.assumingMemoryBound(to: UInt8.self)
        end = bytes.count
        position = 0
    }

    /// Whether every byte has been consumed.
    var isAtEnd: Bool { position >= end }

    /// Makes an error at `offset`.
    @inline(__always)
    func error(_ problem: JSONProblem, at offset: Int) -> JSONError {
        JSONError(offset: offset, problem: problem)
    }

    // MARK: Whitespace and peeking

    /// Moves past spaces, tabs, line feeds and carriage returns.
    @inline(__always)
    mutating func skipWhitespace() {
        while position < end {
            let byte = input[position]
            // Every JSON whitespace byte is <= 0x20; one compare settles the common case.
            guard byte <= 0x20, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            position += 1
        }
    }

    /// Skips whitespace and returns the byte that starts the next value, without consuming it.
    @inline(__always)
    mutating func peekValueStart() throws(JSONError) -> UInt8 {
        skipWhitespace()
        guard position < end else { throw error(.unexpectedEnd, at: position) }
        return input[position]
    }

    /// Skips a UTF-8 byte order mark at the very start, which some exporters write.
    mutating func skipByteOrderMark() {
        if position == 0, end >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF {
            position = 3
        }
    }

    /// Checks that only whitespace remains after the top-level value.
    mutating func expectEndOfInput() throws(JSONError) {
        skipWhitespace()
        if position < end { throw error(.trailingCharacters, at: position) }
    }

    // MARK: Objects

    /// Consumes the `{` at the current position (after whitespace) and returns the first key,
    /// with its `:` consumed; `nil` for an empty object.
    @inline(__always)
    mutating func beginObject() throws(JSONError) -> JSONStringSpan? {
        guard try peekValueStart() == UInt8(ascii: "{") else { throw error(.expectedValue, at: position) }
        position += 1
        skipWhitespace()
        guard position < end else { throw error(.unexpectedEnd, at: position) }
        if input[position] == UInt8(ascii: "}") {
            position += 1
            return nil
        }
        return try scanKeyAndColon()
    }

    /// After a member's value: consumes `,` and returns the next key (its `:` consumed), or
    /// consumes `}` and returns `nil`.
    @inline(__always)
    mutating func nextKey() throws(JSONError) -> JSONStringSpan? {
        skipWhitespace()
        guard position < end else { throw error(.unexpectedEnd, at: position) }
        switch input[position] {
        case UInt8(ascii: ","):
            position += 1
            skipWhitespace()
            return try scanKeyAndColon()
        case UInt8(ascii: "}"):
            position += 1
            return nil
        default:
            throw error(.expectedCommaOrObjectEnd, at: position)
        }
    }

    /// Reads `"key"` and the `:` after it.
    @inline(__always)
    mutating func scanKeyAndColon() throws(JSONError) -> JSONStringSpan {
        guard position < end else { throw error(.unexpectedEnd, at: position) }
        guard input[position] == UInt8(ascii: "\"") else { throw error(.expectedKey, at: position) }
        let key = try scanString()
        skipWhitespace()
        guard position < end else { throw error(.unexpectedEnd, at: position) }
        guard input[position] == UInt8(ascii: ":") else { throw error(.expectedColon, at: position) }
        position += 1
        return key
    }

    // MARK: Arrays

    /// Consumes the `[` at the current position (after whitespace); returns whether the array
    /// has a first element (`false` when it is empty and its `]` has been consumed).
    @inline(__always)
    mutating func beginArray() throws(JSONError) -> Bool {
        guard try peekValueStart() == UInt8(ascii: "[") else { throw error(.expectedValue, at: position) }
        position += 1
        skipWhitespace()
        guard position < end else { throw error(.unexpectedEnd, at: position) }
        if input[position] == UInt8(ascii: "]") {
            position += 1
            return false
        }
        return true
    }

    /// After an element: consumes `,` and returns `true`, or consumes `]` and returns `false`.
    @inline(__always)
    mutating func nextElement() throws(JSONError) -> Bool {
        skipWhitespace()
        guard position < end else { throw error(.unexpectedEnd, at: position) }
        switch input[position] {
        case UInt8(ascii: ","):
            position += 1
            return true
        case UInt8(ascii: "]"):
            position += 1
            return false
        default:
            throw error(.expectedCommaOrArrayEnd, at: position)
        }
    }

    // MARK: Literals

    /// Reads `true` or `false` at the current position (after whitespace).
    mutating func scanBool() throws(JSONError) -> Bool {
        let byte = try peekValueStart()
        if byte == UInt8(ascii: "t") {
            try scanLiteral("true")
            return true
        }
        if byte == UInt8(ascii: "f") {
            try scanLiteral("false")
            return false
        }
        throw error(.expectedValue, at: position)
    }

    /// Consumes `null` if it comes next (after whitespace); returns whether it did.
    /// Any other value is left in place.
    @inline(__always)
    mutating func scanNullIfPresent() throws(JSONError) -> Bool {
        guard try peekValueStart() == UInt8(ascii: "n") else { return false }
        try scanLiteral("null")
        return true
    }

    /// Consumes exactly `literal` at the current position.
    ///
    /// A text cut off inside the literal is "unexpected end of input"; any other mismatch is
    /// "invalid literal" at the literal's first byte.
    mutating func scanLiteral(_ literal: StaticString) throws(JSONError) {
        let start = position
        let count = literal.utf8CodeUnitCount
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        for index in 0..<count {
            guard start + index < end else { throw error(.unexpectedEnd, at: end) }
            guard input[start + index] == expected[index] else { throw error(.invalidLiteral, at: start) }
        }
        position = start + count
    }
}

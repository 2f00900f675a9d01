/// Why a JSON text is not well-formed (or not valid UTF-8).
///
/// An enum rather than a message so that throwing costs nothing: the text is only built
/// when someone reads `description`.
enum JSONProblem: Equatable, Sendable, CustomStringConvertible {
    /// The text ended where more was needed.
    case unexpectedEnd
    /// A value was needed but the byte cannot start one.
    case expectedValue
    /// An object key was not followed by `:`.
    case expectedColon
    /// An object member did not start with a string key.
    case expectedKey
    /// An object member was followed by something other than `,` or `}`.
    case expectedCommaOrObjectEnd
    /// An array element was followed by something other than `,` or `]`.
    case expectedCommaOrArrayEnd
    /// A string has no closing quote before the end of the text.
    case unterminatedString
    /// A backslash followed by a byte that is not a JSON escape letter (the byte is kept).
    case invalidEscape(UInt8)
    /// `\u` not followed by four hexadecimal digits.
    case invalidUnicodeEscape
    /// A `\u` high surrogate without a following low surrogate, or a low surrogate alone.
    case loneSurrogate
    /// A raw byte below 0x20 inside a string (JSON requires those to be escaped).
    case controlCharacter
    /// Bytes that are not well-formed UTF-8 (overlong, surrogate, truncated, bad continuation).
    case invalidUTF8
    /// A number that does not follow the JSON grammar (`-`, `01`, `1.`, `1e`).
    case invalidNumber
    /// Something starting like `true`, `false` or `null` that is not one of them.
    case invalidLiteral
    /// Containers nested deeper than the scanner accepts.
    case nestingTooDeep
    /// More than whitespace after the top-level value.
    case trailingCharacters

    /// Whether the problem lies inside one token (a string's bytes or escapes, a number, a
    /// literal, too deep a nesting) and leaves the brackets and quotes around it intact, so
    /// that the list item holding it can be stepped over and the items after it still read.
    var leavesStructureIntact: Bool {
        switch self {
        case .invalidEscape, .invalidUnicodeEscape, .loneSurrogate, .controlCharacter, .invalidUTF8,
            .invalidNumber, .invalidLiteral, .nestingTooDeep:
            return true
        case .unexpectedEnd, .expectedValue, .expectedColon, .expectedKey, .expectedCommaOrObjectEnd,
            .expectedCommaOrArrayEnd, .unterminatedString, .trailingCharacters:
            return false
        }
    }

    /// The reason in words, as reported to users.
    var description: String {
        switch self {
        case .unexpectedEnd: return "unexpected end of input"
        case .expectedValue: return "expected a JSON value"
        case .expectedColon: return "expected ':' after object key"
        case .expectedKey: return "expected string key in object"
        case .expectedCommaOrObjectEnd: return "expected ',' or '}' in object"
        case .expectedCommaOrArrayEnd: return "expected ',' or ']' in array"
        case .unterminatedString: return "unterminated string"
        case .invalidEscape(let byte):
            // Printable ASCII is shown as itself; anything else as hex so the message stays readable.
            if byte >= 0x21 && byte < 0x7F {
                return "invalid escape \\" + String(UnicodeScalar(byte))
            }
            return "invalid escape \\ followed by byte 0x" + String(byte, radix: 16, uppercase: true)
        case .invalidUnicodeEscape: return "invalid \\u escape (expected four hex digits)"
        case .loneSurrogate: return "lone surrogate in \\u escape"
        case .controlCharacter: return "control character in string"
        case .invalidUTF8: return "invalid UTF-8"
        case .invalidNumber: return "invalid number"
        case .invalidLiteral: return "invalid literal"
        case .nestingTooDeep: return "nesting too deep"
        case .trailingCharacters: return "trailing characters after JSON value"
        }
    }
}

/// A JSON syntax or encoding error: what went wrong and at which byte.
struct JSONError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Byte offset within the scanned buffer where the problem was found.
    var offset: Int
    /// What went wrong.
    var problem: JSONProblem

    /// The reason in words (`"unterminated string"`).
    var reason: String { problem.description }

    /// `reason at byte offset`.
    var description: String { "\(reason) at byte \(offset)" }
}

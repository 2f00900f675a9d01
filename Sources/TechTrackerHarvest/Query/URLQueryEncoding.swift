/// Percent-encoding of query-string values, and the encoded size of a search, so that a
/// request's URL length is known exactly before it is sent (OpenAlex refuses URLs over 4,094
/// bytes).
enum URLQueryEncoding {
    /// The value with every byte percent-encoded except the unreserved characters and the few
    /// that OpenAlex's filter syntax uses and a URL's query may hold as they are (`*` wildcard,
    /// `:` key-value, `,` between filters). Spaces become `%20`; `|` (between alternatives) is
    /// `%7C`, since a URL may not hold it (Foundation would re-encode the whole URL).
    static func encode(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for byte in value.utf8 {
            if isKept(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + hexDigits[Int(byte >> 4)] + hexDigits[Int(byte & 0x0F)]
            }
        }
        return result
    }

    /// The length in bytes of `encode(value)`.
    static func encodedLength(_ value: String) -> Int {
        value.utf8.reduce(0) { $0 + (isKept($1) ? 1 : 3) }
    }

    private static let hexDigits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C", "D", "E", "F"]

    private static func isKept(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39: return true  // A-Z a-z 0-9
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): return true
        case UInt8(ascii: "*"), UInt8(ascii: ":"), UInt8(ascii: ","): return true
        default: return false
        }
    }
}

extension SearchExpression {
    /// The length in bytes of the percent-encoded ``text``, computed from the parts (so that
    /// splitting a long search does not render it again for every candidate).
    var encodedLength: Int {
        switch self {
        case .word(let word): return URLQueryEncoding.encodedLength(word)
        case .prefix(let stem): return URLQueryEncoding.encodedLength(stem) + 1
        case .phrase(let words):
            // Two quotes (%22) and a space (%20) between words.
            return 6 + words.reduce(0) { $0 + URLQueryEncoding.encodedLength($1) } + 3 * (words.count - 1)
        case .all(let operands): return Self.joinedLength(operands, separator: " AND ")
        case .any(let operands): return Self.joinedLength(operands, separator: " OR ")
        case .excluding(let kept, let dropped):
            return kept.encodedOperandLength + URLQueryEncoding.encodedLength(" NOT ") + dropped.encodedOperandLength
        }
    }

    /// The encoded length as an operand of another operator (parentheses are `%28`, `%29`).
    var encodedOperandLength: Int {
        switch self {
        case .word, .prefix, .phrase: return encodedLength
        case .all, .any, .excluding: return encodedLength + 6
        }
    }

    private static func joinedLength(_ operands: [SearchExpression], separator: String) -> Int {
        operands.reduce(0) { $0 + $1.encodedOperandLength }
            + URLQueryEncoding.encodedLength(separator) * (operands.count - 1)
    }
}

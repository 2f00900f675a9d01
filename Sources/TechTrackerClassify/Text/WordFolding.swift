import Foundation

/// How text is cut into comparable words, the same way for documents and for queries.
///
/// - Case and diacritics are folded with Foundation (`Schrödinger` → `schrodinger`,
///   `straße` → `strasse`); letters that are not a base letter plus a mark keep their
///   form (`ø`, `ł`, `æ`). The result is put in Unicode canonical composition (NFC), so
///   words compare equal exactly when their UTF-8 bytes do.
/// - A word is a letter or digit followed by letters, digits and combining marks. Everything else separates
///   words, as in Web of Science: `lithium-ion` is the words `lithium` `ion`,
///   `Alzheimer's` is `alzheimer` `s`, `2.4 GHz` is `2` `4` `ghz`. Digits are word
///   characters, so `5G` is the one word `5g`.
public enum WordFolding {
    /// The folded words of a text, in order. This is the definition every faster tokeniser
    /// in this module is tested against.
    static func words(in text: String) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in folded(text).unicodeScalars {
            if current.isEmpty ? startsWord(scalar) : isWordScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                result.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { result.append(String(current)) }
        return result
    }

    /// The text with case and diacritics folded, in NFC.
    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .precomposedStringWithCanonicalMapping
    }

    /// Whether a scalar can start a word: a letter or a digit.
    public static func startsWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return asciiWordByte[Int(scalar.value)] != 0
        }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
    }

    /// Whether a scalar can continue a word: a letter, a digit or a mark (so scripts that
    /// write vowels as combining signs keep their words whole). A mark with no letter or
    /// digit before it is not a word.
    public static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if startsWord(scalar) { return true }
        if scalar.isASCII { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// For each byte: its lower-case form when it is an ASCII letter or digit, 0 when it is
    /// another ASCII byte (a separator), and the byte itself when it is ≥ 0x80 (part of a
    /// multi-byte scalar). The fast tokenisers run on this table.
    static let asciiWordByte: [UInt8] = (0..<256).map { value -> UInt8 in
        switch value {
        case 0x41...0x5A: return UInt8(value + 0x20)
        case 0x61...0x7A, 0x30...0x39: return UInt8(value)
        case 0x80...0xFF: return UInt8(value)
        default: return 0
        }
    }
}

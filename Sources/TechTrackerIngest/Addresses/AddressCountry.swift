import Foundation
public import TechTrackerCore

/// The country of a Web of Science or Scopus affiliation address, read from the address's last
/// comma-separated segment, where both databases put the country.
///
/// Only the last segment is read: organisation and street names are full of country names
/// ("Beth Israel Deaconess Medical Center", "Carrer de Palau", "New Jersey Institute of
/// Technology"), so searching the whole address would credit the wrong country. A segment that
/// names no country in ``CountrySpellings`` is reported as it stands, never guessed at: the
/// counts of unrecognised segments are how the table gets completed.
public enum AddressCountry {
    /// What the last segment of an address says.
    public enum Outcome: Hashable, Sendable {
        /// The segment names this country.
        case country(CountryCode)
        /// The segment names no country the table knows; `segment` is its text (trimmed), for a
        /// report. Empty when the address is empty.
        case unrecognised(segment: String)

        /// The country, or `nil` when the segment was not recognised.
        public var country: CountryCode? {
            if case .country(let code) = self { return code }
            return nil
        }
    }

    /// The country named by the last segment of `address`.
    ///
    /// The address is first trimmed of whitespace, periods and commas at its ends (Web of Science
    /// ends each address with a period; some Scopus rows end with a stray comma). A spelling with
    /// a comma in the table (`"Korea, Republic of"`, `"Hong Kong, China"`) is matched against the
    /// last two segments first, so that those addresses are not read by their last word alone.
    /// US addresses in the Web of Science form `"MA 02215 USA"` (state code, optional ZIP, `USA`)
    /// are the United States, except that a territory with its own ISO code (`"PR 00936 USA"`)
    /// gets that code, as it does when named (`"Puerto Rico"`).
    public static func country(ofAddress address: String) -> Outcome {
        let (previous, last) = lastSegments(of: address)
        guard let last else { return .unrecognised(segment: "") }
        let lastKey = key(last)
        if let previous, let code = index.twoSegments[key(previous) + " " + lastKey] {
            return .country(code)
        }
        if let code = index.oneSegment[lastKey] ?? unitedStatesForm(lastKey) {
            return .country(code)
        }
        return .unrecognised(segment: String(last))
    }

    /// The last two comma-separated segments of `address`, each trimmed of whitespace, after the
    /// address itself is trimmed of whitespace, periods and commas at both ends (the one before
    /// the last `nil` when there is one segment; both `nil` for an empty address), found from the
    /// end: an address is read for
    /// every author of every exported record, and only its end names the country.
    static func lastSegments(of address: String) -> (previous: Substring?, last: Substring?) {
        let trimmed = trimmedAddress(address)
        guard !trimmed.isEmpty else { return (nil, nil) }
        let utf8 = trimmed.utf8
        guard let lastComma = utf8.lastIndex(of: UInt8(ascii: ",")) else { return (nil, trimmedSegment(trimmed)) }
        let last = trimmedSegment(trimmed[utf8.index(after: lastComma)...])
        let before = trimmed[..<lastComma]
        let previousStart = before.utf8.lastIndex(of: UInt8(ascii: ",")).map { before.utf8.index(after: $0) }
        return (trimmedSegment(before[(previousStart ?? before.startIndex)...]), last)
    }

    /// `address` without whitespace, periods and commas at its ends.
    private static func trimmedAddress(_ address: String) -> Substring {
        trimmed(Substring(address)) { isSpace($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }
    }

    /// `segment` without whitespace at its ends.
    private static func trimmedSegment(_ segment: Substring) -> Substring {
        trimmed(segment, isSpace)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }

    /// `text` without the bytes `drop` accepts at its ends. The bytes dropped are ASCII, so the
    /// cuts fall between characters.
    private static func trimmed(_ text: Substring, _ drop: (UInt8) -> Bool) -> Substring {
        let utf8 = text.utf8
        guard let first = utf8.firstIndex(where: { !drop($0) }), let last = utf8.lastIndex(where: { !drop($0) })
        else { return text[text.endIndex...] }
        return text[first...last]
    }

    /// The form in which spellings are compared: accents folded, lower case, periods and
    /// apostrophes dropped (`"P.R. China"`, `"Côte d'Ivoire"`), `&` read as `and`, and every other
    /// run of punctuation or whitespace one space (`"Guinea-Bissau"` is `"guinea bissau"`).
    static func key(_ text: some StringProtocol) -> String {
        asciiKey(text.utf8) ?? unicodeKey(String(text))
    }

    /// `key` of an ASCII text, byte by byte (nearly every address); `nil` when the text is not
    /// ASCII.
    private static func asciiKey(_ utf8: some Collection<UInt8>) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var wordEnded = false
        func startWord() {
            if wordEnded && !bytes.isEmpty { bytes.append(0x20) }
            wordEnded = false
        }
        for byte in utf8 {
            switch byte {
            case 0x80...: return nil
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                startWord()
                bytes.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                startWord()
                bytes.append(byte + 0x20)
            case UInt8(ascii: "."), UInt8(ascii: "'"), UInt8(ascii: "`"):
                continue
            case UInt8(ascii: "&"):
                wordEnded = true
                startWord()
                bytes.append(contentsOf: "and".utf8)
                wordEnded = true
            default:
                wordEnded = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `key` of any text: accents folded first.
    private static func unicodeKey(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        var words: [String] = []
        var word = ""
        func endWord() {
            if !word.isEmpty { words.append(word) }
            word = ""
        }
        for scalar in folded.unicodeScalars {
            switch scalar {
            case ".", "'", "\u{2019}", "\u{2018}", "`", "\u{00B4}":
                continue
            case "&":
                endWord()
                words.append("and")
            default:
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    word.unicodeScalars.append(scalar)
                } else {
                    endWord()
                }
            }
        }
        endWord()
        return words.joined(separator: " ").lowercased()
    }

    /// The Web of Science US form: optional two-letter state code, optional ZIP (five digits,
    /// optionally four more), then `USA` or `United States`; `nil` for anything else, including a
    /// state code or ZIP without the country (`"MA 02215"`), which other countries' postal
    /// conventions also produce.
    static func unitedStatesForm(_ key: String) -> CountryCode? {
        var words = key.split(separator: " ")
        if words.last == "usa" {
            words.removeLast()
        } else if words.suffix(2) == ["united", "states"] {
            words.removeLast(2)
        } else {
            return nil
        }
        var code = CountryCode("US")
        if let first = words.first, first.count == 2, first.allSatisfy(\.isLetter) {
            guard let state = unitedStatesCodes[String(first)] else { return nil }
            code = state
            words.removeFirst()
        }
        if let zip = words.first, zip.count == 5, zip.allSatisfy(isDigit) {
            words.removeFirst()
            if let extra = words.first, extra.count == 4, extra.allSatisfy(isDigit) {
                words.removeFirst()
            }
        }
        return words.isEmpty ? code : nil
    }

    /// Whether `character` is one of the ASCII digits (a ZIP code's).
    static func isDigit(_ character: Character) -> Bool { ("0"..."9").contains(character) }

    /// The US Postal Service's two-letter codes, lower case, each with the country it places an
    /// address in: the United States, except for the territories that have their own ISO 3166-1
    /// codes (and are counted under them elsewhere: by name here, and in OpenAlex).
    static let unitedStatesCodes: [String: CountryCode] = {
        let states = """
            al ak az ar ca co ct de dc fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj nm ny nc nd
            oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy aa ae ap
            """
        var codes: [String: CountryCode] = [:]
        for state in states.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            codes[String(state)] = CountryCode("US")
        }
        for territory in ["pr", "gu", "vi", "as", "mp"] {
            codes[territory] = CountryCode(territory)
        }
        return codes
    }()

    /// The table, keyed by ``key(_:)``: spellings with a comma under the key of both their parts,
    /// the others under their own.
    static let index = SpellingIndex(
        CountrySpellings.isoShortNames + CountrySpellings.isoOtherNames + CountrySpellings.databaseSpellings)
}

/// The spellings of ``CountrySpellings`` by key, and any the table got wrong.
struct SpellingIndex: Sendable {
    /// Spellings without a comma, matched against the last segment.
    var oneSegment: [String: CountryCode] = [:]
    /// Spellings with a comma, matched against the last two segments, joined by a space.
    var twoSegments: [String: CountryCode] = [:]
    /// Entries whose code is not two ASCII capitals, whose key another entry gives to a
    /// different country (both are left out rather than let one silently win), or that repeat an
    /// earlier entry; empty for a correct table, which a test checks.
    var problems: [String] = []

    init(_ entries: [(code: String, spelling: String)]) {
        var conflicting: Set<String> = []
        for (text, spelling) in entries {
            let isCapitals = text.utf8.count == 2 && text.utf8.allSatisfy { (0x41...0x5A).contains($0) }
            guard isCapitals, let code = CountryCode(text) else {
                problems.append("\(text): not two ASCII capitals (\(spelling))")
                continue
            }
            let parts = spelling.split(separator: ",", omittingEmptySubsequences: false)
            let key = parts.map { AddressCountry.key($0) }.joined(separator: " ")
            let existing = parts.count > 1 ? twoSegments[key] : oneSegment[key]
            if let existing {
                problems.append("\(spelling): \(existing == code ? "listed twice" : "\(existing) and \(code)")")
                if existing != code { conflicting.insert(key) }
            }
            if parts.count > 1 { twoSegments[key] = code } else { oneSegment[key] = code }
        }
        for key in conflicting {
            oneSegment[key] = nil
            twoSegments[key] = nil
        }
    }
}

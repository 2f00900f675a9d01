import Foundation

/// The keys that say two records from different sources are the same paper (one work in the
/// store, not two): the DOI, else the title, year and first author's surname.
///
/// All the keys are plain strings that are equal exactly when the records are taken to be the
/// same paper; none is meant for display. They fold away what the sources write differently
/// (letter case, accents, markup, punctuation, resolver prefixes) and nothing else.
public enum WorkMatchKey {
    /// The DOI in its comparable form (`10.1038/nature12373`); `nil` when `text` holds no DOI.
    ///
    /// The rules, in order:
    /// 1. Surrounding whitespace is removed, and the text lower-cased (DOIs are case-insensitive).
    /// 2. Opening brackets and quotes (`(`, `[`, `<`, `"`) and resolver and label prefixes are
    ///    removed from the front, repeatedly and in any case: `https://` and `http://`, the hosts
    ///    `doi.org/`, `dx.doi.org/`, `www.doi.org/`, `www.dx.doi.org/`, and the labels `doi:`,
    ///    `info:doi/`, `urn:doi:` and `doi` followed by whitespace, with any whitespace after
    ///    them (`DOI: 10.1/x`, `DOI 10.1/x`, `(doi:10.1/x)`).
    /// 3. Percent-escapes (`%2F`, as DOIs are written in URLs) are decoded; text whose escapes do
    ///    not decode to UTF-8 is left as written.
    /// 4. Trailing `.`, `,`, `;` and `"` are removed (a DOI at the end of a sentence, list or
    ///    quotation), and a trailing `)`, `]` or `>` when the DOI has more closing than opening
    ///    brackets of that kind, so a DOI that ends in a balanced `(...)` keeps it
    ///    (`10.1016/S0140-6736(20)30183-5` is whole, `(see 10.1/x).` loses `).`).
    /// 5. What remains must be `10.`, a registrant code of digits and dots (`1038`, `1000.10`),
    ///    `/` and a non-empty suffix, with no whitespace or control character anywhere; else the
    ///    result is `nil`. Publisher landing-page URLs (`…/doi/10.1002/…`) are not DOIs here.
    public static func doi(_ text: String) -> String? {
        if let plain = plainDOI(text) { return plain }
        var value = Substring(text.lowercased()).trimmingSpaces
        stripPrefixes(&value)
        if value.contains(where: { $0 == "%" }), let decoded = percentDecoded(value) {
            value = Substring(decoded.lowercased()).trimmingSpaces
        }
        while let last = value.last {
            if last == "." || last == "," || last == ";" || last == "\"" {
                value.removeLast()
            } else if last == ")" && value.count(of: ")") > value.count(of: "(") {
                value.removeLast()
            } else if last == "]" && value.count(of: "]") > value.count(of: "[") {
                value.removeLast()
            } else if last == ">" && value.count(of: ">") > value.count(of: "<") {
                value.removeLast()
            } else {
                break
            }
        }
        return isDOI(value) ? String(value) : nil
    }

    /// The title in its comparable form: letters and digits only, case- and accent-folded, words
    /// separated by one space (`"Étude of <i>E. coli</i> growth"` → `"etude of e coli growth"`).
    ///
    /// The rules:
    /// - Letters are lower-cased and reduced to their compatibility decomposition without
    ///   combining marks: `é` → `e`, `Å` → `a`, `ﬁ` → `fi`, `²` and `₂` → `2`, full-width and
    ///   mathematical letters (`Ａ`, `𝑁`) → `a`, `n`. Letters that do not decompose are folded as
    ///   `ß` → `ss`, `æ` → `ae`, `œ` → `oe`, `ø` → `o`, `đ`/`ð` → `d`, `ł` → `l`, `þ` → `th`,
    ///   `ı` → `i`, `ħ` → `h`; final `ς` → `σ`.
    /// - Letters of other scripts are kept as letters, lower-cased where the script has case:
    ///   Greek stays Greek (`α`, not `alpha`; `µ` the micro sign is `μ`), Chinese stays Chinese.
    /// - Apostrophes (`'`, `’`, `‘`, `ʼ`, `` ` ``, `´`, `′`) are removed without a break, so
    ///   `Alzheimer's` and `Alzheimer’s` are both `alzheimers`, and `5′-UTR` is `5utr`.
    /// - Markup tags (`<i>`, `</sub>`, `<mml:mi>`, `<jats:italic>`, `<br/>`) are removed without a
    ///   break, so `CO<sub>2</sub>` is `co2` like `CO2` and `CO₂`; only block tags (`br`, `p`,
    ///   `div`, `li`, `td`, `tr`, `th`, `hr`, `h1`–`h6`) break words. A `<` that does not open a
    ///   tag closed by `>` within 1,024 bytes is punctuation (`p < 0.05`).
    /// - Character references are decoded: numeric ones (`&#946;`, `&#x3B2;`), the Greek letter
    ///   names (`&beta;`), the accented Latin-1 names (`&eacute;` → `e`, `&szlig;` → `ss`,
    ///   `&aelig;` → `ae`) and `&apos;`/`&rsquo;` (apostrophes); any other (`&amp;`, `&nbsp;`) is a
    ///   word break.
    /// - Everything else (punctuation, symbols, whitespace, hyphens) breaks words; runs of breaks
    ///   are one space, and there is none at either end.
    ///
    /// Runs on the UTF-8 bytes: ASCII is handled byte by byte, and other characters through a
    /// table built once (U+0080–U+24FF, the ligatures, the full-width forms and the mathematical
    /// letters) or, outside it, through the standard library's Unicode properties.
    public static func title(_ text: String) -> String {
        TextFold.fold(text, separator: 0x20)
    }

    /// The surname of an author as a source spells the name, folded like ``title(_:)`` with the
    /// spaces removed (`van der Berg` → `vanderberg`, `O'Brien` → `obrien`,
    /// `Martínez-García` → `martinezgarcia`).
    ///
    /// Which part of the name is the surname:
    /// - With a comma (Web of Science `Doe, J`, `Doe, John A.`, `van der Berg, J`): the part
    ///   before the first comma. A comma that only sets off a generational suffix
    ///   (`John Doe, Jr.`) does not count.
    /// - Without one, generational suffixes at the end (`Jr`, `Sr`, and `II`, `III`, `IV` after
    ///   at least two other words) are dropped first. Then, when the last word looks like
    ///   initials, the surname is the words before the trailing initials (Scopus `Doe J.`,
    ///   `Doe J.A.`, `Doe J. A.`, `van der Berg J.`, `Doe JA`). Initials are a single letter;
    ///   a word with a period whose pieces between `.` and `-` are each at most two letters, the
    ///   first upper-case (`J.`, `J.A.`, `J.-P.`, `Yu.`); or a word of at most three letters all
    ///   upper-case (at most two when the whole name is upper-case, so `JOHN DOE` is `doe`).
    /// - Otherwise (OpenAlex `John A. Doe`, `J. van der Berg`) the surname is the last word
    ///   with the particles right before it (`van`, `von`, `de`, `der`, `den`, `del`, `della`,
    ///   `da`, `das`, `do`, `dos`, `du`, `des`, `di`, `le`, `la`, `ten`, `ter`, `st`, `al`, `el`),
    ///   but never the first word, which is then a given name (`Al Gore` → `gore`).
    ///
    /// Limits: the order of the name is guessed from its shape, so a name written family name
    /// first without a comma and without initials (`Zhang Wei`, the usual order of Chinese,
    /// Japanese, Korean and Hungarian names) gives the given name (`wei`), where Web of Science's
    /// `Zhang, Wei` gives `zhang`; a surname-last name whose surname is two to three capitals
    /// (`Wei LI`) is read as initials. Two-part Spanish and Portuguese surnames written without
    /// a comma (`Juan Martínez García`) give the last part only (`garcia`), where `Martinez
    /// Garcia, J` gives `martinezgarcia`.
    public static func surname(ofAuthorName name: String) -> String {
        TextFold.fold(surnamePart(of: name), separator: nil)
    }

    /// The title + year + first-author key (`"<title>|<year>|<surname>"`, the surname empty when
    /// the first author is not known); `nil` when the title is too short to tell papers apart.
    ///
    /// `nil` when the year is missing, or the folded title (``title(_:)``) is empty, has fewer
    /// than 3 words or fewer than 20 characters (`"Editorial"`, `"Reply to comment"`, `"Data
    /// for 2019"`). A title with at least 10 characters of the scripts written without spaces
    /// (Chinese, Japanese kana, Thai) is long enough whatever its word count.
    public static func titleKey(title: String, year: Int?, firstAuthor: String?) -> String? {
        guard let year else { return nil }
        let titleKey = Self.title(title)
        guard isDistinctive(foldedTitle: titleKey) else { return nil }
        return "\(titleKey)|\(year)|\(firstAuthor.map { surname(ofAuthorName: $0) } ?? "")"
    }
}

// MARK: - DOI

extension WorkMatchKey {
    /// The resolver hosts removed from the front of a DOI (after `http://` or `https://`).
    private static let doiHosts = ["www.dx.doi.org/", "dx.doi.org/", "www.doi.org/", "doi.org/"]
    /// The labels removed from the front of a DOI.
    private static let doiLabels = ["info:doi/", "urn:doi:", "doi:"]
    /// Every prefix removed from the front of a DOI, in the order they are tried.
    private static let doiPrefixes = ["https://", "http://"] + doiHosts + doiLabels

    /// The common case, on bytes: a DOI already bare (`10.1016/J.X.2019.01.002`, as Web of
    /// Science and Scopus write it), printable ASCII, perhaps with spaces around it, not ending in
    /// a character the rules above would remove. `nil` for anything else, which the general rules
    /// then read: the result is the same, found several times faster, which matters for the tens
    /// of references of every exported record.
    private static func plainDOI(_ text: String) -> String? {
        let utf8 = text.utf8
        guard let first = utf8.firstIndex(where: { $0 != 0x20 }), let last = utf8.lastIndex(where: { $0 != 0x20 })
        else { return nil }
        let bytes = utf8[first...last]
        var lowered: [UInt8] = []
        lowered.reserveCapacity(bytes.count)
        // 0: "10", 1: the "." after it, 2: registrant digits and dots, 3: after the slash.
        var state = 0
        var registrantDigits = 0
        var lastWasDot = false
        for byte in bytes {
            guard byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "%") else { return nil }
            switch state {
            case 0, 1:
                let expected: [UInt8] = [UInt8(ascii: "1"), UInt8(ascii: "0"), UInt8(ascii: ".")]
                guard lowered.count < 3, byte == expected[lowered.count] else { return nil }
                if lowered.count == 2 { state = 2 }
            case 2:
                if byte == UInt8(ascii: "/") {
                    guard registrantDigits > 0, !lastWasDot else { return nil }
                    state = 3
                } else if byte == UInt8(ascii: ".") {
                    guard !lastWasDot, registrantDigits > 0 else { return nil }
                    lastWasDot = true
                } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                    registrantDigits += 1
                    lastWasDot = false
                } else {
                    return nil
                }
            default:
                break
            }
            lowered.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte)
        }
        guard state == 3, let end = lowered.last, lowered.last != UInt8(ascii: "/"),
            !".,;\")]>".utf8.contains(end)
        else { return nil }
        return String(decoding: lowered, as: UTF8.self)
    }

    /// Removes resolver and label prefixes from the front of a lower-cased DOI, repeatedly.
    private static func stripPrefixes(_ value: inout Substring) {
        while true {
            let before = value.count
            while let first = value.first, first == "(" || first == "[" || first == "<" || first == "\"" {
                value = value.dropFirst().trimmingSpaces
            }
            for prefix in doiPrefixes where value.hasPrefix(prefix) {
                value = value.dropFirst(prefix.count).trimmingSpaces
            }
            if value.hasPrefix("doi"), let next = value.dropFirst(3).first, next.isWhitespace {
                value = value.dropFirst(3).trimmingSpaces
            }
            if value.count == before { return }
        }
    }

    /// `text` with its `%HH` escapes decoded; `nil` when it has none or they do not decode to
    /// UTF-8.
    private static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        let utf8 = Array(text.utf8)
        var index = 0
        var changed = false
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
                let high = hexValue(utf8[index + 1]), let low = hexValue(utf8[index + 2])
            {
                bytes.append(high << 4 | low)
                index += 3
                changed = true
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        guard changed else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The value of a hexadecimal digit's byte.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Whether `value` is `10.` + registrant (digits, dot-separated) + `/` + a non-empty suffix,
    /// with no whitespace or control characters.
    private static func isDOI(_ value: Substring) -> Bool {
        guard value.hasPrefix("10.") else { return false }
        for scalar in value.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format: return false
            default: continue
            }
        }
        let rest = value.dropFirst(3)
        guard let slash = rest.firstIndex(of: "/") else { return false }
        let registrant = rest[..<slash]
        let suffix = rest[rest.index(after: slash)...]
        guard !suffix.isEmpty, !registrant.isEmpty else { return false }
        return registrant.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber }
        }
    }
}

// MARK: - Surnames

extension WorkMatchKey {
    /// Generational suffixes dropped from the end of a name.
    fileprivate static let generationalSuffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv"]
    /// Generational suffixes dropped only after at least two other words (they may be initials).
    fileprivate static let romanSuffixes: Set<String> = ["ii", "iii", "iv"]
    /// Particles that belong to the surname when they come right before its last word.
    fileprivate static let particles: Set<String> = [
        "van", "von", "de", "der", "den", "del", "della", "da", "das", "do", "dos", "du", "des", "di", "le", "la",
        "ten", "ter", "st", "al", "el",
    ]

    /// The part of `name` that is the surname, as written (see ``surname(ofAuthorName:)``).
    static func surnamePart(of name: String) -> String {
        let name = NameScalars(name)
        let all = name.trimmed(0..<name.scalars.count)
        guard let comma = name.scalars[all].firstIndex(of: ",") else {
            return name.surname(amongWords: name.words(in: all))
        }
        let before = name.trimmed(all.lowerBound..<comma)
        let after = name.trimmed((comma + 1)..<all.upperBound)
        if !generationalSuffixes.contains(name.asciiLetters(after)) {
            return name.text(before.isEmpty ? after : before)
        }
        return name.surname(amongWords: name.words(in: before))
    }
}

/// The scalars of an author's name, with the word-level reading of
/// ``WorkMatchKey/surname(ofAuthorName:)``. Words are ranges of `scalars`.
private struct NameScalars {
    let scalars: [Unicode.Scalar]

    init(_ name: String) {
        scalars = Array(name.unicodeScalars)
    }

    /// The surname among the words of a name written without a comma.
    func surname(amongWords words: [Range<Int>]) -> String {
        var words = words
        while words.count > 1, let last = words.last {
            let word = asciiLetters(last)
            guard WorkMatchKey.generationalSuffixes.contains(word),
                !WorkMatchKey.romanSuffixes.contains(word) || words.count > 2
            else { break }
            words.removeLast()
        }
        guard let first = words.first, let last = words.last else { return "" }
        let upperCase = !scalars[first.lowerBound..<last.upperBound].contains { isLowercase($0) }
        var end = words.count
        while end > 1 && looksLikeInitials(words[end - 1], nameIsUpperCase: upperCase) {
            end -= 1
        }
        if end < words.count {
            return text(first.lowerBound..<words[end - 1].upperBound)
        }
        var start = words.count - 1
        while start > 1 && WorkMatchKey.particles.contains(asciiLetters(words[start - 1])) {
            start -= 1
        }
        return text(words[start].lowerBound..<last.upperBound)
    }

    /// Whether a word looks like initials (`J`, `J.`, `J.A.`, `J.-P.`, `Yu.`, `JA`).
    func looksLikeInitials(_ word: Range<Int>, nameIsUpperCase: Bool) -> Bool {
        var letters = 0
        var pieceLetters = 0
        var hasPeriod = false
        var piecesAreShortAndCapitalised = true
        var allUpperCase = true
        for scalar in scalars[word] {
            if scalar == "." || scalar == "-" {
                hasPeriod = hasPeriod || scalar == "."
                pieceLetters = 0
            } else if isLetter(scalar) {
                if pieceLetters == 0 && !isUppercase(scalar) { piecesAreShortAndCapitalised = false }
                letters += 1
                pieceLetters += 1
                if pieceLetters > 2 { piecesAreShortAndCapitalised = false }
                if !isUppercase(scalar) { allUpperCase = false }
            } else if !isMark(scalar) {
                return false
            }
        }
        if letters <= 1 { return letters == 1 }
        if hasPeriod { return piecesAreShortAndCapitalised }
        return allUpperCase && letters <= (nameIsUpperCase ? 2 : 3)
    }

    /// The words (runs of non-whitespace) in `range`.
    func words(in range: Range<Int>) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var start: Int?
        for index in range {
            if isSpace(scalars[index]) {
                if let wordStart = start { words.append(wordStart..<index) }
                start = nil
            } else if start == nil {
                start = index
            }
        }
        if let wordStart = start { words.append(wordStart..<range.upperBound) }
        return words
    }

    /// `range` without whitespace at either end.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper && isSpace(scalars[lower]) { lower += 1 }
        while upper > lower && isSpace(scalars[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// The ASCII letters of a short word, lower-cased, without periods; empty for a word of more
    /// than 6 scalars or with other characters (the words compared with the suffix and particle
    /// sets, which are ASCII).
    func asciiLetters(_ word: Range<Int>) -> String {
        guard word.count <= 6 else { return "" }
        var result = String.UnicodeScalarView()
        for scalar in scalars[word] where scalar != "." {
            guard scalar.isASCII, let lower = asciiLower(scalar) else { return "" }
            result.append(lower)
        }
        return String(result)
    }

    /// The text of `range`.
    func text(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(scalars[range]))
    }

    private func asciiLower(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x61...0x7A: scalar
        case 0x41...0x5A: Unicode.Scalar(UInt8(scalar.value | 0x20))
        default: nil
        }
    }

    private func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII
            ? scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D) : scalar.properties.isWhitespace
    }

    private func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? asciiLower(scalar) != nil : scalar.properties.isAlphabetic && !isMark(scalar)
    }

    private func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar.value >= 0x41 && scalar.value <= 0x5A : scalar.properties.isUppercase
    }

    private func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar.value >= 0x61 && scalar.value <= 0x7A : scalar.properties.isLowercase
    }

    private func isMark(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.isASCII && TextFold.isMark(scalar.properties.generalCategory)
    }
}

// MARK: - Titles

extension WorkMatchKey {
    /// Whether a folded title is long enough to tell papers apart (see
    /// ``titleKey(title:year:firstAuthor:)``).
    static func isDistinctive(foldedTitle: String) -> Bool {
        guard !foldedTitle.isEmpty else { return false }
        var characters = 0
        var words = 1
        var unspaced = 0
        for scalar in foldedTitle.unicodeScalars {
            characters += 1
            if scalar == " " {
                words += 1
            } else if TextFold.isUnspacedScript(scalar.value) {
                unspaced += 1
            }
        }
        return unspaced >= 10 || (words >= 3 && characters >= 20)
    }
}

extension Substring {
    /// The text without whitespace (and newlines) at either end.
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }

    /// How many times `character` occurs.
    fileprivate func count(of character: Character) -> Int {
        reduce(0) { $0 + ($1 == character ? 1 : 0) }
    }
}

// MARK: - Folding

/// The case, accent and markup folding of ``WorkMatchKey/title(_:)``, over UTF-8 bytes.
enum TextFold {
    /// `text` folded, words separated by `separator` (or joined when it is `nil`).
    static func fold(_ text: String, separator: UInt8?) -> String {
        var text = text
        return text.withUTF8 { input in
            var folder = Folder(capacity: input.count, separator: separator)
            folder.run(input)
            return String(decoding: folder.output, as: UTF8.self)
        }
    }

    /// Whether the scalar belongs to a script written without spaces between words (Han,
    /// Hiragana, Katakana, Thai, Lao, Khmer, Myanmar).
    static func isUnspacedScript(_ value: UInt32) -> Bool {
        switch value {
        case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF, 0x3040...0x30FF, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF:
            true
        default: false
        }
    }

    /// Scalars that are apostrophes or primes: removed without a word break.
    static func isApostrophe(_ value: UInt32) -> Bool {
        switch value {
        case 0x27, 0x60, 0xB4, 0x2B9, 0x2BB, 0x2BC, 0x2018, 0x2019, 0x201B, 0x2032: true
        default: false
        }
    }

    /// The block-level tags that break words when removed.
    static let breakingTags: Set<[UInt8]> = Set(
        ["br", "p", "div", "li", "td", "tr", "th", "hr", "h1", "h2", "h3", "h4", "h5", "h6"].map { Array($0.utf8) }
    )

    /// The Greek letters' character-reference names, in the order of U+03B1… (final sigma has
    /// its own name, `sigmaf`).
    static let greekNames: [String: UInt32] = {
        let names = [
            "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu",
            "xi", "omicron", "pi", "rho", "sigmaf", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
        ]
        var table: [String: UInt32] = [:]
        for (offset, name) in names.enumerated() { table[name] = 0x3B1 + UInt32(offset) }
        return table
    }()

    /// Accent suffixes of Latin-1 character-reference names (`eacute`, `ouml`, `ccedil`, …): the
    /// reference is its first letter.
    static let accentSuffixes: Set<String> = ["acute", "grave", "uml", "circ", "tilde", "cedil", "ring", "slash"]
}

// MARK: The table

extension TextFold {
    /// The folded UTF-8 of each scalar in a range: empty for a dropped scalar (a combining mark),
    /// a space byte where a word breaks.
    struct Block: Sendable {
        let range: Range<UInt32>
        let starts: [Int]
        let bytes: [UInt8]

        /// The folded bytes of `value`, which must be in `range`.
        func entry(_ value: UInt32) -> ArraySlice<UInt8> {
            let index = Int(value - range.lowerBound)
            return bytes[starts[index]..<starts[index + 1]]
        }
    }

    /// Letters that neither decompose nor lower-case to their folded form.
    static let letterFolds: [UInt32: String] = [
        0xDF: "ss", 0x1E9E: "ss", 0xE6: "ae", 0x153: "oe", 0xF8: "o", 0x111: "d", 0xF0: "d", 0x142: "l", 0xFE: "th",
        0x131: "i", 0x127: "h", 0x167: "t", 0x140: "l", 0x3C2: "\u{3C3}",
    ]

    /// The ranges folded through the table: Latin to the box-drawing block (Latin, Greek,
    /// Cyrillic, Indic, the Latin and Greek extensions, super- and subscripts, letter-like and
    /// number forms, enclosed alphanumerics), the Latin ligatures, the full-width forms, and the
    /// mathematical alphanumeric symbols.
    static let blocks: [Block] = [0x80..<0x2500, 0xFB00..<0xFB50, 0xFF00..<0xFFF0, 0x1D400..<0x1D800].map(block)

    /// The table of one range, built once with Foundation's compatibility decomposition.
    private static func block(_ range: Range<UInt32>) -> Block {
        var starts: [Int] = [0]
        var bytes: [UInt8] = []
        starts.reserveCapacity(range.count + 1)
        for value in range {
            bytes.append(contentsOf: tableEntry(value))
            starts.append(bytes.count)
        }
        return Block(range: range, starts: starts, bytes: bytes)
    }

    /// The folded UTF-8 of one scalar for the table.
    private static func tableEntry(_ value: UInt32) -> [UInt8] {
        guard let scalar = Unicode.Scalar(value) else { return [0x20] }
        if isApostrophe(value) { return [] }
        let category = scalar.properties.generalCategory
        if isMark(category) { return [] }
        guard isLetterOrNumber(category) else { return [0x20] }
        let decomposed = String(scalar).decomposedStringWithCompatibilityMapping
        // A modifier letter that does not decompose is a phonetic sign (`ˈ`), not a letter.
        if category == .modifierLetter && decomposed.unicodeScalars.elementsEqual([scalar]) { return [0x20] }
        var bytes: [UInt8] = []
        for part in decomposed.unicodeScalars {
            let partCategory = part.properties.generalCategory
            if isMark(partCategory) || isApostrophe(part.value) { continue }
            guard isLetterOrNumber(partCategory) else {
                bytes.append(0x20)
                continue
            }
            for lower in part.properties.lowercaseMapping.unicodeScalars where !isMark(lower.properties.generalCategory)
            {
                if let fold = letterFolds[lower.value] {
                    bytes.append(contentsOf: fold.utf8)
                } else {
                    bytes.append(contentsOf: lower.utf8)
                }
            }
        }
        return bytes
    }

    /// Whether a general category is a combining mark.
    static func isMark(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    /// Whether a general category is a letter or a number.
    static func isLetterOrNumber(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
            .letterNumber, .otherNumber:
            true
        default: false
        }
    }
}

// MARK: The folder

extension TextFold {
    /// One folding pass: the output bytes and whether a word break is pending.
    struct Folder {
        var output: [UInt8]
        /// The byte between words; `nil` to join them.
        let separator: UInt8?
        var pendingBreak = false

        init(capacity: Int, separator: UInt8?) {
            output = []
            output.reserveCapacity(capacity)
            self.separator = separator
        }

        /// A word break: written before the next letter or digit, if any follows.
        @inline(__always) mutating func wordBreak() {
            if !output.isEmpty { pendingBreak = true }
        }

        /// Appends one byte of a letter or digit.
        @inline(__always) mutating func append(_ byte: UInt8) {
            if pendingBreak {
                if let separator { output.append(separator) }
                pendingBreak = false
            }
            output.append(byte)
        }

        /// Folds the whole input.
        mutating func run(_ input: UnsafeBufferPointer<UInt8>) {
            var index = 0
            let count = input.count
            while index < count {
                let byte = input[index]
                if byte < 0x80 {
                    switch byte {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                        append(byte)
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                        append(byte | 0x20)
                    case UInt8(ascii: "'"), UInt8(ascii: "`"):
                        break
                    case UInt8(ascii: "<"):
                        if let (end, breaks) = Self.tag(in: input, at: index) {
                            if breaks { wordBreak() }
                            index = end
                            continue
                        }
                        wordBreak()
                    case UInt8(ascii: "&"):
                        if let (scalar, end) = Self.reference(in: input, at: index) {
                            if let scalar { fold(scalar) } else { wordBreak() }
                            index = end
                            continue
                        }
                        wordBreak()
                    default:
                        wordBreak()
                    }
                    index += 1
                } else {
                    let (value, length) = Self.decode(input, at: index)
                    fold(value)
                    index += length
                }
            }
        }

        /// Folds one scalar of any kind.
        mutating func fold(_ value: UInt32) {
            if value < 0x80 {
                switch value {
                case 0x61...0x7A, 0x30...0x39: append(UInt8(value))
                case 0x41...0x5A: append(UInt8(value) | 0x20)
                case 0x27, 0x60: break
                default: wordBreak()
                }
                return
            }
            for block in TextFold.blocks where block.range.contains(value) {
                for byte in block.entry(value) {
                    if byte == 0x20 { wordBreak() } else { append(byte) }
                }
                return
            }
            guard let scalar = Unicode.Scalar(value) else { return wordBreak() }
            if TextFold.isApostrophe(value) { return }
            let properties = scalar.properties
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                return
            case .uppercaseLetter, .titlecaseLetter:
                for lower in properties.lowercaseMapping.unicodeScalars
                where !TextFold.isMark(lower.properties.generalCategory) {
                    appendScalar(lower)
                }
            case .lowercaseLetter, .modifierLetter, .otherLetter, .decimalNumber, .letterNumber, .otherNumber:
                appendScalar(scalar)
            default:
                wordBreak()
            }
        }

        /// Appends a scalar's UTF-8.
        mutating func appendScalar(_ scalar: Unicode.Scalar) {
            for byte in scalar.utf8 { append(byte) }
        }

        /// The scalar starting at `index` of valid UTF-8, and its length in bytes.
        static func decode(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
            let lead = UInt32(input[index])
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            guard index + length <= input.count else { return (0xFFFD, input.count - index) }
            var value = lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length {
                value = value << 6 | UInt32(input[index + offset] & 0x3F)
            }
            return (value, length)
        }

        /// The end of a markup tag starting at the `<` at `index`, and whether it breaks words;
        /// `nil` when the `<` opens no tag.
        static func tag(in input: UnsafeBufferPointer<UInt8>, at index: Int) -> (Int, Bool)? {
            var position = index + 1
            guard position < input.count else { return nil }
            if input[position] == UInt8(ascii: "/") || input[position] == UInt8(ascii: "!") { position += 1 }
            guard position < input.count, isASCIILetter(input[position]) else { return nil }
            var name: [UInt8] = []
            while position < input.count {
                let byte = input[position]
                if isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") {
                    name.append(byte | (isASCIILetter(byte) ? 0x20 : 0))
                } else if byte == UInt8(ascii: ":") {
                    name.removeAll()
                } else {
                    break
                }
                position += 1
            }
            let limit = min(input.count, index + 1024)
            while position < limit {
                switch input[position] {
                case UInt8(ascii: ">"): return (position + 1, TextFold.breakingTags.contains(name))
                case UInt8(ascii: "<"): return nil
                default: position += 1
                }
            }
            return nil
        }

        /// The scalar of a character reference starting at the `&` at `index` (`nil` for one
        /// that is a word break), and its end; `nil` when the `&` starts no reference.
        static func reference(in input: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32?, Int)? {
            let limit = min(input.count, index + 12)
            var position = index + 1
            guard position < limit else { return nil }
            if input[position] == UInt8(ascii: "#") {
                position += 1
                var hex = false
                if position < limit && (input[position] | 0x20) == UInt8(ascii: "x") {
                    hex = true
                    position += 1
                }
                var value: UInt32 = 0
                var digits = 0
                while position < limit {
                    let byte = input[position]
                    if byte == UInt8(ascii: ";") {
                        guard digits > 0, Unicode.Scalar(value) != nil else { return nil }
                        return (value, position + 1)
                    }
                    guard let digit = hex ? WorkMatchKey.hexValue(byte) : decimalDigit(byte) else { return nil }
                    value = value * (hex ? 16 : 10) + UInt32(digit)
                    digits += 1
                    position += 1
                }
                return nil
            }
            var name = ""
            while position < limit {
                let byte = input[position]
                if byte == UInt8(ascii: ";") {
                    guard !name.isEmpty else { return nil }
                    return (namedReference(name), position + 1)
                }
                guard isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) else { return nil }
                name.unicodeScalars.append(Unicode.Scalar(byte | (isASCIILetter(byte) ? 0x20 : 0)))
                position += 1
            }
            return nil
        }

        /// The scalar a named reference (lower-cased) stands for; `nil` for a word break.
        static func namedReference(_ name: String) -> UInt32? {
            if let greek = TextFold.greekNames[name] { return greek }
            switch name {
            case "apos", "rsquo", "lsquo", "prime": return 0x27
            case "szlig": return 0xDF
            case "aelig": return 0xE6
            case "oelig": return 0x153
            case "eth": return 0xF0
            case "thorn": return 0xFE
            default: break
            }
            if let first = name.unicodeScalars.first, TextFold.accentSuffixes.contains(String(name.dropFirst())) {
                return first.value
            }
            return nil
        }

        @inline(__always) static func isASCIILetter(_ byte: UInt8) -> Bool {
            (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
        }

        @inline(__always) static func decimalDigit(_ byte: UInt8) -> UInt8? {
            byte >= 0x30 && byte <= 0x39 ? byte - 0x30 : nil
        }
    }
}

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

public import TechTrackerCore

/// Institutions of Web of Science and Scopus addresses, which name an organisation but give it
/// no id: the organisation's name is normalised into a key, so that one institution spelled in
/// different ways is one id.
///
/// The key unifies the spellings that the databases produce from one name: Web of Science's
/// abbreviations (`Univ Calif Berkeley`), the full English name (`University of California,
/// Berkeley`), capitals, accents, punctuation, and the common words of the name in French,
/// German, Spanish, Portuguese, Italian, Dutch and the Nordic languages (`Université`,
/// `Instituto`). It does not translate the rest of a name (`Technische Universität München` is
/// not `Tech Univ Munich`), reorder it (`University of Science and Technology of China` is not
/// `USTC`), or know acronyms and former names: those stay separate institutions.
public enum InstitutionName {
    /// The comparable form of an organisation name (`"university california berkeley"`).
    ///
    /// The rules, in order:
    /// 1. An apostrophe before a final `s` is removed (`King's` → `kings`, as Web of Science
    ///    writes it); any other apostrophe separates words (`d'Orléans` → `d orleans`). A period
    ///    between two single letters is removed (`S.A.` → `SA`, `M.D. Anderson` → `MD
    ///    Anderson`); any other period separates words.
    /// 2. The name is folded like a title (``WorkMatchKey/title(_:)``): lower case, no accents,
    ///    letters and digits only, one space between words.
    /// 3. Stop words are dropped wherever they are (so also a leading `The`): `of`, `the`, `and`,
    ///    `for`, `at`, `in`, and `de`, `del`, `della`, `delle`, `degli`, `dei`, `dell`, `di`, `da`,
    ///    `das`, `do`, `dos`, `des`, `du`, `d`, `l`, `la`, `le`, `et`, `en`, `y`, `und`, `fur`,
    ///    `der`, `den`, `van`, `von`, `zu`, `au`, `aux` (``stopWords``).
    /// 4. Every other word is replaced by its canonical word (``canonicalWords``): Web of
    ///    Science abbreviations are expanded (`Univ` → `university`, `Natl` → `national`,
    ///    `Technol` → `technology`), plurals become singular (`sciences` → `science`,
    ///    `laboratories` → `laboratory`), British spellings American (`centre` → `center`,
    ///    `defence` → `defense`), common foreign forms English (`universität` → `university`),
    ///    and the adjective and noun that one abbreviation stands for become one word
    ///    (`Med`, `medicine`, `medical` → `medical`; `Chem`, `chemical` → `chemistry`).
    /// 5. Two pinyin syllables that Web of Science writes apart are joined (`Xi An` → `xian`,
    ///    `Jiao Tong` → `jiaotong`).
    ///
    /// The order of the words is kept, so `Univ Georgia` and `Georgia Inst Technol` stay apart.
    /// The key is empty when the name has no letters or digits besides stop words.
    public static func key(_ organisation: String) -> String {
        let folded = WorkMatchKey.title(splittingElisions(organisation))
        var words: [String] = []
        for word in folded.split(separator: " ") {
            let word = String(word)
            if stopWords.contains(word) { continue }
            let canonical = canonicalWords[word] ?? word
            if let previous = words.last, let joined = joinedSyllables[previous + " " + canonical] {
                words[words.count - 1] = joined
            } else {
                words.append(canonical)
            }
        }
        return words.joined(separator: " ")
    }

    /// The institution an address names: id `org:CC:key` (`org:--:key` when the country is not
    /// known, `key` from ``key(_:)``), `name` the display name: `displayName` when given and not
    /// blank, else the organisation as written, trimmed of whitespace. `nil` when the key is
    /// empty (the organisation has no letters or digits besides stop words).
    public static func institution(
        organisation: String, displayName: String? = nil, country: CountryCode?
    )
        -> Institution?
    {
        var keys = InstitutionKeyCache()
        return institution(organisation: organisation, displayName: displayName, country: country, keys: &keys)
    }

    /// `institution(organisation:displayName:country:)` with the organisation's key taken from
    /// (and added to) a reader's cache.
    public static func institution(
        organisation: String, displayName: String? = nil, country: CountryCode?, keys: inout InstitutionKeyCache
    ) -> Institution? {
        let key = keys.key(organisation)
        guard !key.isEmpty else { return nil }
        let name: String
        if let displayName, !displayName.allSatisfy(\.isWhitespace) {
            name = displayName
        } else {
            name = String(trimmed(Substring(organisation)))
        }
        return Institution(id: "org:\(country?.description ?? "--"):\(key)", name: name, country: country)
    }

    /// `text` with apostrophes and periods resolved as rule 1 of ``key(_:)`` says: removed, or
    /// replaced by a space.
    static func splittingElisions(_ text: String) -> String {
        guard text.contains(where: { $0 == "." || isApostrophe($0) }) else { return text }
        let characters = Array(text)
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for (index, character) in characters.enumerated() {
            let previous = index > 0 ? characters[index - 1] : nil
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            if isApostrophe(character) {
                let afterNext = index + 2 < characters.count ? characters[index + 2] : nil
                let isPossessive =
                    (previous?.isLetter ?? false) && (next == "s" || next == "S") && !(afterNext?.isLetter ?? false)
                if !isPossessive { result.append(" ") }
            } else if character == "." {
                let beforePrevious = index > 1 ? characters[index - 2] : nil
                let joinsInitials =
                    (previous?.isLetter ?? false) && !(beforePrevious?.isLetter ?? false) && (next?.isLetter ?? false)
                if !joinsInitials { result.append(" ") }
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// Whether a character is an apostrophe (or is used as one).
    private static func isApostrophe(_ character: Character) -> Bool {
        switch character {
        case "'", "\u{2019}", "\u{2018}", "\u{2BC}", "`", "\u{B4}": true
        default: false
        }
    }

    /// `text` without whitespace at either end.
    static func trimmed(_ text: Substring) -> Substring {
        var text = text
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}

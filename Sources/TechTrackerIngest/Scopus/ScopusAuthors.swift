import TechTrackerCore

/// The byline of a Scopus record and each author's affiliations.
///
/// The byline is "Author full names" when the export has it (`Liu, Fengyuan (60410297700); …`,
/// 2024 on), else "Authors": `Liu F.; Li C.` from 2024, `Phillips J.C., Braun R.` before (no
/// semicolon: the names then hold no comma), with ids from "Author(s) ID" by position when the
/// counts agree (`60410297700; …`, or `57202138757;7402220509;` with a trailing semicolon).
///
/// Affiliations come from "Authors with affiliations": entries separated by `"; "`, each an
/// author's name as in "Authors" (`Liu F., Department …`; before 2024 with a comma after the
/// surname, `Phillips, J.C., Beckman Institute, …`) then that author's affiliations. An author
/// with several affiliations has them joined by `", "` in one entry; they are told apart by the
/// addresses of the "Affiliations" column, which lists each once. An entry that is the name alone
/// gives that author no address. Without that column, every author gets every address of
/// "Affiliations", as Web of Science records without author groups.
enum ScopusAuthors {
    /// One author of the byline.
    struct Author {
        var name: String
        /// `scopus:<digits>`, when known.
        var id: String?
        /// The forms under which "Authors with affiliations" may name the author, as UTF-8.
        var matchNames: [[UInt8]]
    }

    /// What an affiliation address gives: its institution and its country.
    struct Address {
        var institution: Institution?
        var country: CountryCode?
    }

    /// The placeholder Scopus writes for a record without authors.
    private static let noAuthorName = "[No author name available]"

    /// The authorships of `row`, in byline order, and the warnings about addresses that could
    /// not be attributed.
    static func authorships(_ row: ScopusRow, warnings: inout [RecordWarning]) -> [Authorship] {
        let authors = byline(row)
        let columns = row.header.known
        let addressList = row.value(at: columns.affiliations).map { ScopusText.split($0) } ?? []
        var cache = AddressCache()
        var addresses = Array(repeating: [Address](), count: authors.count)

        if authors.isEmpty {
            if let address = addressList.first ?? row.value(at: columns.authorsWithAffiliations) {
                warnings.append(
                    RecordWarning(
                        .unattributedAddress,
                        "the record names no author, so its addresses are not attributed: \""
                            + ScopusText.excerpt(address, limit: 120) + "\""))
            }
            return []
        }
        var attributed = false
        if let entriesText = row.value(at: columns.authorsWithAffiliations) {
            let entries = ScopusText.split(entriesText)
            var unattributed: [String] = []
            var matched = Array(repeating: false, count: authors.count)
            var matchedAny = false
            let known = addressList.map(ScopusText.bytes)
            var cursor = -1
            for entry in entries {
                let bytes = ScopusText.bytes(entry)
                guard let (author, restStart) = match(bytes, authors: authors, after: cursor) else {
                    unattributed.append(String(entry))
                    continue
                }
                cursor = author
                matched[author] = true
                matchedAny = true
                for range in split(bytes, from: restStart, known: known) {
                    let text = String(decoding: bytes[range], as: UTF8.self)
                    addresses[author].append(cache.resolve(text, warnings: &warnings))
                }
            }
            if matchedAny || addressList.isEmpty {
                attributed = true
                for entry in unattributed {
                    warnings.append(
                        RecordWarning(
                            .unattributedAddress,
                            "no author of the byline matches \"\(ScopusText.excerpt(entry, limit: 120))\" "
                                + "in Authors with affiliations"))
                }
                if addresses.contains(where: { !$0.isEmpty }) {
                    for (index, author) in authors.enumerated() where addresses[index].isEmpty {
                        let why = matched[index] ? "is named without an address" : "is not named"
                        warnings.append(
                            RecordWarning(.authorWithoutAddress, "\(author.name) \(why) in Authors with affiliations"))
                    }
                }
            } else {
                warnings.append(
                    RecordWarning(
                        .unattributedAddress,
                        "no entry of Authors with affiliations names an author of the byline (\""
                            + ScopusText.excerpt(entries.first ?? "", limit: 120)
                            + "\"); every author is given every address of Affiliations"))
            }
        }
        if !attributed, !addressList.isEmpty {
            let all = addressList.map { cache.resolve(String($0), warnings: &warnings) }
            for index in authors.indices { addresses[index] = all }
        }

        return authors.enumerated().map { index, author in
            var institutions: [Institution] = []
            var countries: [CountryCode] = []
            for address in addresses[index] {
                if let institution = address.institution, !institutions.contains(where: { $0.id == institution.id }) {
                    institutions.append(institution)
                }
                if let country = address.country, !countries.contains(country) { countries.append(country) }
            }
            let position: AuthorPosition =
                index == 0 ? .first : index == authors.count - 1 ? .last : .middle
            return Authorship(
                position: position, authorID: author.id, authorName: author.name, institutions: institutions,
                countries: countries)
        }
    }

    // MARK: - Byline

    /// The authors of `row` in byline order.
    static func byline(_ row: ScopusRow) -> [Author] {
        let columns = row.header.known
        let short = row.value(at: columns.authors).map { shortNames($0) } ?? []
        let ids = row.value(at: columns.authorIDs).map { ScopusText.split($0, spaceRequired: false) } ?? []
        let fullNames =
            row.value(at: columns.authorFullNames).flatMap { $0 == noAuthorName ? nil : ScopusText.split($0) } ?? []
        if !fullNames.isEmpty {
            let idsByPosition = ids.count == fullNames.count ? ids : nil
            let shortByPosition = short.count == fullNames.count ? short : nil
            return fullNames.enumerated().map { index, text in
                let (name, id) = fullName(text)
                let shortName = shortByPosition.map { String($0[index]) } ?? abbreviated(name)
                var matchNames = [Array(shortName.utf8)]
                if name != shortName { matchNames.append(Array(name.utf8)) }
                return Author(
                    name: name, id: authorID(id ?? idsByPosition?[index]), matchNames: matchNames)
            }
        }
        let idsByPosition = ids.count == short.count ? ids : nil
        return short.enumerated().map { index, name in
            Author(name: String(name), id: authorID(idsByPosition?[index]), matchNames: [ScopusText.bytes(name)])
        }
    }

    /// The names of an "Authors" value: separated by `";"` from 2024, by `","` before.
    static func shortNames(_ text: Substring) -> [Substring] {
        if text == noAuthorName { return [] }
        if text.utf8.contains(UInt8(ascii: ";")) { return ScopusText.split(text, spaceRequired: false) }
        return text.split(separator: ",").map { ScopusText.trimmed($0) }.filter { !$0.isEmpty }
    }

    /// The name and Scopus id of an "Author full names" entry, `Liu, Fengyuan (60410297700)`.
    static func fullName(_ text: Substring) -> (name: String, id: Substring?) {
        guard text.hasSuffix(")"), let open = text.lastIndex(of: "(") else { return (String(text), nil) }
        let digits = text[text.index(after: open)..<text.index(before: text.endIndex)]
        guard !digits.isEmpty, digits.utf8.allSatisfy(ScopusReferences.isDigit) else { return (String(text), nil) }
        return (String(ScopusText.trimmed(text[..<open])), digits)
    }

    /// `scopus:<digits>` for an id of digits; `nil` otherwise.
    private static func authorID(_ text: Substring?) -> String? {
        guard let text, !text.isEmpty, text.utf8.allSatisfy(ScopusReferences.isDigit) else { return nil }
        return "scopus:" + text
    }

    /// The "Authors" form of a full name: `Amoako, Pious Tawiah` is `Amoako P.T.`, `Yuan,
    /// Kuo-Chen` is `Yuan K.-C.`; a name without a comma is kept.
    static func abbreviated(_ name: String) -> String {
        guard let comma = name.firstIndex(of: ",") else { return name }
        let surname = name[..<comma]
        let given = name[name.index(after: comma)...]
        var initials = ""
        for word in given.split(separator: " ") {
            initials += word.split(separator: "-").compactMap { $0.first.map { "\($0)." } }.joined(separator: "-")
        }
        return initials.isEmpty ? String(surname) : "\(surname) \(initials)"
    }

    // MARK: - Entries of "Authors with affiliations"

    /// The author an entry names and where its addresses start: authors are tried from the one
    /// after the previous entry's (entries follow the byline), then that one again (a second
    /// entry of the same author), then the rest; an exact name first, then a name run into the
    /// address (`Burnett, R.T.University of Ottawa, …`).
    static func match(_ entry: [UInt8], authors: [Author], after cursor: Int) -> (author: Int, restStart: Int)? {
        let count = authors.count
        for relaxed in [false, true] {
            func attempt(_ index: Int) -> Int? {
                for name in authors[index].matchNames {
                    if let rest = restOffset(of: name, in: entry, relaxed: relaxed) { return rest }
                }
                return nil
            }
            if cursor + 1 < count, let rest = attempt(cursor + 1) { return (cursor + 1, rest) }
            if cursor >= 0, cursor < count, let rest = attempt(cursor) { return (cursor, rest) }
            var index = cursor + 2
            while index < count {
                if let rest = attempt(index) { return (index, rest) }
                index += 1
            }
            index = 0
            while index < min(cursor, count) {
                if let rest = attempt(index) { return (index, rest) }
                index += 1
            }
        }
        return nil
    }

    /// Where the address starts in `entry` when it begins with `name` followed by a comma or by
    /// its end: a space of the name may be written `", "` (`Phillips J.C.` as `Phillips, J.C.`),
    /// and ASCII letters compare without case. `relaxed` also accepts a name ending in a period
    /// followed at once by a letter.
    static func restOffset(of name: [UInt8], in entry: [UInt8], relaxed: Bool) -> Int? {
        guard !name.isEmpty else { return nil }
        var nameIndex = 0
        var entryIndex = 0
        while nameIndex < name.count {
            guard entryIndex < entry.count else { return nil }
            let expected = name[nameIndex]
            let found = entry[entryIndex]
            if expected == found || (isASCIILetter(expected) && expected | 0x20 == found | 0x20) {
                nameIndex += 1
                entryIndex += 1
            } else if found == UInt8(ascii: ","), expected == UInt8(ascii: " ") {
                entryIndex += 1
            } else {
                return nil
            }
        }
        guard entryIndex < entry.count else { return entryIndex }
        if entry[entryIndex] == UInt8(ascii: ",") { return entryIndex + 1 }
        if relaxed, name.last == UInt8(ascii: "."), isASCIILetter(entry[entryIndex]) { return entryIndex }
        return nil
    }

    /// The addresses of an entry from `start`: each a prefix that is one of the `known`
    /// addresses of "Affiliations" (the longest), followed by a comma or the end; when none is,
    /// the rest is one address. Separating commas and spaces are left out.
    static func split(_ entry: [UInt8], from start: Int, known: [[UInt8]]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var index = start
        let end = entry.count
        while index < end {
            while index < end, entry[index] == UInt8(ascii: ",") || ScopusText.isSpace(entry[index]) { index += 1 }
            guard index < end else { break }
            var best = 0
            for address in known where address.count > best && index + address.count <= end {
                let after = index + address.count
                guard after == end || entry[after] == UInt8(ascii: ",") else { continue }
                if entry[index..<after].elementsEqual(address) { best = address.count }
            }
            if best > 0 {
                result.append(index..<(index + best))
                index += best
            } else {
                var high = end
                while high > index, entry[high - 1] == UInt8(ascii: ",") || ScopusText.isSpace(entry[high - 1]) {
                    high -= 1
                }
                result.append(index..<high)
                break
            }
        }
        return result
    }

    @inline(__always)
    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")
    }
}

/// The addresses of one record, each resolved once however many authors share it.
struct AddressCache {
    private var resolved: [String: ScopusAuthors.Address] = [:]

    /// The institution and country of `address`; a `.unrecognisedCountry` warning the first time
    /// an address names no country the table knows.
    mutating func resolve(_ address: String, warnings: inout [RecordWarning]) -> ScopusAuthors.Address {
        if let known = resolved[address] { return known }
        let outcome = AddressCountry.country(ofAddress: address)
        let country = outcome.country
        if case .unrecognised(let segment) = outcome {
            warnings.append(
                RecordWarning(
                    .unrecognisedCountry,
                    "no country recognised in \"\(ScopusText.excerpt(address, limit: 160))\"", subject: segment))
        }
        let segments = address.utf8.split(separator: UInt8(ascii: ",")).compactMap { part -> String? in
            let segment = ScopusText.trimmed(Substring(part))
            return segment.isEmpty ? nil : String(segment)
        }
        var organisation = segments.first ?? ""
        if let chosen = InstitutionName.organisationSegment(in: segments), segments.indices.contains(chosen) {
            organisation = segments[chosen]
        }
        let result = ScopusAuthors.Address(
            institution: InstitutionName.institution(organisation: organisation, displayName: nil, country: country),
            country: country)
        resolved[address] = result
        return result
    }
}

import TechTrackerCore

/// One address of a record: `Org, Subunit, City, Country`, with the group of authors it is
/// given for when the export names one (`[Doe, Jane; Roe, Richard] Org, …`).
struct WoSAddress {
    /// The names in the address's author group, as written; `nil` when it has no group.
    var group: [Substring]?
    /// The address without its group.
    var text: Substring
}

/// The institutions of a record's authors, from its addresses (`C1`), or its reprint address
/// (`RP`) when it has no other, with the enhanced organisation names (`C3`) as display names.
///
/// Each institution's country is read by ``AddressCountry`` from the address's last segment and
/// never guessed: an address naming no country the table knows gives an institution without a
/// country and a warning.
enum WoSAddresses {
    /// The institutions of each author of `byline`, in byline order.
    static func institutions(
        of byline: WoSByline, fields: WoSRecordFields, warnings: inout [RecordWarning],
        keys: inout InstitutionKeyCache
    )
        -> [[Institution]]
    {
        var addresses: [WoSAddress] = []
        for values in fields.c1 {
            for value in values { parse(value, into: &addresses, warnings: &warnings) }
        }
        leaveOutCitedReferences(&addresses, warnings: &warnings)
        let authorCount = byline.names.count
        guard !addresses.isEmpty else {
            return reprintInstitutions(of: byline, fields: fields, warnings: &warnings, keys: &keys)
        }
        let institutions = resolve(
            addresses, enhancedNames: WoSFieldText.list(fields.c3), warnings: &warnings, keys: &keys)

        guard addresses.contains(where: { $0.group != nil }) else {
            // No author groups: every author has every address.
            var all: [Institution] = []
            for case let institution? in institutions { add(institution, to: &all) }
            if authorCount == 0 {
                warnings.append(RecordWarning(.unattributedAddress, "addresses but no authors (AU, AF)"))
            }
            return Array(repeating: all, count: authorCount)
        }

        var result = Array(repeating: [Institution](), count: authorCount)
        var isNamed = Array(repeating: false, count: authorCount)
        let index = byline.index()
        for (address, institution) in zip(addresses, institutions) {
            guard let group = address.group else {
                let quoted = WoSFieldText.excerpt(address.text)
                warnings.append(
                    RecordWarning(
                        .unattributedAddress, "address without an author group where the others have one: \"\(quoted)\""
                    ))
                continue
            }
            for name in group {
                guard let authors = index[WoSByline.key(name)] else {
                    let quoted = WoSFieldText.excerpt(address.text)
                    warnings.append(
                        RecordWarning(
                            .unattributedAddress,
                            "address group names \"\(name)\", who is not on the byline: \"\(quoted)\""))
                    continue
                }
                for author in authors {
                    isNamed[author] = true
                    if let institution { add(institution, to: &result[author]) }
                }
            }
        }
        for (author, named) in isNamed.enumerated() where !named {
            warnings.append(
                RecordWarning(.authorWithoutAddress, "\"\(byline.names[author])\" is named in no address group"))
        }
        return result
    }

    /// Adds `institution` to `list` unless it is there already.
    static func add(_ institution: Institution, to list: inout [Institution]) {
        if !list.contains(where: { $0.id == institution.id }) { list.append(institution) }
    }

    // MARK: - Reading the addresses

    /// Reads one `C1` value (one address in plain text, all of them in tab-delimited) into
    /// addresses.
    ///
    /// Addresses are separated by `;` outside square brackets (a group's names are also separated
    /// by `;`). A damaged custom export runs addresses together without a separator: a `[` in the
    /// middle of an address, or a country followed directly by the next organisation
    /// (`"Dublin, IrelandPavement Management Serv Ltd, Galway, Ireland"`); both are split, with
    /// one `damagedText` warning for the value.
    static func parse(_ value: String, into addresses: inout [WoSAddress], warnings: inout [RecordWarning]) {
        var ranTogether = false
        for piece in pieces(of: value[...], ranTogether: &ranTogether) {
            var group: [Substring]?
            var text = piece
            if piece.utf8.first == UInt8(ascii: "[") {
                guard let close = piece.utf8.firstIndex(of: UInt8(ascii: "]")) else {
                    warnings.append(
                        RecordWarning(
                            .unattributedAddress, "author group never closed: \"\(WoSFieldText.excerpt(piece))\""))
                    continue
                }
                let names = WoSFieldText.split(
                    piece[piece.utf8.index(after: piece.startIndex)..<close], on: UInt8(ascii: ";"))
                group = names.isEmpty ? nil : names
                text = WoSFieldText.trimmed(piece[piece.utf8.index(after: close)...])
                guard !text.isEmpty else {
                    warnings.append(
                        RecordWarning(
                            .unattributedAddress, "author group without an address: \"\(WoSFieldText.excerpt(piece))\"")
                    )
                    continue
                }
            }
            let parts = splitRunTogether(text)
            if parts.count > 1 { ranTogether = true }
            for (number, part) in parts.enumerated() {
                addresses.append(WoSAddress(group: number == 0 ? group : nil, text: part))
            }
        }
        if ranTogether {
            warnings.append(
                RecordWarning(.damagedText, "addresses run together without \"; \": \"\(WoSFieldText.excerpt(value))\"")
            )
        }
    }

    /// The addresses of a value, each with its group, trimmed: split at `;` outside brackets and
    /// before a `[` that does not start an address (which sets `ranTogether`).
    static func pieces(of value: Substring, ranTogether: inout Bool) -> [Substring] {
        var result: [Substring] = []
        let bytes = value.utf8
        var depth = 0
        var start = bytes.startIndex
        var index = start
        func close(at end: Substring.Index) {
            let piece = WoSFieldText.trimmed(value[start..<end])
            if !piece.isEmpty { result.append(piece) }
        }
        while index < bytes.endIndex {
            switch bytes[index] {
            case UInt8(ascii: "["):
                if depth == 0 {
                    let before = WoSFieldText.trimmed(value[start..<index])
                    if !before.isEmpty {
                        result.append(before)
                        ranTogether = true
                    }
                    start = index
                }
                depth += 1
            case UInt8(ascii: "]"):
                if depth > 0 { depth -= 1 }
            case UInt8(ascii: ";") where depth == 0:
                close(at: index)
                start = bytes.index(after: index)
            default:
                break
            }
            index = bytes.index(after: index)
        }
        close(at: bytes.endIndex)
        return result
    }

    /// `text` split where a country runs into the next organisation: after the first segment, at
    /// a capital that follows a letter or period without a space (`"IrelandPavement"`,
    /// `"USAUniv"`), when the text before it ends in a country ``AddressCountry`` recognises and
    /// the text after it has another segment. A name that merely contains a country is not split.
    static func splitRunTogether(_ text: Substring) -> [Substring] {
        let bytes = text.utf8
        var parts: [Substring] = []
        var partStart = bytes.startIndex
        var segmentStart = partStart
        var segment = 0
        var previous: UInt8 = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let next = bytes.index(after: index)
            if byte == UInt8(ascii: ",") {
                segment += 1
                segmentStart = next
            } else if segment > 0, index > segmentStart, WoSFieldText.isASCIIUpper(byte),
                WoSFieldText.isASCIILetter(previous) || previous == UInt8(ascii: ".")
            {
                let following = next < bytes.endIndex ? bytes[next] : 0
                if WoSFieldText.isASCIILower(previous) || WoSFieldText.isASCIILower(following),
                    bytes[next...].contains(UInt8(ascii: ",")),
                    AddressCountry.country(ofAddress: String(text[partStart..<index])).country != nil
                {
                    parts.append(WoSFieldText.trimmed(text[partStart..<index]))
                    partStart = index
                    segmentStart = index
                    segment = 0
                }
            }
            previous = byte
            index = next
        }
        parts.append(WoSFieldText.trimmed(text[partStart...]))
        return parts
    }

    /// Removes the cited references that a damaged plain-text export put among the addresses
    /// (its `CR` tag lost, the references became continuation lines of `C1`), with one warning.
    ///
    /// A reference reads `Author, Year, Source, Volume, Page`: an address without a group whose
    /// second segment is a year and whose last segment names no country is taken for one. Kept as
    /// addresses, each would give every author an institution named after a cited author.
    static func leaveOutCitedReferences(_ addresses: inout [WoSAddress], warnings: inout [RecordWarning]) {
        var first: Substring?
        var count = 0
        addresses.removeAll { address in
            guard address.group == nil, isCitedReference(address.text) else { return false }
            if first == nil { first = address.text }
            count += 1
            return true
        }
        if let first {
            warnings.append(
                RecordWarning(
                    .damagedText,
                    "\(count) cited reference\(count == 1 ? "" : "s") among the addresses (C1) left out, the first "
                        + "\"\(WoSFieldText.excerpt(first))\""))
        }
    }

    /// Whether an address is a cited reference: its second segment a year, its last no country.
    static func isCitedReference(_ text: Substring) -> Bool {
        let bytes = text.utf8
        guard let firstComma = bytes.firstIndex(of: UInt8(ascii: ",")) else { return false }
        let rest = text[bytes.index(after: firstComma)...]
        guard let secondComma = rest.utf8.firstIndex(of: UInt8(ascii: ",")),
            let year = WoSWorkMapper.fourDigitYear(WoSFieldText.trimmed(rest[..<secondComma])), year < 2100
        else { return false }
        return AddressCountry.country(ofAddress: String(text)).country == nil
    }

    // MARK: - Institutions

    /// The institution of each address (`nil` for one without an organisation), with a warning
    /// for each address whose country is not recognised.
    ///
    /// The enhanced organisation names are used as display names only when there are as many of
    /// them as distinct organisations (first segments, in order of first appearance) and no name
    /// is repeated: then they pair up in order. Web of Science lists an enhanced name per address
    /// and none for an organisation it does not know, so a repeated name (`"Cumhuriyet University;
    /// Cumhuriyet University"` for two addresses of one university and one of a company) means
    /// the two lists do not line up. The id is built from the address's organisation either way,
    /// so that it is the same in records with and without `C3`.
    static func resolve(
        _ addresses: [WoSAddress], enhancedNames: [Substring], warnings: inout [RecordWarning],
        keys cache: inout InstitutionKeyCache
    )
        -> [Institution?]
    {
        let organisations = addresses.map { organisation(of: $0.text) }
        var displayNames: [String: String] = [:]
        var keys: [String] = []
        if !enhancedNames.isEmpty {
            keys = organisations.map { cache.key(String($0)) }
            var distinct: [String] = []
            var seen: Set<String> = []
            for key in keys where !key.isEmpty && seen.insert(key).inserted { distinct.append(key) }
            let names = Set(enhancedNames.map { $0.lowercased() })
            if distinct.count == enhancedNames.count, names.count == enhancedNames.count {
                for (key, name) in zip(distinct, enhancedNames) { displayNames[key] = String(name) }
            }
        }
        var result: [Institution?] = []
        result.reserveCapacity(addresses.count)
        for (number, address) in addresses.enumerated() {
            let text = String(address.text)
            let outcome = AddressCountry.country(ofAddress: text)
            if case .unrecognised(let segment) = outcome {
                let detail =
                    segment.isEmpty
                    ? "no country in address \"\(WoSFieldText.excerpt(text))\""
                    : "unrecognised country \"\(segment)\" in address \"\(WoSFieldText.excerpt(text))\""
                warnings.append(RecordWarning(.unrecognisedCountry, detail, subject: segment))
            }
            let displayName = displayNames.isEmpty ? nil : displayNames[keys[number]]
            let institution = InstitutionName.institution(
                organisation: String(organisations[number]), displayName: displayName, country: outcome.country,
                keys: &cache)
            if institution == nil {
                warnings.append(
                    RecordWarning(
                        .unattributedAddress, "address without an organisation: \"\(WoSFieldText.excerpt(text))\""))
            }
            result.append(institution)
        }
        return result
    }

    /// The organisation of an address: its first comma-separated segment, trimmed of spaces and
    /// a final period.
    static func organisation(of text: Substring) -> Substring {
        let first = text.utf8.firstIndex(of: UInt8(ascii: ",")).map { text[..<$0] } ?? text
        var result = WoSFieldText.trimmed(first)
        while result.utf8.last == UInt8(ascii: ".") { result = WoSFieldText.trimmed(result.dropLast()) }
        return result
    }

    // MARK: - Reprint address

    /// Without `C1`: the corresponding authors named in `RP` get its address, the others none,
    /// with one warning for the record when any author is left without one.
    static func reprintInstitutions(
        of byline: WoSByline, fields: WoSRecordFields, warnings: inout [RecordWarning],
        keys: inout InstitutionKeyCache
    )
        -> [[Institution]]
    {
        let authorCount = byline.names.count
        var result = Array(repeating: [Institution](), count: authorCount)
        let entries = reprintAddresses(fields.rp)
        guard !entries.isEmpty else {
            if authorCount > 0 { warnings.append(RecordWarning(.authorWithoutAddress, "no addresses (C1)")) }
            return result
        }
        let institutions = resolve(entries, enhancedNames: [], warnings: &warnings, keys: &keys)
        let index = byline.index()
        for (entry, institution) in zip(entries, institutions) {
            for name in entry.group ?? [] {
                guard let authors = index[WoSByline.key(name)] else {
                    let quoted = WoSFieldText.excerpt(entry.text)
                    warnings.append(
                        RecordWarning(
                            .unattributedAddress,
                            "reprint address (RP) names \"\(name)\", who is not on the byline: \"\(quoted)\""))
                    continue
                }
                for author in authors {
                    if let institution { add(institution, to: &result[author]) }
                }
            }
        }
        let without = result.filter(\.isEmpty).count
        if without > 0 {
            warnings.append(
                RecordWarning(
                    .authorWithoutAddress,
                    "only a reprint address (RP), no addresses (C1): \(without) of \(authorCount) authors have "
                        + "no address"))
        }
        return result
    }

    /// The entries of `RP`: `Doe, J (corresponding author), Org, City, Country.` (`reprint
    /// author` in older exports), several separated by `;`, and several names before one marker
    /// (`Doe, J; Roe, R (corresponding author), …`) sharing its address.
    static func reprintAddresses(_ occurrences: [[String]]) -> [WoSAddress] {
        var result: [WoSAddress] = []
        var names: [Substring] = []
        for values in occurrences {
            for value in values {
                for chunk in WoSFieldText.split(value[...], on: UInt8(ascii: ";")) {
                    guard
                        let marker = chunk.firstRange(of: "(corresponding author)")
                            ?? chunk.firstRange(of: "(reprint author)")
                    else {
                        names.append(chunk)
                        continue
                    }
                    let name = WoSFieldText.trimmed(chunk[..<marker.lowerBound])
                    if !name.isEmpty { names.append(name) }
                    var text = chunk[marker.upperBound...]
                    while let first = text.utf8.first, first == UInt8(ascii: ",") || WoSFieldText.isSpace(first) {
                        text = text.dropFirst()
                    }
                    if !text.isEmpty { result.append(WoSAddress(group: names, text: text)) }
                    names = []
                }
            }
        }
        return result
    }
}

import TechTrackerCore

/// Turns one Web of Science record, as ``WoSPlainTextReader`` or ``WoSTabDelimitedReader`` read
/// it, into a `Work`.
///
/// The two layouts give the same work. Plain text puts each line of a field in its own value (one
/// author, address or cited reference per line; a long title or keyword list wrapped over several
/// lines), tab-delimited gives each field as one value with its lists joined by `"; "`. So text
/// fields (`TI`, `AB`, `DE`, `ID`, `WC`, `C3`) join their lines with a space before anything is
/// split, and list fields (`AU`, `AF`, `C1`, `CR`) split every value on the list separator, which
/// leaves a plain-text line whole.
///
/// A record is rejected only without an accession number (`UT`) or a publication year (`PY`, or
/// the year of the early-access date `EA`). Anything else that cannot be read or attributed is
/// left empty or unknown and reported as a warning; a country is never guessed.
public enum WoSWorkMapper {
    /// The work of `record`, or why it cannot be stored, with warnings.
    public static func map(_ record: WoSTaggedRecord) -> MappedRecord {
        var keys = InstitutionKeyCache()
        return map(record, keys: &keys)
    }

    /// `map(_:)` with the institution keys of a reader's cache (one per file or thread).
    public static func map(_ record: WoSTaggedRecord, keys: inout InstitutionKeyCache) -> MappedRecord {
        let fields = WoSRecordFields(record)
        guard let id = accessionID(WoSFieldText.firstText(fields.ut)) else {
            return .rejected("no accession number (UT)")
        }
        var warnings: [RecordWarning] = []
        let year: Int
        switch publicationYear(fields, warnings: &warnings) {
        case .success(let value): year = value
        case .failure(let rejection): return .rejected(rejection.reason, warnings: warnings)
        }

        var work = Work(id: id, source: .wos, publicationYear: year)
        work.doi = WoSFieldText.firstText(fields.di).flatMap { WorkMatchKey.doi($0) }
        work.title = WoSFieldText.firstText(fields.ti) ?? ""
        work.abstract = WoSFieldText.firstText(fields.ab) ?? ""
        work.keywords = keywords(WoSFieldText.list(fields.de) + WoSFieldText.list(fields.id))
        work.topics = keywords(WoSFieldText.list(fields.wc))
        work.language = WoSFieldText.firstText(fields.la).flatMap(ExportLanguage.code)
        if let documentType = WoSFieldText.firstText(fields.dt) {
            let mapped = ExportDocumentType.webOfScience(documentType)
            work.type = mapped.type
            work.isRetracted = mapped.isRetracted
        }
        if hasRetractedPrefix(work.title) { work.isRetracted = true }
        work.citedByCount = citationCount(fields, warnings: &warnings)
        work.updatedDate = WoSFieldText.firstText(fields.da) ?? ""
        work.referencedWorks = WoSReferences.referencedWorks(fields.cr)
        work.authorships = authorships(fields, warnings: &warnings, keys: &keys)
        return .stored(work, warnings: warnings)
    }

    /// The record id: `UT` as read (`WOS:000397201600008`, `MEDLINE:12345678`), or `WOS:` and
    /// the number when the accession number has no collection prefix; `nil` without a number.
    static func accessionID(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        let bytes = text.utf8
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
            let prefix = bytes[bytes.startIndex..<colon]
            let isCollection =
                !prefix.isEmpty && prefix.count <= 12
                && prefix.allSatisfy { WoSFieldText.isASCIILetter($0) || WoSFieldText.isASCIIDigit($0) }
            if isCollection { return bytes.index(after: colon) == bytes.endIndex ? nil : text }
        }
        return "WOS:" + text
    }

    /// Why a record cannot be stored.
    struct Rejection: Error {
        var reason: String
    }

    /// `PY`; without a readable one, the year of `EA` (`"JAN 2024"`, `"2024"`).
    static func publicationYear(
        _ fields: WoSRecordFields, warnings: inout [RecordWarning]
    )
        -> Result<Int, Rejection>
    {
        let written = WoSFieldText.firstText(fields.py)
        if let written, let year = fourDigitYear(written[...]) { return .success(year) }
        if let early = WoSFieldText.firstText(fields.ea), let year = earlyAccessYear(early) {
            if let written {
                warnings.append(
                    RecordWarning(
                        .unreadableField,
                        "publication year (PY) \"\(written)\" is not a year; the early-access year (EA) is used"))
            }
            return .success(year)
        }
        guard let written else { return .failure(Rejection(reason: "no publication year (PY)")) }
        return .failure(Rejection(reason: "unreadable publication year (PY) \"\(WoSFieldText.excerpt(written))\""))
    }

    /// The year of four ASCII digits, from 1000 on; `nil` for anything else.
    static func fourDigitYear(_ text: Substring) -> Int? {
        let bytes = text.utf8
        guard bytes.count == 4, bytes.first != UInt8(ascii: "0") else { return nil }
        var year = 0
        for byte in bytes {
            guard WoSFieldText.isASCIIDigit(byte) else { return nil }
            year = year * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return year
    }

    /// The year of an early-access date: its last word that is a four-digit year.
    static func earlyAccessYear(_ text: String) -> Int? {
        let words = text.split { $0 == " " || $0 == "-" || $0 == "/" || $0 == "," }
        for word in words.reversed() {
            if let year = fourDigitYear(word) { return year }
        }
        return nil
    }

    /// `TC`: 0 when absent or empty; 0 and a warning when it is not a count.
    static func citationCount(_ fields: WoSRecordFields, warnings: inout [RecordWarning]) -> Int {
        guard let text = WoSFieldText.firstText(fields.tc) else { return 0 }
        let bytes = text.utf8
        var count = 0
        var isCount = bytes.count <= 12
        for byte in bytes where isCount {
            if WoSFieldText.isASCIIDigit(byte) {
                count = count * 10 + Int(byte - UInt8(ascii: "0"))
            } else {
                isCount = false
            }
        }
        guard isCount else {
            warnings.append(
                RecordWarning(.unreadableField, "times cited (TC) \"\(WoSFieldText.excerpt(text))\" is not a count"))
            return 0
        }
        return count
    }

    /// Whether a title marks its work retracted (`"RETRACTED: …"`, in any case).
    static func hasRetractedPrefix(_ title: String) -> Bool {
        let prefix = "retracted:".utf8
        let head = title.utf8.prefix(prefix.count)
        guard head.count == prefix.count else { return false }
        return zip(head, prefix).allSatisfy { WoSFieldText.lowercased($0) == $1 }
    }

    /// `items` in order without the repeats, compared without case.
    static func keywords(_ items: [Substring]) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        result.reserveCapacity(items.count)
        for item in items where seen.insert(item.lowercased()).inserted {
            result.append(String(item))
        }
        return result
    }

    /// The byline (`AF`, else `AU`), each author with the institutions the addresses give them.
    static func authorships(
        _ fields: WoSRecordFields, warnings: inout [RecordWarning], keys: inout InstitutionKeyCache
    ) -> [Authorship] {
        let byline = WoSByline(fields)
        let institutions = WoSAddresses.institutions(of: byline, fields: fields, warnings: &warnings, keys: &keys)
        let count = byline.names.count
        var result: [Authorship] = []
        result.reserveCapacity(count)
        for (index, name) in byline.names.enumerated() {
            let position: AuthorPosition = index == 0 ? .first : (index == count - 1 ? .last : .middle)
            let affiliations = index < institutions.count ? institutions[index] : []
            result.append(Authorship(position: position, authorName: name, institutions: affiliations))
        }
        return result
    }
}

/// The fields of a record the mapper reads, each occurrence's values kept apart, gathered in one
/// pass over the record.
struct WoSRecordFields {
    var ut: [[String]] = [], di: [[String]] = [], ti: [[String]] = [], ab: [[String]] = []
    var de: [[String]] = [], id: [[String]] = [], wc: [[String]] = [], la: [[String]] = []
    var py: [[String]] = [], ea: [[String]] = [], dt: [[String]] = [], tc: [[String]] = []
    var da: [[String]] = [], cr: [[String]] = [], au: [[String]] = [], af: [[String]] = []
    var c1: [[String]] = [], c3: [[String]] = [], rp: [[String]] = []

    init(_ record: WoSTaggedRecord) {
        for field in record.fields {
            switch field.tag {
            case "UT": ut.append(field.values)
            case "DI": di.append(field.values)
            case "TI": ti.append(field.values)
            case "AB": ab.append(field.values)
            case "DE": de.append(field.values)
            case "ID": id.append(field.values)
            case "WC": wc.append(field.values)
            case "LA": la.append(field.values)
            case "PY": py.append(field.values)
            case "EA": ea.append(field.values)
            case "DT": dt.append(field.values)
            case "TC": tc.append(field.values)
            case "DA": da.append(field.values)
            case "CR": cr.append(field.values)
            case "AU": au.append(field.values)
            case "AF": af.append(field.values)
            case "C1": c1.append(field.values)
            case "C3": c3.append(field.values)
            case "RP": rp.append(field.values)
            default: break
            }
        }
    }
}

/// The authors of a record in byline order, and how address groups and reprint addresses name them.
struct WoSByline {
    /// The full names (`AF`) when the record has them, else the short ones (`AU`).
    var names: [String]
    /// The short names (`AU`) when `AF` gives the byline and the two lists match, else empty:
    /// a reprint address names authors this way.
    var shortNames: [Substring]

    init(_ fields: WoSRecordFields) {
        let full = WoSFieldText.names(fields.af)
        let short = WoSFieldText.names(fields.au)
        names = (full.isEmpty ? short : full).map { String($0) }
        shortNames = !full.isEmpty && full.count == short.count ? short : []
    }

    /// The authors each spelling of a name in ``key(_:)`` form names (two when two authors share
    /// it): the byline name, and the short name when there is one. Built only for a record whose
    /// addresses name authors.
    func index() -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        result.reserveCapacity(names.count * 2)
        for (author, name) in names.enumerated() {
            let key = Self.key(name[...])
            result[key, default: []].append(author)
            if author < shortNames.count {
                let short = Self.key(shortNames[author])
                if short != key { result[short, default: []].append(author) }
            }
        }
        return result
    }

    /// The comparable form of a name: lower case, runs of spaces one space, accents folded.
    static func key(_ name: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        for byte in name.utf8 {
            guard byte < 0x80 else { return foldedKey(name) }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace { bytes.append(UInt8(ascii: " ")) }
            pendingSpace = false
            bytes.append(WoSFieldText.lowercased(byte))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ``key(_:)`` of a name that is not all ASCII.
    static func foldedKey(_ name: Substring) -> String {
        let folded = WoSFieldText.foldingAccents(name.lowercased())
        return folded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

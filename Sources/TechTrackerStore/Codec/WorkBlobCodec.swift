public import TechTrackerCore

/// The packed forms of a work's list columns. Format version 1:
/// - authorships: version byte, count, then per authorship: position byte, author id, author
///   name, institution count, per institution (id, country as 2 bytes, 0 = unknown), country
///   count, countries (2 bytes each). Institution names, ROR ids and types live once in the
///   `institution` table, not in every work.
/// - referenced works, list form: count, then ids; numbered form, for lists of OpenAlex ids
///   only (`W` and digits, no leading zero): 0x00, format byte 1, count, then each id's number
///   as the zigzag varint of its difference from the previous one. A list-form blob that starts
///   with 0x00 is the empty list, one byte long, so the two never meet.
/// - counts by year: count, then (year, citations) varint pairs.
public enum WorkBlobCodec {
    static let authorshipsFormat: UInt8 = 1

    /// Packs authorships (institution details other than id and country are not kept here).
    public static func encodeAuthorships(_ authorships: [Authorship]) -> [UInt8] {
        var writer = ByteWriter(reservingCapacity: 32 + authorships.count * 48)
        writer.writeByte(authorshipsFormat)
        writer.writeVarint(authorships.count)
        for authorship in authorships {
            writer.writeByte(authorship.position.rawValue)
            writer.writeString(authorship.authorID ?? "")
            writer.writeString(authorship.authorName)
            writer.writeVarint(authorship.institutions.count)
            for institution in authorship.institutions {
                writer.writeString(institution.id)
                writer.writeUInt16(institution.country?.rawValue ?? 0)
            }
            writer.writeVarint(authorship.countries.count)
            for country in authorship.countries { writer.writeUInt16(country.rawValue) }
        }
        return writer.bytes
    }

    /// Unpacks authorships; institutions come back with id and country only.
    public static func decodeAuthorships(_ bytes: [UInt8]) throws -> [Authorship] {
        var reader = ByteReader(bytes, column: "authorships")
        let format = try reader.readByte()
        guard format == authorshipsFormat else {
            throw StoreError.corruptBlob(column: "authorships", detail: "unknown format \(format)")
        }
        let count = try reader.readCount(minimumBytesEach: 5)
        var result: [Authorship] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            let position = AuthorPosition(rawValue: try reader.readByte()) ?? .middle
            let authorID = try reader.readString()
            let name = try reader.readString()
            let institutionCount = try reader.readCount(minimumBytesEach: 3)
            var institutions: [Institution] = []
            institutions.reserveCapacity(institutionCount)
            for _ in 0..<institutionCount {
                let id = try reader.readString()
                let country = CountryCode(rawValue: try reader.readUInt16())
                institutions.append(Institution(id: id, country: country))
            }
            let countryCount = try reader.readCount(minimumBytesEach: 2)
            var countries: [CountryCode] = []
            countries.reserveCapacity(countryCount)
            for _ in 0..<countryCount {
                if let country = CountryCode(rawValue: try reader.readUInt16()) { countries.append(country) }
            }
            result.append(
                Authorship(
                    position: position, authorID: authorID.isEmpty ? nil : authorID,
                    authorName: name, institutions: institutions, countries: countries))
        }
        return result
    }

    static let numberedReferencesFormat: UInt8 = 1

    /// Packs a list of work ids: in the numbered form when every id is an OpenAlex work id
    /// (about 4 bytes an id instead of 12), else in the list form.
    public static func encodeReferences(_ ids: [String]) -> [UInt8] {
        if !ids.isEmpty, let numbered = encodeNumberedReferences(ids) { return numbered }
        return encodeReferenceList(ids)
    }

    /// The list form: count, then each id as a string.
    static func encodeReferenceList(_ ids: [String]) -> [UInt8] {
        var writer = ByteWriter(reservingCapacity: 4 + ids.count * 12)
        writer.writeVarint(ids.count)
        for id in ids { writer.writeString(id) }
        return writer.bytes
    }

    /// The numbered form, or `nil` when an id is not `W` and a number written without a
    /// leading zero (only those come back from their number exactly).
    static func encodeNumberedReferences(_ ids: [String]) -> [UInt8]? {
        var writer = ByteWriter(reservingCapacity: 4 + ids.count * 5)
        writer.writeByte(0)
        writer.writeByte(numberedReferencesFormat)
        writer.writeVarint(ids.count)
        var previous: Int64 = 0
        for id in ids {
            guard let number = workNumber(id) else { return nil }
            let delta = number &- previous
            writer.writeVarint(UInt64(bitPattern: (delta << 1) ^ (delta >> 63)))
            previous = number
        }
        return writer.bytes
    }

    /// The number of `W` + digits (1-18 digits, no leading zero), else `nil`.
    static func workNumber(_ id: String) -> Int64? {
        var utf8 = id.utf8.makeIterator()
        guard utf8.next() == UInt8(ascii: "W") else { return nil }
        var value: Int64 = 0
        var digits = 0
        while let byte = utf8.next() {
            guard byte >= 0x30 && byte <= 0x39, digits < 18, !(digits == 0 && byte == 0x30) else { return nil }
            value = value * 10 + Int64(byte - 0x30)
            digits += 1
        }
        return digits > 0 ? value : nil
    }

    /// The numbers of a list in the numbered form (`W2741809807` → 2741809807), without making
    /// the ids: the analysis looks works up by number. `nil` for a list in the list form.
    public static func decodeReferenceNumbers(_ bytes: [UInt8]) throws -> [UInt64]? {
        guard bytes.count > 1 && bytes[0] == 0 else { return nil }
        var numbers: [UInt64] = []
        try forEachReferenceNumber(bytes) { numbers.append(UInt64($0)) }
        return numbers
    }

    /// Calls `body` with each number of a numbered-form list, in order.
    private static func forEachReferenceNumber(_ bytes: [UInt8], _ body: (Int64) -> Void) throws {
        var reader = ByteReader(bytes, column: "referenced_works")
        _ = try reader.readByte()
        let format = try reader.readByte()
        guard format == numberedReferencesFormat else {
            throw StoreError.corruptBlob(column: "referenced_works", detail: "unknown format \(format)")
        }
        let count = try reader.readCount(minimumBytesEach: 1)
        var previous: Int64 = 0
        for _ in 0..<count {
            let zigzag = try reader.readVarint()
            let delta = Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)
            let (number, overflow) = previous.addingReportingOverflow(delta)
            guard !overflow, number > 0 else {
                throw StoreError.corruptBlob(column: "referenced_works", detail: "a work number out of range")
            }
            body(number)
            previous = number
        }
    }

    /// Unpacks a list of work ids (either form).
    public static func decodeReferences(_ bytes: [UInt8]) throws -> [String] {
        var reader = ByteReader(bytes, column: "referenced_works")
        if bytes.count > 1 && bytes[0] == 0 {
            var ids: [String] = []
            try forEachReferenceNumber(bytes) { ids.append("W\($0)") }
            return ids
        }
        let count = try reader.readCount(minimumBytesEach: 1)
        var ids: [String] = []
        ids.reserveCapacity(count)
        for _ in 0..<count { ids.append(try reader.readString()) }
        return ids
    }

    /// Packs citations per year.
    public static func encodeCountsByYear(_ counts: [YearCount]) -> [UInt8] {
        var writer = ByteWriter(reservingCapacity: 2 + counts.count * 4)
        writer.writeVarint(counts.count)
        for entry in counts {
            writer.writeVarint(entry.year)
            writer.writeVarint(entry.count)
        }
        return writer.bytes
    }

    /// Unpacks citations per year.
    public static func decodeCountsByYear(_ bytes: [UInt8]) throws -> [YearCount] {
        var reader = ByteReader(bytes, column: "counts_by_year")
        let count = try reader.readCount(minimumBytesEach: 2)
        var result: [YearCount] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            let year = try reader.readInt()
            let citations = try reader.readInt()
            result.append(YearCount(year: year, count: citations))
        }
        return result
    }
}

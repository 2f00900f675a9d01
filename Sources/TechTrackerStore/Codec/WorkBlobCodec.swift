public import TechTrackerCore

/// The packed forms of a work's list columns. Format version 1:
/// - authorships: version byte, count, then per authorship: position byte, author id, author
///   name, institution count, per institution (id, country as 2 bytes, 0 = unknown), country
///   count, countries (2 bytes each). Institution names, ROR ids and types live once in the
///   `institution` table, not in every work.
/// - referenced works: count, then ids.
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

    /// Packs a list of work ids.
    public static func encodeReferences(_ ids: [String]) -> [UInt8] {
        var writer = ByteWriter(reservingCapacity: 4 + ids.count * 12)
        writer.writeVarint(ids.count)
        for id in ids { writer.writeString(id) }
        return writer.bytes
    }

    /// Unpacks a list of work ids.
    public static func decodeReferences(_ bytes: [UInt8]) throws -> [String] {
        var reader = ByteReader(bytes, column: "referenced_works")
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

import GRDB
import TechTrackerCore

/// The columns of a stored work that corpus statistics and counting need (no text).
public struct StoredWorkSummary: Sendable {
    /// Publication year, when known.
    public var publicationYear: Int?
    /// Work type (`article`, `review`, …).
    public var type: String
    /// Where the record came from.
    public var source: WorkSource
    /// Whether the work is retracted.
    public var isRetracted: Bool
    /// Citations received.
    public var citedByCount: Int
    /// Authorships (institutions with id and country only).
    public var authorships: [Authorship]
}

extension StoredWorkSummary {
    /// Reads `publication_year, type, source, is_retracted, cited_by_count, authorships`.
    init(row: Row) throws {
        self.init(publicationYear: row[0], type: row[1], source: WorkSource(rawValue: row[2]) ?? .openalex,
                  isRetracted: row[3], citedByCount: row[4],
                  authorships: try WorkBlobCodec.decodeAuthorships((row[5] as DatabaseValue).storage.blobBytes))
    }
}

extension WorkStore {
    /// Calls `body` for every stored work, in storage order, without loading text columns.
    public func forEachWorkSummary(_ body: (StoredWorkSummary) throws -> Void) throws {
        try database.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT publication_year, type, source, is_retracted, cited_by_count, authorships FROM work ORDER BY id
                """)
            while let row = try rows.next() {
                try body(try StoredWorkSummary(row: row))
            }
        }
    }

    /// The whole stored work with this source id, or `nil`. Institutions carry their names
    /// from the `institution` table.
    public func work(id: String) throws -> Work? {
        try database.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM work WHERE source_id = ?", arguments: [id]) else { return nil }
            let institutions = try Self.institutions(db)
            var authorships = try WorkBlobCodec.decodeAuthorships((row["authorships"] as DatabaseValue).storage.blobBytes)
            for index in authorships.indices {
                // Names, ROR ids and types come from the table; the country stays the one this
                // record gave (an institution's country can differ between records).
                authorships[index].institutions = authorships[index].institutions.map { stored in
                    guard var named = institutions[stored.id] else { return stored }
                    named.country = stored.country
                    return named
                }
            }
            let keywords: String = row["keywords"]
            let topics: String = row["topics"]
            return Work(
                id: row["source_id"], source: WorkSource(rawValue: row["source"]) ?? .openalex,
                doi: row["doi"], title: row["title"], abstract: row["abstract"],
                keywords: keywords.isEmpty ? [] : keywords.components(separatedBy: "\n"),
                topics: topics.isEmpty ? [] : topics.components(separatedBy: "\n"),
                publicationYear: row["publication_year"], type: row["type"], language: row["language"],
                isRetracted: row["is_retracted"], citedByCount: row["cited_by_count"],
                countsByYear: try WorkBlobCodec.decodeCountsByYear((row["counts_by_year"] as DatabaseValue).storage.blobBytes),
                referencedWorks: try WorkBlobCodec.decodeReferences((row["referenced_works"] as DatabaseValue).storage.blobBytes),
                updatedDate: row["updated_date"], authorships: authorships)
        }
    }

    /// Every stored institution by id.
    public func institutions() throws -> [String: Institution] {
        try database.read { db in try Self.institutions(db) }
    }

    private static func institutions(_ db: Database) throws -> [String: Institution] {
        var result: [String: Institution] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name, ror, country_code, type FROM institution") {
            let country: String? = row[3]
            let institution = Institution(id: row[0], name: row[1], ror: row[2],
                                          country: country.flatMap { CountryCode($0) }, type: row[4])
            result[institution.id] = institution
        }
        return result
    }
}

private extension DatabaseValue.Storage {
    /// The bytes of a BLOB (or of TEXT); empty for anything else.
    var blobBytes: [UInt8] {
        switch self {
        case .blob(let data): [UInt8](data)
        case .string(let text): Array(text.utf8)
        default: []
        }
    }
}

extension WorkStore {
    /// Summaries of the given works (row ids), in the order given; missing ids are skipped.
    public func workSummaries(rowIDs: [Int64]) throws -> [StoredWorkSummary] {
        try database.read { db in
            let statement = try db.makeStatement(sql: """
                SELECT publication_year, type, source, is_retracted, cited_by_count, authorships FROM work WHERE id = ?
                """)
            return try rowIDs.compactMap { rowID in
                guard let row = try Row.fetchOne(statement, arguments: [rowID]) else { return nil }
                return try StoredWorkSummary(row: row)
            }
        }
    }
}

extension WorkStore {
    /// The first and last publication years stored, if any work has one.
    public func publicationYearRange() throws -> ClosedRange<Int>? {
        try database.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT MIN(publication_year), MAX(publication_year) FROM work"),
                  let first: Int = row[0], let last: Int = row[1] else { return nil }
            return first...last
        }
    }
}

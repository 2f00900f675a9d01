import GRDB
public import TechTrackerCore

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
    /// The columns `init(statement:)` reads, in its order.
    static let columns = "publication_year, type, source, is_retracted, cited_by_count, authorships"

    /// Reads the `columns` of the current row, with the treatments of `StoredValueIssues`.
    init(statement: RawStatement, issues: inout StoredValueIssues) {
        self.init(
            publicationYear: statement.publicationYear(0, &issues), type: statement.requiredText(1, &issues),
            source: WorkSource(rawValue: statement.requiredText(2, &issues)) ?? .openalex,
            isRetracted: statement.flag(3, &issues), citedByCount: statement.citationCount(4, &issues),
            authorships: statement.packedList(5, &issues, WorkBlobCodec.decodeAuthorships))
    }
}

extension WorkStore {
    /// Calls `body` for every stored work, in storage order, without loading text columns.
    /// Unusable values are read as `StoredValueIssues` says and reported once at the end.
    public func forEachWorkSummary(_ body: (StoredWorkSummary) throws -> Void) throws {
        var issues = StoredValueIssues()
        defer { report(issues, reading: "work summaries") }
        try database.read { db in
            let statement = try RawStatement(
                db, sql: "SELECT \(StoredWorkSummary.columns) FROM work WHERE duplicate_of IS NULL ORDER BY id")
            while try statement.nextRow(db) {
                try body(StoredWorkSummary(statement: statement, issues: &issues))
            }
        }
    }

    /// The whole stored work with this source id, or `nil`. Institutions carry their names
    /// from the `institution` table. Unusable values are read as `StoredValueIssues` says.
    public func work(id: String) throws -> Work? {
        var issues = StoredValueIssues()
        defer { report(issues, reading: "work \(id)") }
        return try database.read { db in
            let statement = try RawStatement(
                db,
                sql: """
                    SELECT source_id, source, doi, title, abstract, keywords, topics, publication_year, type, language,
                        is_retracted, cited_by_count, counts_by_year, referenced_works, authorships, updated_date
                    FROM work WHERE source_id = ?1
                    """)
            statement.bind(1, id)
            guard try statement.nextRow(db) else { return nil }
            var authorships = statement.packedList(14, &issues, WorkBlobCodec.decodeAuthorships)
            let work = Work(
                id: statement.requiredText(0, &issues),
                source: WorkSource(rawValue: statement.requiredText(1, &issues)) ?? .openalex,
                doi: statement.optionalText(2), title: statement.requiredText(3, &issues),
                abstract: statement.requiredText(4, &issues),
                keywords: statement.requiredLines(5, &issues), topics: statement.requiredLines(6, &issues),
                publicationYear: statement.publicationYear(7, &issues), type: statement.requiredText(8, &issues),
                language: statement.optionalText(9), isRetracted: statement.flag(10, &issues),
                citedByCount: statement.citationCount(11, &issues),
                countsByYear: statement.packedList(12, &issues, WorkBlobCodec.decodeCountsByYear),
                referencedWorks: statement.packedList(13, &issues, WorkBlobCodec.decodeReferences),
                updatedDate: statement.requiredText(15, &issues), authorships: [])
            statement.reset()
            let institutions = try Self.institutions(db, &issues)
            for index in authorships.indices {
                // Names, ROR ids and types come from the table; the country stays the one this
                // record gave (an institution's country can differ between records).
                authorships[index].institutions = authorships[index].institutions.map { stored in
                    guard var named = institutions[stored.id] else { return stored }
                    named.country = stored.country
                    return named
                }
            }
            var result = work
            result.authorships = authorships
            return result
        }
    }

    /// Every stored institution by id. A row without an id is skipped, a missing name reads
    /// as "" (both counted).
    public func institutions() throws -> [String: Institution] {
        var issues = StoredValueIssues()
        defer { report(issues, reading: "institutions") }
        return try database.read { db in try Self.institutions(db, &issues) }
    }

    private static func institutions(_ db: Database, _ issues: inout StoredValueIssues) throws -> [String: Institution]
    {
        var result: [String: Institution] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name, ror, country_code, type FROM institution") {
            guard let id = StoredValue.text(row, 0) else {
                issues.note(.skippedRow)
                continue
            }
            let institution = Institution(
                id: id, name: StoredValue.requiredText(row, 1, &issues), ror: StoredValue.text(row, 2),
                country: StoredValue.text(row, 3).flatMap { CountryCode($0) },
                type: StoredValue.text(row, 4))
            result[institution.id] = institution
        }
        return result
    }
}

extension WorkStore {
    /// Summaries of the given works (row ids), in the order given; missing ids are skipped.
    public func workSummaries(rowIDs: [Int64]) throws -> [StoredWorkSummary] {
        var issues = StoredValueIssues()
        defer { report(issues, reading: "work summaries") }
        return try database.read { db in
            let statement = try RawStatement(db, sql: "SELECT \(StoredWorkSummary.columns) FROM work WHERE id = ?1")
            var result: [StoredWorkSummary] = []
            for rowID in rowIDs {
                statement.reset()
                statement.bind(1, Int(rowID))
                if try statement.nextRow(db) { result.append(StoredWorkSummary(statement: statement, issues: &issues)) }
            }
            statement.reset()
            return result
        }
    }
}

extension WorkStore {
    /// The first and last plausible publication years stored (`plausiblePublicationYears`),
    /// if any work has one. Other values are left out, as every reader of works reads them
    /// as unknown: one stray year 9999 must not stretch classify's windows over millennia.
    public func publicationYearRange() throws -> ClosedRange<Int>? {
        try database.read { db in
            let years = Self.plausiblePublicationYears
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT MIN(publication_year), MAX(publication_year) FROM work
                        WHERE typeof(publication_year) = 'integer' AND publication_year BETWEEN ? AND ?
                        """, arguments: [years.lowerBound, years.upperBound]),
                let first = StoredValue.integer(row, 0), let last = StoredValue.integer(row, 1), first <= last
            else { return nil }
            return first...last
        }
    }
}

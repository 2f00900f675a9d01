import GRDB
import TechTrackerCore

/// One stored work as the analysis loads it: numbers, type, packed authorships and references.
public struct AnalysisRow: Sendable {
    /// The work's row id.
    public var rowID: Int64
    /// Publication year.
    public var publicationYear: Int?
    /// Work type.
    public var type: String
    /// Retracted or not.
    public var isRetracted: Bool
    /// Citations received.
    public var citedByCount: Int
    /// Authorships (institutions with id and country).
    public var authorships: [Authorship]
    /// Ids of the works it cites.
    public var referencedWorks: [String]
}

extension WorkStore {
    /// Every work's source id with its row id, in row order (to resolve references).
    public func sourceIDs() throws -> [(rowID: Int64, sourceID: String)] {
        try database.read { db in
            let statement = try RawStatement(db, sql: "SELECT id, source_id FROM work ORDER BY id")
            var result: [(Int64, String)] = []
            while try statement.nextRow(db) { result.append((Int64(statement.columnInt(0)), statement.columnText(1))) }
            return result
        }
    }

    /// Calls `body` for every work in row order with what the analysis needs.
    public func forEachAnalysisRow(_ body: (AnalysisRow) throws -> Void) throws {
        try database.read { db in
            let statement = try RawStatement(db, sql: """
                SELECT id, publication_year, type, is_retracted, cited_by_count, authorships, referenced_works FROM work ORDER BY id
                """)
            while try statement.nextRow(db) {
                try body(AnalysisRow(
                    rowID: Int64(statement.columnInt(0)), publicationYear: statement.columnOptionalInt(1),
                    type: statement.columnText(2), isRetracted: statement.columnInt(3) != 0,
                    citedByCount: statement.columnInt(4),
                    authorships: try WorkBlobCodec.decodeAuthorships(statement.columnBlob(5)),
                    referencedWorks: try WorkBlobCodec.decodeReferences(statement.columnBlob(6))))
            }
        }
    }

    /// Every membership as (technology, work row id), ordered by technology then work.
    public func memberships() throws -> [(technology: String, rowID: Int64)] {
        try database.read { db in
            let statement = try RawStatement(db, sql: "SELECT technology, work FROM membership ORDER BY technology, work")
            var result: [(String, Int64)] = []
            while try statement.nextRow(db) { result.append((statement.columnText(0), Int64(statement.columnInt(1)))) }
            return result
        }
    }
}

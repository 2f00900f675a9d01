import GRDB
import GRDBSQLite
public import TechTrackerCore

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
    /// Ids of the works it cites, when stored in the list form (WoS and Scopus references,
    /// stores written before the numbered form); empty otherwise.
    public var referencedWorks: [String]
    /// The numbers of the OpenAlex works it cites (`W2741809807` → 2741809807), when stored in
    /// the numbered form: the analysis looks works up by number without making their ids.
    public var referencedWorkNumbers: [UInt64] = []
}

/// A work's identities: its row, its source id, and the row it is a duplicate of.
public struct WorkIdentity: Sendable, Equatable {
    /// The store's row id.
    public var rowID: Int64
    /// The source's id as read (`W2741809807`, `WOS:000397201600008`, `2-s2.0-85012345678`).
    public var sourceID: String
    /// The row of the record that stands for this paper, when this record is a duplicate.
    public var duplicateOf: Int64?
    /// The DOI in comparable form, when read and known.
    public var doi: String?
}

extension WorkStore {
    /// Every work's source id with its row id, in row order (to resolve references), the works
    /// that are duplicates of another (`duplicate_of`, `DuplicateResolution`) included. A NULL
    /// id (possible only in a table another tool made) reads as "" and is counted.
    public func sourceIDs() throws -> [(rowID: Int64, sourceID: String)] {
        try workIdentities(includingDOIs: false).map { ($0.rowID, $0.sourceID) }
    }

    /// Every work's identities in row order: row id, source id, the row it is a duplicate of
    /// (`nil` for the record that stands for its paper), and, when `includingDOIs`, its DOI in
    /// `WorkMatchKey.doi` form (references read from Web of Science and Scopus cite by DOI).
    public func workIdentities(includingDOIs: Bool) throws -> [WorkIdentity] {
        var issues = StoredValueIssues()
        defer { report(issues, reading: "work ids") }
        return try database.read { db in
            let doi = includingDOIs ? "doi" : "NULL"
            let statement = try RawStatement(
                db, sql: "SELECT id, source_id, duplicate_of, \(doi) FROM work ORDER BY id")
            var result: [WorkIdentity] = []
            while try statement.nextRow(db) {
                let duplicateOf = statement.columnType(2) == SQLITE_INTEGER ? Int64(statement.columnInt(2)) : nil
                result.append(
                    WorkIdentity(
                        rowID: Int64(statement.columnInt(0)), sourceID: statement.requiredText(1, &issues),
                        duplicateOf: duplicateOf, doi: statement.optionalText(3).flatMap(WorkMatchKey.doi)))
            }
            return result
        }
    }

    /// Calls `body` for every work that stands for its paper (not a duplicate of another), in
    /// row order, with what the analysis needs.
    ///
    /// Never traps on what the store holds and never skips a work (the analysis matches these
    /// rows to the non-duplicate `workIdentities` by position): a year outside 1800…2200 reads as unknown, a
    /// negative or missing citation count as 0, a missing type as "", authorships or
    /// references that do not decode as none; each is counted (`StoredValueIssues`) and
    /// reported in one warning at the end.
    public func forEachAnalysisRow(_ body: (AnalysisRow) throws -> Void) throws {
        var issues = StoredValueIssues()
        defer { report(issues, reading: "works for the analysis") }
        try database.read { db in
            let statement = try RawStatement(
                db,
                sql: """
                    SELECT id, publication_year, type, is_retracted, cited_by_count, authorships, referenced_works \
                    FROM work WHERE duplicate_of IS NULL ORDER BY id
                    """)
            while try statement.nextRow(db) {
                var row = AnalysisRow(
                    rowID: Int64(statement.columnInt(0)), publicationYear: statement.publicationYear(1, &issues),
                    type: statement.requiredText(2, &issues), isRetracted: statement.flag(3, &issues),
                    citedByCount: statement.citationCount(4, &issues),
                    authorships: statement.packedList(5, &issues, WorkBlobCodec.decodeAuthorships),
                    referencedWorks: [])
                if statement.columnType(6) == SQLITE_BLOB,
                    let numbers = try? WorkBlobCodec.decodeReferenceNumbers(statement.columnBlob(6))
                {
                    row.referencedWorkNumbers = numbers
                } else {
                    row.referencedWorks = statement.packedList(6, &issues, WorkBlobCodec.decodeReferences)
                }
                try body(row)
            }
        }
    }

    /// Every membership as (technology, work row id), ordered by technology then work. A
    /// membership without a technology or an integer work id is skipped and counted.
    public func memberships() throws -> [(technology: String, rowID: Int64)] {
        var issues = StoredValueIssues()
        defer { report(issues, reading: "memberships") }
        return try database.read { db in
            let statement = try RawStatement(
                db, sql: "SELECT technology, work FROM membership ORDER BY technology, work")
            var result: [(String, Int64)] = []
            while try statement.nextRow(db) {
                guard let technology = statement.optionalText(0), statement.columnType(1) == SQLITE_INTEGER else {
                    issues.note(.skippedRow)
                    continue
                }
                result.append((technology, Int64(statement.columnInt(1))))
            }
            return result
        }
    }
}

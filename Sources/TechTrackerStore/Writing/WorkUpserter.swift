import GRDB
import TechTrackerCore

/// Writes works into the store by id so that what is stored does not depend on the order the
/// records arrive in: for each id the store keeps the record with the newest `updated_date`,
/// and between records of the same date the one with the larger content hash
/// (`WorkRow.contentHash`, a 64-bit hash of the stored columns).
///
/// A new id is inserted (`new`); a newer record replaces the stored one (`updated`); an older
/// one, or one with the same date and the same content, leaves it (`unchanged`); one with the
/// same date but other content is `conflicting`, whichever of the two wins (the stored row is
/// replaced when the incoming hash is larger). The institutions of every record, whatever its
/// outcome, are offered to `InstitutionTable`, which keeps the best values per institution.
///
/// One per ingest (`IngestSession`), used on the writer's thread inside a transaction. A new
/// id costs one statement; a stored id one indexed lookup (date and hash together) and at most
/// one row write. Rows stored before `content_hash` existed hold NULL there; when a same-date
/// record needs their hash it is computed from the stored columns and saved, so an old store
/// resolves conflicts exactly as a new one.
final class WorkUpserter {
    private let db: Database
    private let lookup: RawStatement
    private let insert: RawStatement
    private let update: RawStatement
    private let storedColumns: RawStatement
    private let saveHash: RawStatement
    private let institutions: InstitutionTable

    /// Prepares the statements on `db` (call inside `DatabaseQueue.inDatabase`).
    init(_ db: Database) throws {
        self.db = db
        let columns = WorkRow.hashedColumns.map(\.name)
        lookup = try RawStatement(db, sql: "SELECT id, updated_date, content_hash FROM work WHERE source_id = ?1")
        // ?1…?15 are the stored columns in `hashedColumns` order, ?16 the source id, ?17 the hash.
        insert = try RawStatement(
            db,
            sql: """
                INSERT INTO work (\(columns.joined(separator: ", ")), source_id, content_hash)
                VALUES (\((1...17).map { "?\($0)" }.joined(separator: ", ")))
                ON CONFLICT(source_id) DO NOTHING
                """)
        update = try RawStatement(
            db,
            sql: """
                UPDATE work SET \(columns.enumerated().map { "\($1) = ?\($0 + 1)" }.joined(separator: ", ")),
                    content_hash = ?17
                WHERE id = ?16
                """)
        storedColumns = try RawStatement(db, sql: "SELECT \(columns.joined(separator: ", ")) FROM work WHERE id = ?1")
        saveHash = try RawStatement(db, sql: "UPDATE work SET content_hash = ?1 WHERE id = ?2")
        institutions = try InstitutionTable(db)
    }

    /// Inserts, replaces or leaves `work`, and says which.
    func upsert(_ work: Work) throws -> UpsertOutcome {
        try upsert(WorkRow(work))
    }

    /// Inserts, replaces or leaves a packed work, and says which.
    ///
    /// A new id costs one statement: the insert is tried first (`ON CONFLICT DO NOTHING`),
    /// and only an id already stored pays for the lookup of its date and hash.
    func upsert(_ row: WorkRow) throws -> UpsertOutcome {
        let outcome = try storeWork(row)
        // Every record is evidence for its institutions, even one that does not replace the
        // stored work: the institution rule is a maximum over all records seen.
        try institutions.offer(row.institutions, date: row.updatedDate)
        return outcome
    }

    private func storeWork(_ row: WorkRow) throws -> UpsertOutcome {
        insert.reset()
        bindColumns(of: row, to: insert)
        insert.bind(16, row.id)
        try insert.run(db)
        if db.changesCount > 0 { return .new }
        lookup.reset()
        lookup.bind(1, row.id)
        guard try lookup.nextRow(db) else { return .unchanged }
        let storedRowID = lookup.columnInt(0)
        let storedDate = lookup.columnText(1)
        let storedHash = lookup.columnHash(2)
        lookup.reset()
        // ISO dates and date-times compare correctly as text.
        let dateOrder = UTF8Order.compare(row.updatedDate, storedDate)
        if dateOrder < 0 { return .unchanged }
        if dateOrder > 0 {
            try replace(storedRowID, with: row)
            return .updated
        }
        let stored = try storedHash ?? hashAndSave(storedRowID)
        if stored == row.contentHash { return .unchanged }
        if row.contentHash > stored { try replace(storedRowID, with: row) }
        return .conflicting
    }

    private func replace(_ storedRowID: Int, with row: WorkRow) throws {
        update.reset()
        bindColumns(of: row, to: update)
        update.bind(16, storedRowID)
        try update.run(db)
    }

    /// The content hash of a row stored without one (by a version before `content_hash`),
    /// computed from its columns as `WorkRow` computes it, and saved so the next comparison
    /// is a lookup again.
    private func hashAndSave(_ storedRowID: Int) throws -> UInt64 {
        storedColumns.reset()
        storedColumns.bind(1, storedRowID)
        guard try storedColumns.nextRow(db) else {
            // The lookup just found it in this transaction: only a damaged file gets here.
            throw DatabaseError(
                resultCode: .SQLITE_CORRUPT, message: "work row \(storedRowID) vanished between two reads")
        }
        let hash = storedColumns.contentHashOfRow()
        storedColumns.reset()
        saveHash.reset()
        saveHash.bind(1, hash: hash)
        saveHash.bind(2, storedRowID)
        try saveHash.run(db)
        return hash
    }

    /// Binds ?1…?15 (`WorkRow.hashedColumns`) and ?17 (the content hash); ?16 is the
    /// caller's (the source id to insert, or the row id to update).
    private func bindColumns(of row: WorkRow, to statement: RawStatement) {
        statement.bind(1, row.source)
        statement.bind(2, row.doi)
        statement.bind(3, row.title)
        statement.bind(4, row.abstract)
        statement.bind(5, row.keywords)
        statement.bind(6, row.topics)
        statement.bind(7, row.publicationYear)
        statement.bind(8, row.type)
        statement.bind(9, row.language)
        statement.bind(10, row.isRetracted ? 1 : 0)
        statement.bind(11, row.citedByCount)
        statement.bind(12, blob: row.countsByYear)
        statement.bind(13, blob: row.referencedWorks)
        statement.bind(14, blob: row.authorships)
        statement.bind(15, row.updatedDate)
        statement.bind(17, hash: row.contentHash)
    }

    /// Call after a transaction in which this upserter wrote was rolled back: the institution
    /// rows it wrote are gone, so its in-memory best values are dropped and read again from
    /// the store on next use.
    func reloadInstitutionsAfterRollback() {
        institutions.forget()
    }
}

public import Foundation
import GRDB
import GRDBSQLite
public import TechTrackerCore

/// One patent-citation file's writes: its `patent_file` row, and batches of citations upserted
/// by (work, patent) in one IMMEDIATE transaction each.
///
/// A citation the store lacks is inserted (`new`); one it holds with other values is replaced
/// (`updated`: the file read last wins); one it holds with the same values is left
/// (`unchanged`); one whose pair this read already stored is a `duplicate` row (the first is
/// kept). Every batch brings the file's row up to date and, if it stored or replaced a
/// citation, advances the store's generation, in its own transaction: a kill keeps whole
/// batches, each described by the file's row.
///
/// Made by `WorkStore.ingestPatentFile` and valid only inside its body, on that thread.
public final class PatentFileSession {
    /// The file's `patent_file` row.
    public let fileID: Int64
    /// Everything committed so far for this file.
    public private(set) var counts = PatentFileCounts()
    /// The latest citation year seen so far (by the caller, in every valid row).
    public private(set) var latestYearSeen: Int?
    /// `--cutoff-year`, which overrides the latest year seen as the file's cut-off.
    public let cutoffOverride: Int?

    private let db: Database
    private let insert: RawStatement
    private let lookup: RawStatement
    private let touch: RawStatement
    private let touchUnchanged: RawStatement
    /// The outcomes of the last batch, to choose which statement to try first.
    private var lastOutcomes = PatentFileCounts()
    private let replace: RawStatement
    private let recordCounts: RawStatement
    private var isOpen = true

    init(_ db: Database, fileID: Int64, cutoffOverride: Int?) throws {
        self.db = db
        self.fileID = fileID
        self.cutoffOverride = cutoffOverride
        // ?1 work, ?2 patent, ?3…?8 the values, ?9 the file.
        insert = try RawStatement(
            db,
            sql: """
                INSERT INTO patent_citation (work_id, patent, confidence, reference_type, place, self_citation,
                    family, year, file_id)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING
                """)
        lookup = try RawStatement(
            db,
            sql: """
                SELECT confidence, reference_type, place, self_citation, family, year, file_id
                FROM patent_citation WHERE work_id = ?1 AND patent = ?2
                """)
        touch = try RawStatement(db, sql: "UPDATE patent_citation SET file_id = ?9 WHERE work_id = ?1 AND patent = ?2")
        // Marks a stored citation with the same values, not yet met in this read, in one lookup.
        touchUnchanged = try RawStatement(
            db,
            sql: """
                UPDATE patent_citation SET file_id = ?9
                WHERE work_id = ?1 AND patent = ?2 AND file_id IS NOT ?9 AND confidence IS ?3
                    AND reference_type IS ?4 AND place IS ?5 AND self_citation IS ?6 AND family IS ?7 AND year IS ?8
                """)
        replace = try RawStatement(
            db,
            sql: """
                UPDATE patent_citation SET confidence = ?3, reference_type = ?4, place = ?5, self_citation = ?6,
                    family = ?7, year = ?8, file_id = ?9
                WHERE work_id = ?1 AND patent = ?2
                """)
        recordCounts = try RawStatement(
            db,
            sql: """
                UPDATE patent_file SET rows_read = ?2, citations_new = ?3, citations_updated = ?4,
                    citations_unchanged = ?5, not_in_store = ?6, rows_rejected = ?7, duplicate_rows = ?8,
                    latest_year = ?9
                WHERE id = ?1
                """)
    }

    /// The file's cut-off as recorded: `--cutoff-year` when given, else the latest year seen.
    public var cutoffYear: Int? { cutoffOverride ?? latestYearSeen }

    /// Stores a batch in one IMMEDIATE transaction and returns its counts: `rows` (the batch's
    /// rows read, not in store, rejected, and duplicates already found) plus the outcome of
    /// each citation written. `latestYear` is the latest year the batch's rows gave. Citations
    /// are written in key order (sorted here unless the batch is already), the first of equal
    /// keys kept. If the batch fails it is rolled back whole and the error thrown; nothing is
    /// counted.
    @discardableResult
    public func write(
        _ citations: PatentCitationBatch, rows: PatentFileCounts, latestYear: Int?
    ) throws
        -> PatentFileCounts
    {
        precondition(isOpen, "a PatentFileSession is used only inside the body given to WorkStore.ingestPatentFile")
        var batch = rows
        var total = counts
        let year = [latestYearSeen, latestYear].compactMap { $0 }.max()
        // A file read again finds most of its citations stored: then the update that marks an
        // unchanged citation is tried first, else the insert of a new one (one lookup each in
        // the common case).
        let updateFirst = lastOutcomes.unchanged > lastOutcomes.new
        try db.inTransaction(.immediate) {
            try citations.forEachInKeyOrder { write, repeatsPrevious in
                if repeatsPrevious {
                    batch.duplicates += 1
                } else {
                    try store(write, updateFirst: updateFirst, into: &batch)
                }
            }
            total += batch
            try record(total, latestYear: cutoffOverride ?? year)
            if batch.new + batch.updated > 0 { try StoreGeneration.advance(db) }
            return .commit
        }
        counts = total
        latestYearSeen = year
        lastOutcomes = batch
        return batch
    }

    /// Inserts, replaces, touches or skips one citation, and counts which.
    private func store(_ write: PatentCitationWrite, updateFirst: Bool, into batch: inout PatentFileCounts) throws {
        if updateFirst {
            touchUnchanged.resetKeepingBindings()
            bindRow(write, touchUnchanged)
            try touchUnchanged.run(db)
            if changed {
                batch.unchanged += 1
                return
            }
        }
        insert.resetKeepingBindings()
        bindRow(write, insert)
        try insert.run(db)
        if changed {
            batch.new += 1
            return
        }
        lookup.reset()
        lookup.bind(1, Int(write.workRowID))
        lookup.bind(2, write.patent)
        guard try lookup.nextRow(db) else {
            // The insert just met this key in this transaction: only a damaged file gets here.
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "patent citation vanished between two reads")
        }
        let storedFile = lookup.columnOptionalInt(6)
        let same = lookup.holdsValues(of: write)
        lookup.reset()
        if storedFile == Int(fileID) {
            batch.duplicates += 1
        } else if same {
            // Marked as met in this read, so that a later repeat of the pair is seen as one.
            touch.reset()
            bindRow(write, touch)
            try touch.run(db)
            batch.unchanged += 1
        } else {
            replace.reset()
            bindRow(write, replace)
            try replace.run(db)
            batch.updated += 1
        }
    }

    /// Whether the last statement changed a row (`sqlite3_changes`, without GRDB's checks of
    /// the calling queue: this runs once or twice per citation).
    private var changed: Bool { sqlite3_changes(db.sqliteConnection) > 0 }

    /// Binds ?1…?9 (the unused ones of a statement are ignored by SQLite).
    private func bindRow(_ write: PatentCitationWrite, _ statement: RawStatement) {
        statement.bind(1, Int(write.workRowID))
        statement.bind(2, write.patent)
        statement.bind(3, write.confidence)
        statement.bind(4, write.referenceType?.rawValue)
        statement.bind(5, write.place?.rawValue)
        statement.bind(6, write.isSelfCitation.map { $0 ? 1 : 0 })
        statement.bind(7, write.family)
        statement.bind(8, write.year)
        statement.bind(9, Int(fileID))
    }

    /// Brings the file's row up to `counts`.
    private func record(_ counts: PatentFileCounts, latestYear: Int?) throws {
        recordCounts.reset()
        recordCounts.bind(1, Int(fileID))
        recordCounts.bind(2, counts.rowsRead)
        recordCounts.bind(3, counts.new)
        recordCounts.bind(4, counts.updated)
        recordCounts.bind(5, counts.unchanged)
        recordCounts.bind(6, counts.notInStore)
        recordCounts.bind(7, counts.rejected)
        recordCounts.bind(8, counts.duplicates)
        recordCounts.bind(9, latestYear)
        try recordCounts.run(db)
    }

    /// Makes the first batch try the update of an unchanged citation first.
    fileprivate func expectStoredCitations() {
        lastOutcomes.unchanged = 1
    }

    /// Records the end of the read (`finished_at`).
    func finish() throws {
        try db.execute(
            sql: "UPDATE patent_file SET finished_at = ? WHERE id = ?",
            arguments: [ISO8601DateFormatter().string(from: Date()), fileID])
    }

    /// Ends the session's use of the connection.
    fileprivate func close() {
        isOpen = false
    }
}

extension WorkStore {
    /// Reads one patent-citation file into the store: makes its `patent_file` row (name, path,
    /// size in bytes, layout, `startedAt`), calls `body` on this thread with the file's
    /// session, which writes the batches, then records the end of the read. `cutoffYear`
    /// (`--cutoff-year`) is recorded as the file's cut-off instead of the latest year its rows
    /// give. Returns what was committed.
    @discardableResult
    public func ingestPatentFile(
        name: String, path: String, size: Int64, layout: String, startedAt: Date, cutoffYear: Int?,
        _ body: (PatentFileSession) throws -> Void
    ) throws -> PatentFileCounts {
        try database.inDatabase { db in
            try db.execute(
                sql: """
                    INSERT INTO patent_file (name, path, size, layout, started_at, latest_year)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [name, path, size, layout, ISO8601DateFormatter().string(from: startedAt), cutoffYear])
            let fileID = db.lastInsertedRowID
            let session = try PatentFileSession(db, fileID: fileID, cutoffOverride: cutoffYear)
            // A file of this name read before most likely holds the same citations again: its
            // first batch tries the update of an unchanged citation first, as later ones will.
            let readBefore =
                try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM patent_file WHERE name = ? AND id <> ?)",
                    arguments: [name, fileID]) ?? false
            if readBefore { session.expectStoredCitations() }
            // The key from a citation to its work is declared (SQL tools and `integrityCheck` see
            // it) but not checked per citation: each check reads the work's row, a page of a
            // table of gigabytes in a real store, for a row the caller found in the store's own
            // works (`PatentWorkIndex`), and works are never deleted.
            let keysWereOn = try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? false
            if keysWereOn { try db.execute(sql: "PRAGMA foreign_keys = OFF") }
            defer {
                session.close()
                if keysWereOn { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            }
            try body(session)
            try session.finish()
            return session.counts
        }
    }
}

extension RawStatement {
    /// Resets the statement to run again, leaving its bindings (all of which the caller binds
    /// anew): `sqlite3_clear_bindings` costs a call per citation for nothing.
    func resetKeepingBindings() {
        sqlite3_reset(statement.sqliteStatement)
    }

    /// Whether the current row's `confidence`, `reference_type`, `place`, `self_citation`,
    /// `family` and `year` (columns 0…5) are `citation`'s. A value of another type than the
    /// store writes never matches, so a damaged row is rewritten.
    func holdsValues(of citation: PatentCitationWrite) -> Bool {
        func integer(_ column: Int32, _ value: Int?) -> Bool {
            guard let value else { return columnType(column) == SQLITE_NULL }
            return columnType(column) == SQLITE_INTEGER && columnInt(column) == value
        }
        func text(_ column: Int32, _ value: String?) -> Bool {
            guard let value else { return columnType(column) == SQLITE_NULL }
            return columnType(column) == SQLITE_TEXT && columnTextBytes(column).elementsEqual(value.utf8)
        }
        return integer(0, citation.confidence) && text(1, citation.referenceType?.rawValue)
            && text(2, citation.place?.rawValue) && integer(3, citation.isSelfCitation.map { $0 ? 1 : 0 })
            && text(4, citation.family) && integer(5, citation.year)
    }
}

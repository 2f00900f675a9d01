public import Foundation
import GRDB
public import TechTrackerCore

/// One ingest's writes: batches of works upserted by the store's rules (`WorkUpserter`) and
/// the run's `ingest_run` row, inside the transactions that decide what a failed, refused or
/// killed run leaves behind.
///
/// - A normal run commits each batch in its own IMMEDIATE transaction: a kill keeps every
///   whole batch written before it, and another process may write between two batches.
/// - A strict run writes everything, its `ingest_run` row included, in one IMMEDIATE
///   transaction committed only when the run called `finish`: a run that stops at a rejection,
///   or fails, leaves the store as it found it.
///
/// Made by `WorkStore.ingest(strict:inputs:startedAt:_:)` and valid only inside its body, on
/// the thread that called it (SQLite allows one writer: the session is the run's one writer).
public final class IngestSession {
    /// Whether the whole run is one transaction, committed only if `finish` is called.
    public let strict: Bool
    /// The outcomes of every work this session stored: the counts `finish` records, so that
    /// the `ingest_run` row always describes what was written.
    public private(set) var outcomes = UpsertCounts()
    /// Whether `finish` has written the run's record.
    public private(set) var isFinished = false

    private let db: Database
    private let upserter: WorkUpserter
    private let inputs: [String]
    private let startedAt: Date
    /// False once the body given to `WorkStore.ingest` has returned: the connection is then
    /// no longer this session's to use.
    private var isOpen = true
    /// Sources this session has put in `work_source`.
    private var registeredSources: Set<String> = []

    init(_ db: Database, strict: Bool, inputs: [String], startedAt: Date) throws {
        self.db = db
        self.strict = strict
        self.inputs = inputs
        self.startedAt = startedAt
        upserter = try WorkUpserter(db)
    }

    /// Stores a batch of packed works (`WorkUpserter` decides, per work, whether it is new,
    /// newer, unchanged or a same-date conflict) and returns the batch's outcomes.
    ///
    /// In a normal run the batch is one IMMEDIATE transaction, committed before this returns;
    /// an empty batch writes nothing. If the batch fails it is rolled back whole, the
    /// institution values the upserter remembers writing are dropped (they are read again
    /// from the store on next use), and the error is thrown. In a strict run the batch joins
    /// the run's transaction.
    public func upsert(_ rows: [WorkRow]) throws -> UpsertCounts {
        precondition(isOpen, "an IngestSession is used only inside the body given to WorkStore.ingest")
        precondition(!isFinished, "an IngestSession stores nothing after finish: its record would not count it")
        guard !rows.isEmpty else { return UpsertCounts() }
        var counts = UpsertCounts()
        if strict {
            for row in rows { counts.add(try upserter.upsert(row)) }
            try registerSources(of: rows)
            if counts.changesWorks { try StoreGeneration.advance(db) }
        } else {
            do {
                try db.inTransaction(.immediate) {
                    for row in rows { counts.add(try upserter.upsert(row)) }
                    try registerSources(of: rows)
                    if counts.changesWorks { try StoreGeneration.advance(db) }
                    return .commit
                }
            } catch {
                // The rollback took back institution rows the upserter remembers writing.
                upserter.reloadInstitutionsAfterRollback()
                throw error
            }
        }
        outcomes += counts
        return counts
    }

    /// Adds the sources of `rows` to `work_source` (once per source and run: a batch of one
    /// source, the usual case, costs a set lookup).
    private func registerSources(of rows: [WorkRow]) throws {
        for row in rows where !registeredSources.contains(row.source) {
            try db.execute(sql: "INSERT OR IGNORE INTO work_source (source) VALUES (?)", arguments: [row.source])
            registeredSources.insert(row.source)
        }
    }

    /// Records the run: one `ingest_run` row with the inputs, the start given to
    /// `WorkStore.ingest`, the end (now), `recordsRead` (works and rejections), `rejected`
    /// and this session's `outcomes`. In a strict run the row is part of the run's
    /// transaction, which commits when the body returns; nothing is stored after it.
    public func finish(recordsRead: Int, rejected: Int) throws {
        precondition(isOpen, "an IngestSession is used only inside the body given to WorkStore.ingest")
        precondition(!isFinished, "an ingest records its run once")
        let iso = ISO8601DateFormatter()
        try db.execute(
            sql: """
                INSERT INTO ingest_run (started_at, finished_at, inputs, records_read, works_new,
                    works_updated, works_unchanged, works_conflicting, records_rejected)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                iso.string(from: startedAt), iso.string(from: Date()), inputs.joined(separator: "\n"),
                recordsRead, outcomes.new, outcomes.updated, outcomes.unchanged, outcomes.conflicting, rejected,
            ])
        isFinished = true
    }

    /// Ends the session's use of the connection (the body of `WorkStore.ingest` returned).
    fileprivate func close() {
        isOpen = false
    }
}

extension WorkStore {
    /// Runs one ingest's writes: calls `body`, on this thread, with the run's `IngestSession`,
    /// and returns whether the run's writes were committed.
    ///
    /// In a normal run (`strict` false) each `upsert` commits its batch, so this returns true
    /// once `body` returns; `body` calls `finish` to record the run. In a strict run the whole
    /// of `body` is one IMMEDIATE transaction, committed if `body` called `finish` (the run was
    /// clean) and rolled back otherwise (false), or if `body` throws. `inputs` (the paths the
    /// user gave) and `startedAt` go into the run's record.
    @discardableResult
    public func ingest(
        strict: Bool, inputs: [String], startedAt: Date,
        _ body: (IngestSession) throws -> Void
    ) throws -> Bool {
        try database.inDatabase { db in
            let session = try IngestSession(db, strict: strict, inputs: inputs, startedAt: startedAt)
            defer { session.close() }
            guard strict else {
                try body(session)
                return true
            }
            try db.inTransaction(.immediate) {
                try body(session)
                return session.isFinished ? .commit : .rollback
            }
            return session.isFinished
        }
    }
}

extension UpsertCounts {
    /// Whether a work was stored or replaced: what an analysis reads has changed.
    var changesWorks: Bool { new > 0 || updated > 0 }
}

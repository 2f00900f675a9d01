import Foundation
import GRDB
import Synchronization
public import TechTrackerCore

/// The embedded SQLite store of works: one file, opened read-write (created and migrated
/// when needed) or read-only (never created, migrated or written).
///
/// The connection is the store's own: other modules never see SQLite or GRDB, and write only
/// through methods that keep the store's rules (an ingest through `IngestSession`, a
/// classification through `replaceClassification`, figures through `replaceResults`). With
/// WAL journaling a kill at any moment leaves a store that opens and holds only whole,
/// committed batches. Several processes may share one store: readers never block writers,
/// and a writer waits for another's lock (`StoreLockWait`) instead of failing.
public final class WorkStore: Sendable {
    /// The store's file.
    public let path: String
    /// How it was opened.
    public let mode: StoreOpenMode
    /// The connection (a serial queue: SQLite allows one writer). Internal so that every
    /// write goes through this module's methods, and its tests can still reach it.
    let database: DatabaseQueue
    /// Where notices and warnings go (standard error unless the caller says otherwise).
    public let messages: @Sendable (String) -> Void
    private let issueTotals = Mutex(StoredValueIssues())

    /// Opens the store at `path`.
    ///
    /// - `.readWrite` creates the file when missing, refuses a store of a newer version or
    ///   another program before writing anything, and applies pending migrations;
    /// - `.readOnly` opens an existing, up-to-date store and refuses anything else with a
    ///   `StoreError` that says what to do.
    ///
    /// `lockWait` is how long to wait for another connection's lock; `messages` receives the
    /// "waiting for another techtracker process" notice and the warnings about unusable
    /// stored values.
    public init(
        path: String, mode: StoreOpenMode = .readWrite, lockWait: StoreLockWait = StoreLockWait(),
        messages: @escaping @Sendable (String) -> Void = WorkStore.standardError
    ) throws {
        self.path = path
        self.mode = mode
        self.messages = messages
        let waiter = BusyWaiter(policy: lockWait, path: path, messages: messages)
        switch mode {
        case .readWrite: database = try StoreConnection.openForWriting(path: path, waiter: waiter)
        case .readOnly: database = try StoreConnection.openForReading(path: path, waiter: waiter)
        }
    }

    /// Writes a line to standard error: the default destination of the store's messages.
    public static let standardError: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Every unusable stored value met by this store's reads so far, by kind.
    public var storedValueIssues: StoredValueIssues {
        issueTotals.withLock { $0 }
    }

    /// Adds the issues of one read to the totals and, if there were any, warns once for that
    /// read (not once per value: a damaged store can hold millions).
    func report(_ issues: StoredValueIssues, reading what: String) {
        guard !issues.isEmpty else { return }
        issueTotals.withLock { $0.add(issues) }
        messages("warning: \(path): \(what): \(issues.summary)")
    }

    /// The number of stored works.
    public func workCount() throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM work WHERE duplicate_of IS NULL") ?? 0
        }
    }

    /// Stored works per source (synthetic, openalex, …), for provenance banners.
    public func workCountsBySource() throws -> [WorkSource: Int] {
        try database.read { db in
            var result: [WorkSource: Int] = [:]
            let rows = try Row.fetchAll(
                db, sql: "SELECT source, COUNT(*) FROM work WHERE duplicate_of IS NULL GROUP BY source")
            for row in rows {
                guard let name = StoredValue.text(row, 0), let source = WorkSource(rawValue: name) else { continue }
                result[source, default: 0] += StoredValue.integer(row, 1) ?? 0
            }
            return result
        }
    }
}

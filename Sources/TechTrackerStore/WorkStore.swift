import GRDB
import TechTrackerCore

/// The embedded SQLite store of works: one file, opened with its schema brought up to date.
///
/// Writes go through `WorkUpserter` inside transactions; with WAL journaling a kill at any
/// moment leaves a store that opens and holds only whole, committed batches.
public final class WorkStore: Sendable {
    /// The store's file.
    public let path: String
    /// The connection (a serial queue: SQLite allows one writer).
    public let database: DatabaseQueue

    /// Opens (creating if needed) the store at `path` and applies pending migrations.
    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.prepareDatabase { db in
            // NORMAL is durable against a killed process under WAL (not against power loss),
            // and keeps commits cheap during bulk loads.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // A larger page cache keeps the id index's upper levels in memory during bulk loads.
            try db.execute(sql: "PRAGMA cache_size = -262144")
            // Fewer, larger checkpoints and memory-mapped reads: less time in the kernel
            // per committed batch on a store of millions of works.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 16384")
            try db.execute(sql: "PRAGMA mmap_size = 1073741824")
        }
        database = try DatabaseQueue(path: path, configuration: configuration)
        try StoreSchema.migrator.migrate(database)
    }

    /// The number of stored works.
    public func workCount() throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM work") ?? 0 }
    }

    /// Stored works per source (synthetic, openalex, …), for provenance banners.
    public func workCountsBySource() throws -> [WorkSource: Int] {
        try database.read { db in
            var result: [WorkSource: Int] = [:]
            let rows = try Row.fetchAll(db, sql: "SELECT source, COUNT(*) FROM work GROUP BY source")
            for row in rows {
                if let source = WorkSource(rawValue: row[0]) { result[source] = row[1] }
            }
            return result
        }
    }
}

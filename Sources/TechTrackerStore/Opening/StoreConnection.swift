import Foundation
import GRDB
import GRDBSQLite

/// How a store is opened.
public enum StoreOpenMode: Sendable, Equatable {
    /// For commands that write (ingest, classify, analyze): creates the store when missing,
    /// brings its schema up to date, waits for other writers.
    case readWrite
    /// For commands that only read (stats, query, explain, report, export): never creates,
    /// migrates or writes anything, so it works on a read-only file or mount, and a mistyped
    /// path is an error instead of a new empty store.
    case readOnly
}

/// Opens the connection of a `WorkStore` in either mode.
enum StoreConnection {
    /// The settings of every connection: the busy handler and the performance pragmas.
    static func configuration(readOnly: Bool, waiter: BusyWaiter) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readOnly
        // Wait for a lock another process holds instead of failing at once. Write
        // transactions begin IMMEDIATE (GRDB's default for a writable connection, and what
        // ingest asks for), so a writer takes the write lock before it reads: it never has to
        // upgrade a read snapshot, the one SQLITE_BUSY a busy handler cannot wait out.
        configuration.busyMode = .callback { tries in waiter.shouldRetry(afterTries: tries) }
        configuration.prepareDatabase { db in
            // NORMAL is durable against a killed process under WAL (not against power loss),
            // and keeps commits cheap during bulk loads.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Pages of 16 KB for a new store (a no-op on an existing one): a work's row takes
            // about 2.5 KB, and 4 KB pages, which hold one such row, left a third of the file
            // empty.
            try db.execute(sql: "PRAGMA page_size = 16384")
            // A page cache of 64 MB keeps the id index's upper levels in memory during bulk
            // loads; with the 256 MB map below it bounds what SQLite holds in memory whatever
            // the store's size.
            try db.execute(sql: "PRAGMA cache_size = -65536")
            // Fewer, larger checkpoints and memory-mapped reads: less time in the kernel
            // per committed batch on a store of millions of works.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 4096")
            try db.execute(sql: "PRAGMA mmap_size = 268435456")
        }
        return configuration
    }

    /// Opens (creating if needed) the store at `path` for writing, refuses a store of a newer
    /// version or another program before writing anything, then turns on WAL and applies
    /// pending migrations.
    ///
    /// WAL is set here rather than with GRDB's `journalMode = .wal`, which writes (a table
    /// created and dropped) as soon as the connection opens: a store of a newer version must
    /// be left exactly as it was.
    static func openForWriting(path: String, waiter: BusyWaiter) throws -> DatabaseQueue {
        if isFolder(path) { throw StoreError.notAStore(path: path, detail: "it is a folder") }
        return try translatingErrors(path: path, readOnlyMeans: .readOnly(path: path)) {
            let queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: false, waiter: waiter))
            try StoreSchema.refuseUnusable(try queue.read { try StoreSchema.state($0) }, path: path)
            // SQLite opens a file it may not write read-only without saying so; say it now
            // rather than after an hour of ingest.
            let readOnly = queue.inDatabase { db in
                db.sqliteConnection.map { sqlite3_db_readonly($0, "main") == 1 } ?? false
            }
            if readOnly { throw StoreError.readOnly(path: path) }
            try switchToWAL(queue, path: path, waiter: waiter)
            try StoreSchema.upgrade(queue, path: path)
            return queue
        }
    }

    /// Turns the store's journal to WAL (a persistent setting: a no-op once done). Changing the
    /// journal mode needs an exclusive lock, and SQLite answers SQLITE_BUSY at once, without
    /// calling the busy handler, when another process holds any lock (two processes creating
    /// one store at the same time): the change is retried with the same waiting policy.
    private static func switchToWAL(_ queue: DatabaseQueue, path: String, waiter: BusyWaiter) throws {
        var tries = 0
        while true {
            do {
                try queue.writeWithoutTransaction { db in
                    if try String.fetchOne(db, sql: "PRAGMA journal_mode")?.lowercased() == "wal" { return }
                    let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                    if mode?.lowercased() != "wal" {
                        throw StoreError.notAStore(
                            path: path, detail: "its journal cannot be switched to WAL (\(mode ?? "unknown"))")
                    }
                }
                return
            } catch let error as DatabaseError
                where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
            {
                guard waiter.shouldRetry(afterTries: tries) else { throw error }
                tries += 1
            }
        }
    }

    /// Opens an existing, current store for reading only.
    ///
    /// A WAL store is read through its `-wal` and `-shm` files, which SQLite creates when
    /// missing; in a read-only folder it cannot, and the open fails. When there is no log to
    /// read (no `-wal`, or an empty one: the last writer closed cleanly), the file alone is the
    /// whole store and is opened as immutable, which needs neither file. A non-empty log that
    /// cannot be read is an error: opening without it would show an older store.
    static func openForReading(path: String, waiter: BusyWaiter) throws -> DatabaseQueue {
        var folder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &folder) else {
            throw StoreError.noStore(path: path, detail: nil)
        }
        if folder.boolValue { throw StoreError.noStore(path: path, detail: "it is a folder") }
        let configuration = configuration(readOnly: true, waiter: waiter)
        return try translatingErrors(path: path) {
            do {
                return try checkedForReading(DatabaseQueue(path: path, configuration: configuration), path: path)
            } catch let error as DatabaseError
                where error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_CANTOPEN
            {
                guard logIsEmpty(path) else { throw StoreError.unreadableLog(path: path) }
                let immutable = try DatabaseQueue(path: immutableURI(path), configuration: configuration)
                return try checkedForReading(immutable, path: path)
            }
        }
    }

    /// Refuses what a reader cannot use: no store, another program's tables, a newer schema,
    /// or one that needs migrations (which a reader must not apply).
    private static func checkedForReading(_ queue: DatabaseQueue, path: String) throws -> DatabaseQueue {
        let state = try queue.read { try StoreSchema.state($0) }
        try StoreSchema.refuseUnusable(state, path: path)
        switch state {
        case .empty: throw StoreError.noStore(path: path, detail: "the file holds no tables")
        case .behind(let version):
            throw StoreError.needsUpgrade(path: path, version: version, known: StoreSchema.version)
        case .current, .newer, .foreign: return queue
        }
    }

    /// Runs `body`, turning SQLite's "not a database" into a `StoreError` that names the file,
    /// and "attempt to write a readonly database" into `readOnlyMeans` when given (a writer
    /// met a file or folder it may not write: the first pragma already fails there).
    private static func translatingErrors<T>(
        path: String, readOnlyMeans: StoreError? = nil, _ body: () throws -> T
    ) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notAStore(path: path, detail: "it is not an SQLite database")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY && readOnlyMeans != nil {
            throw readOnlyMeans ?? error
        }
    }

    private static func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }

    /// True when the store has no write-ahead log holding commits the main file lacks.
    private static func logIsEmpty(_ path: String) -> Bool {
        let size = (try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? NSNumber
        return (size?.intValue ?? 0) == 0
    }

    /// `path` as an SQLite URI with `immutable=1` (read without locks or log files). URI
    /// filenames are enabled in the SQLite builds of Debian and Ubuntu (SQLITE_USE_URI);
    /// elsewhere this open fails with the same error as the first attempt.
    private static func immutableURI(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let escaped = absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute
        return "file:\(escaped)?mode=ro&immutable=1"
    }
}

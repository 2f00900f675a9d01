import GRDB
public import TechTrackerCore

/// The analysis snapshot: the analysis columns as bytes (`AnalysisCorpus.snapshotBytes`), kept
/// in the store so that every analysis after the first reads them in one pass.
///
/// The store does not read the bytes; it only guarantees that a snapshot it returns was made
/// from what the store holds now. Each write that changes what an analysis reads advances
/// `store_generation` and deletes the snapshot in the same transaction
/// (`StoreGeneration.advance`); a snapshot is saved with the generation it was made at, and
/// saved only if that is still the store's generation.
extension WorkStore {
    /// Parts of at most this many bytes: a reader holds one part at a time (twice: SQLite's
    /// copy and its own), so parts are kept small; any size up to SQLite's limit on one value
    /// (1 GB) reads back the same.
    public static let snapshotPartSize = 16 << 20

    /// The store's generation: changes whenever works, duplicates or memberships do.
    public func generation() throws -> Int64 {
        try database.read { db in try StoreGeneration.current(db) }
    }

    /// The snapshot made at `generation`, whole, if the store holds one whose parts are whole
    /// and `generation` is still the store's; `nil` otherwise (`snapshotParts`).
    public func analysisSnapshot(generation: Int64) throws -> [UInt8]? {
        try database.read { db in
            guard var parts = try Self.snapshotParts(db, generation: generation) else { return nil }
            // Sized once: growing by doubling would briefly hold the snapshot one and a half
            // times over.
            var bytes: [UInt8] = []
            bytes.reserveCapacity(parts.byteCount)
            while let part = try parts.nextPart() { bytes += part }
            return bytes
        }
    }

    /// The corpus in the snapshot made at `generation`, read part after part so that the whole
    /// snapshot is never in memory beside the columns (`AnalysisSnapshotParts`); `nil` when
    /// there is no usable snapshot, as for `analysisSnapshot`. Throws `AnalysisSnapshotError`
    /// when the bytes are not a valid snapshot or cannot be read.
    public func analysisCorpusFromSnapshot(generation: Int64) throws -> AnalysisCorpus? {
        try database.read { db in
            guard let parts = try Self.snapshotParts(db, generation: generation) else { return nil }
            return try AnalysisCorpus(snapshotParts: parts)
        }
    }

    /// The parts of the snapshot of `generation`, to read in this transaction; `nil` when the
    /// store holds none, `generation` is no longer the store's, or the parts are not numbered
    /// 0, 1, … as blobs of that generation (checked before any is read).
    private static func snapshotParts(_ db: Database, generation: Int64) throws -> StoredSnapshotParts? {
        guard try StoreGeneration.current(db) == generation else { return nil }
        let parts = try RawStatement(
            db, sql: "SELECT part, generation, typeof(bytes), length(bytes) FROM analysis_snapshot ORDER BY part")
        var byteCount = 0
        var expectedPart = 0
        while try parts.nextRow(db) {
            guard parts.columnInt(0) == expectedPart, Int64(parts.columnInt(1)) == generation,
                parts.columnText(2) == "blob"
            else { return nil }
            byteCount += parts.columnInt(3)
            expectedPart += 1
        }
        guard expectedPart > 0 else { return nil }
        let bytes = try RawStatement(db, sql: "SELECT bytes FROM analysis_snapshot ORDER BY part")
        return StoredSnapshotParts(db: db, statement: bytes, byteCount: byteCount)
    }

    /// Saves `bytes` as the snapshot of `generation`, replacing any other, and returns whether
    /// it was saved: not if the store has changed since (`generation` is no longer the
    /// store's), nor in a store opened read-only.
    @discardableResult
    public func saveAnalysisSnapshot(_ bytes: [UInt8], generation: Int64) throws -> Bool {
        try saveAnalysisSnapshot(generation: generation) { part in
            var start = 0
            repeat {
                let end = min(start + Self.snapshotPartSize, bytes.count)
                try part(Array(bytes[start..<end]))
                start = end
            } while start < bytes.count
        }
    }

    /// Saves the snapshot that `write` makes as the snapshot of `generation`, replacing any
    /// other: `write` is given a function that stores one part (in order, at most
    /// `snapshotPartSize` bytes each), so that the parts are stored as they are made and the
    /// whole snapshot is never held. Returns whether it was saved, as the other
    /// `saveAnalysisSnapshot`; when `write` throws, nothing is saved and the error is thrown.
    @discardableResult
    public func saveAnalysisSnapshot(
        generation: Int64, _ write: (_ storePart: ([UInt8]) throws -> Void) throws -> Void
    ) throws -> Bool {
        guard mode == .readWrite else { return false }
        return try database.write { db in
            guard try StoreGeneration.current(db) == generation else { return false }
            try db.execute(sql: "DELETE FROM analysis_snapshot")
            let insert = try RawStatement(
                db, sql: "INSERT INTO analysis_snapshot (part, generation, bytes) VALUES (?1, ?2, ?3)")
            var part = 0
            try write { bytes in
                insert.reset()
                insert.bind(1, part)
                insert.bind(2, Int(generation))
                insert.bind(3, blob: bytes[...])
                try insert.run(db)
                part += 1
            }
            return part > 0
        }
    }

    /// Bytes the snapshot takes in the store (0 when there is none).
    public func analysisSnapshotSize() throws -> Int {
        try database.read { db in
            try Int.fetchOne(db, sql: "SELECT coalesce(sum(length(bytes)), 0) FROM analysis_snapshot") ?? 0
        }
    }
}

/// The store's generation counter (`store_generation`, one row).
enum StoreGeneration {
    /// The current value (0 in a store that has never been changed since it had the table).
    static func current(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT value FROM store_generation WHERE id = 1") ?? 0
    }

    /// Records, inside the caller's write transaction, that what an analysis reads has
    /// changed: the generation moves on and the snapshot of the old one is deleted.
    static func advance(_ db: Database) throws {
        try db.execute(
            sql: """
                UPDATE store_generation SET value = value + 1 WHERE id = 1;
                DELETE FROM analysis_snapshot;
                """)
    }
}

/// The snapshot's parts, read from the store one row at a time (inside one read transaction).
private struct StoredSnapshotParts: AnalysisSnapshotParts {
    let db: Database
    let statement: RawStatement
    let byteCount: Int

    mutating func nextPart() throws(AnalysisSnapshotError) -> [UInt8]? {
        do {
            guard try statement.nextRow(db) else { return nil }
            return statement.columnBlob(0)
        } catch {
            throw .unreadable("\(error)")
        }
    }
}

/// Errors of the store that are not SQLite's own, each worded for the person at the terminal:
/// what is wrong with which store, and what to do about it.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// A packed column could not be decoded.
    case corruptBlob(column: String, detail: String)
    /// A read-only open found nothing at the path (a mistyped `--store`): reading never
    /// creates a store.
    case noStore(path: String, detail: String?)
    /// The file is not a TechTracker store (not SQLite, or another program's database); it
    /// is left as it is.
    case notAStore(path: String, detail: String)
    /// The store holds migrations this program does not know: a later version wrote it.
    /// It is neither migrated nor written.
    case newerSchema(path: String, version: Int, known: Int)
    /// A command that writes the store met a file it may not write (permissions or a
    /// read-only mount).
    case readOnly(path: String)
    /// The store needs migrations and was opened read-only, which cannot apply them.
    case needsUpgrade(path: String, version: Int, known: Int)
    /// The store has a write-ahead log that cannot be read where it lies (a read-only folder
    /// without the shared-memory file SQLite needs to read the log).
    case unreadableLog(path: String)
    /// Another connection held the lock longer than the wait limit.
    case gaveUpWaiting(path: String, seconds: Double)
    /// A setting (an environment variable) has a value that cannot be used.
    case invalidSetting(name: String, value: String, expected: String)
    /// The stored figures of the last analysis cannot be read back.
    case unreadableResults(String)

    /// The message for the user: which store, what is wrong, what to do.
    public var description: String {
        switch self {
        case .corruptBlob(let column, let detail):
            "corrupt packed column \(column): \(detail)"
        case .noStore(let path, let detail):
            "no store at \(path)" + (detail.map { " (\($0))" } ?? "")
                + "; check --store, or create one with `techtracker ingest`"
        case .notAStore(let path, let detail):
            "\(path) is not a TechTracker store: \(detail); it was left unchanged"
        case .newerSchema(let path, let version, let known):
            "this store was written by a newer TechTracker (schema v\(version); this version knows up to v\(known)): "
                + "use that version or a later one; \(path) was left unchanged"
        case .readOnly(let path):
            "\(path) is read-only: the commands that only read it (stats, query, explain, report, export) work, "
                + "ingest, classify and analyze need to write it"
        case .needsUpgrade(let path, let version, let known):
            "\(path) has store schema v\(version) and this TechTracker reads v\(known): "
                + "it must be upgraded by a command that writes the store (ingest, classify or analyze), "
                + "run where the file is writable"
        case .unreadableLog(let path):
            "\(path) has a write-ahead log (\(path)-wal) that cannot be read in a read-only folder: "
                + "run any techtracker command on it once where it is writable, "
                + "or copy the store with its -wal file to a writable folder"
        case .gaveUpWaiting(let path, let seconds):
            "gave up after waiting \(StoreLockWait.format(seconds)) s for another techtracker process on \(path); "
                + "set \(StoreLockWait.environmentVariable) (seconds) to wait longer"
        case .invalidSetting(let name, let value, let expected):
            "\(name)=\(value): expected \(expected)"
        case .unreadableResults(let detail):
            "the stored figures cannot be read (\(detail)): run `techtracker analyze` again"
        }
    }
}

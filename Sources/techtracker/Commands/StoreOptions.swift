import ArgumentParser
import TechTrackerStore

/// `--store PATH`, shared by every command that reads or writes the store.
struct StoreOptions: ParsableArguments {
    /// The store's file name when no `--store` is given (in the current folder; `demo` puts it
    /// in its `--dir`).
    static let defaultFileName = "techtracker.sqlite"

    @Option(name: .long, help: ArgumentHelp("The SQLite store to read and write.", valueName: "path"))
    var store = defaultFileName

    /// Opens the store for a command that only reads it (stats, query, explain, report,
    /// export): never creates, migrates or writes it, so a mistyped `--store` says "no store
    /// at PATH" instead of leaving an empty store behind, and a read-only file can be read.
    func openForReading() throws -> WorkStore {
        try Self.open(store, .readOnly)
    }

    /// Opens the store for a command that writes it (ingest, classify, analyze, demo),
    /// creating it and its schema when missing; waits for another process's lock for up to
    /// TECHTRACKER_BUSY_TIMEOUT seconds (default 600).
    func openForWriting() throws -> WorkStore {
        try Self.open(store, .readWrite)
    }

    /// Opens the store at `path` for writing, as `openForWriting` does, for the commands whose
    /// store is not the `--store` option (the demo's, the benchmarks').
    static func openForWriting(_ path: String) throws -> WorkStore {
        try open(path, .readWrite)
    }

    /// Opens the store at `path` for reading only, as `openForReading` does, for a benchmark
    /// that takes a store to copy from.
    static func openForReading(_ path: String) throws -> WorkStore {
        try open(path, .readOnly)
    }

    private static func open(_ path: String, _ mode: StoreOpenMode) throws -> WorkStore {
        let lockWait: StoreLockWait
        do {
            lockWait = try StoreLockWait.fromEnvironment()
        } catch {
            // A setting the user must correct: exit code 2, like bad input.
            throw UsageFailure("\(error)")
        }
        do {
            return try WorkStore(path: path, mode: mode, lockWait: lockWait)
        } catch let error as StoreError {
            // Already says which store and what to do.
            throw CommandFailure("\(error)")
        } catch {
            throw CommandFailure("cannot open store \(path): \(error)")
        }
    }
}

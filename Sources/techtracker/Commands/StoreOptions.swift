import ArgumentParser
import TechTrackerStore

/// `--store PATH`, shared by every command that reads or writes the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The SQLite store to read and write.", valueName: "path"))
    var store = "techtracker.sqlite"

    /// Opens the store for a command that only reads it (stats, query, explain, report,
    /// export): never creates, migrates or writes it, so a mistyped `--store` says "no store
    /// at PATH" instead of leaving an empty store behind, and a read-only file can be read.
    func openForReading() throws -> WorkStore {
        try open(.readOnly)
    }

    /// Opens the store for a command that writes it (ingest, classify, analyze, demo),
    /// creating it and its schema when missing; waits for another process's lock for up to
    /// TECHTRACKER_BUSY_TIMEOUT seconds (default 600).
    func openForWriting() throws -> WorkStore {
        try open(.readWrite)
    }

    private func open(_ mode: StoreOpenMode) throws -> WorkStore {
        let lockWait: StoreLockWait
        do {
            lockWait = try StoreLockWait.fromEnvironment()
        } catch {
            // A setting the user must correct: exit code 2, like bad input.
            throw UsageFailure("\(error)")
        }
        do {
            return try WorkStore(path: store, mode: mode, lockWait: lockWait)
        } catch let error as StoreError {
            // Already says which store and what to do.
            throw CommandFailure("\(error)")
        } catch {
            throw CommandFailure("cannot open store \(store): \(error)")
        }
    }
}

/// A failure with a message for the user (exit code 1).
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Input the user must correct (a malformed query, an unknown technology, a bad taxonomy
/// file), found while running: exit code 2, like a usage error, without the usage text.
struct UsageFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

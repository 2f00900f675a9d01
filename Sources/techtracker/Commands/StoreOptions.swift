import ArgumentParser
import TechTrackerStore

/// `--store PATH`, shared by every command that reads or writes the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The SQLite store to read and write.", valueName: "path"))
    var store = "techtracker.sqlite"

    /// Opens the store (creating it and its schema when missing).
    func open() throws -> WorkStore {
        do {
            return try WorkStore(path: store)
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

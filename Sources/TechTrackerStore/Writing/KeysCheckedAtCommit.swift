import GRDB

extension Database {
    /// Runs `writes` in one IMMEDIATE transaction whose foreign keys SQLite checks once, all
    /// together, just before the commit (`PRAGMA foreign_key_check`), instead of at every
    /// statement: a violation throws GRDB's foreign key error and rolls everything back.
    ///
    /// This is SQLite's procedure for rebuilding a table (lang_altertable.html#otheralter), as
    /// GRDB's migrator runs a migration by default (`.deferred` checks): the keys are turned
    /// off for the connection around the transaction (the pragma is a no-op inside one) and
    /// on again after, whatever happens. Bulk rewrites use it too: a key checked per row
    /// costs SQLite a lookup per key, and a `DELETE` of a table with keys loses SQLite's
    /// truncation, both several times dearer than one check of the whole table at the end.
    /// Call it outside any transaction (`writeWithoutTransaction`).
    ///
    /// `keyCheck` replaces the check of every table when the caller knows which keys its
    /// writes touched and has a cheaper way to check them; it must throw SQLite's foreign key
    /// error for a violation, as the full check does.
    func writeCheckingKeysAtCommit(
        keyCheck: ((Database) throws -> Void)? = nil, _ writes: () throws -> Void
    ) throws {
        let keysWereOn = try Bool.fetchOne(self, sql: "PRAGMA foreign_keys") ?? false
        if keysWereOn { try execute(sql: "PRAGMA foreign_keys = OFF") }
        do {
            try inTransaction(.immediate) {
                try writes()
                if keysWereOn {
                    if let keyCheck { try keyCheck(self) } else { try checkForeignKeys() }
                }
                return .commit
            }
        } catch {
            if keysWereOn { try? execute(sql: "PRAGMA foreign_keys = ON") }
            throw error
        }
        if keysWereOn { try execute(sql: "PRAGMA foreign_keys = ON") }
    }
}

extension WorkStore {
    /// `Database.writeCheckingKeysAtCommit` on the store's connection.
    func writeCheckingKeysAtCommit(
        keyCheck: ((Database) throws -> Void)? = nil, _ writes: (Database) throws -> Void
    ) throws {
        try database.writeWithoutTransaction { db in
            try db.writeCheckingKeysAtCommit(keyCheck: keyCheck) { try writes(db) }
        }
    }
}

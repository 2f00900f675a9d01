import GRDB

/// What a database file holds, as far as the store's schema goes.
enum SchemaState: Equatable, Sendable {
    /// No tables at all: a new file, about to become a store.
    case empty
    /// Every migration this program knows, and no other.
    case current
    /// A store made by an earlier version: the first `version` migrations are applied.
    case behind(version: Int)
    /// A store with migrations of a later version (`vN-…` with N above ours).
    case newer(version: Int)
    /// Tables that are not a TechTracker store's (another program's database).
    case foreign(String)
}

extension StoreSchema {
    /// GRDB's table of applied migrations, kept so that stores of every version agree.
    static let migrationsTable = "grdb_migrations"

    /// The schema version this program makes: the N of the last migration's `vN-…`.
    static var version: Int {
        migrations.last.flatMap { version(of: $0.identifier) } ?? migrations.count
    }

    /// The N of a `vN-…` identifier, or nil for any other name.
    static func version(of identifier: String) -> Int? {
        guard identifier.first == "v" else { return nil }
        let digits = identifier.dropFirst().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count < 10 else { return nil }
        return Int(digits)
    }

    /// Reads what `db` holds. Only reads, so it can run on a read-only connection and
    /// before anything is written.
    static func state(_ db: Database) throws -> SchemaState {
        let tables = try String.fetchAll(
            db,
            sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
                """)
        if tables.isEmpty { return .empty }
        guard tables.contains(migrationsTable) else {
            return .foreign(
                "it holds tables (\(tables.sorted().prefix(3).joined(separator: ", "))…) but no TechTracker schema")
        }
        // Read leniently: another GRDB program's table could hold anything.
        let applied = Set(
            try Row.fetchAll(db, sql: "SELECT identifier FROM \(migrationsTable)").compactMap {
                StoredValue.text($0, 0)
            })
        let known = migrations.map(\.identifier)
        let unknown = applied.subtracting(known)
        if !unknown.isEmpty {
            // A later TechTracker names its migrations `vN-…` like this one; anything else is
            // another program's database that happens to use GRDB.
            let versions = unknown.compactMap(version(of:))
            if versions.count == unknown.count, applied.contains(known[0]), let newest = versions.max(),
                newest > version
            {
                return .newer(version: newest)
            }
            return .foreign(
                "its schema table names migrations this program does not know "
                    + "(\(unknown.sorted().prefix(3).joined(separator: ", ")))"
            )
        }
        let done = known.prefix { applied.contains($0) }.count
        if done == known.count { return .current }
        if done == 0 && tables.count > 1 {
            return .foreign("it holds tables but none of TechTracker's migrations")
        }
        return .behind(version: migrations.prefix(done).last.flatMap { version(of: $0.identifier) } ?? done)
    }

    /// Throws for a state no command may use: a newer schema or another program's tables.
    static func refuseUnusable(_ state: SchemaState, path: String) throws {
        switch state {
        case .newer(let newest): throw StoreError.newerSchema(path: path, version: newest, known: version)
        case .foreign(let detail): throw StoreError.notAStore(path: path, detail: detail)
        case .empty, .current, .behind: break
        }
    }

    /// Brings the store at `database` up to `version`: every pending migration and its record
    /// in one IMMEDIATE transaction.
    ///
    /// One transaction, not one per migration as GRDB's migrator runs them, so that two
    /// processes creating or upgrading the same store at once cannot both decide a migration
    /// is pending: the second waits for the write lock (the busy handler), then reads the
    /// state again and finds nothing left to do. A read decides first whether anything is
    /// pending, so opening a current store never takes the write lock.
    ///
    /// Foreign keys are checked as GRDB's migrator checks them by default, SQLite's procedure
    /// for rebuilding a table (`Database.writeCheckingKeysAtCommit`): off while the
    /// migrations run, so that a table can be dropped and renamed whatever refers to it, then
    /// every key of the store checked before the commit (a violation rolls the whole upgrade
    /// back), then on again for the connection's later writes.
    static func upgrade(_ database: DatabaseQueue, path: String) throws {
        let first = try database.read { try state($0) }
        try refuseUnusable(first, path: path)
        if first == .current { return }
        try database.writeWithoutTransaction { db in
            try db.writeCheckingKeysAtCommit {
                // Read again under the write lock: another process may have upgraded meanwhile.
                let state = try state(db)
                try refuseUnusable(state, path: path)
                if state == .current { return }
                try db.execute(
                    sql: "CREATE TABLE IF NOT EXISTS \(migrationsTable) (identifier TEXT NOT NULL PRIMARY KEY)")
                let applied = Set(
                    try Row.fetchAll(db, sql: "SELECT identifier FROM \(migrationsTable)").compactMap {
                        StoredValue.text($0, 0)
                    })
                for migration in migrations where !applied.contains(migration.identifier) {
                    try db.execute(sql: migration.sql)
                    try db.execute(
                        sql: "INSERT INTO \(migrationsTable) (identifier) VALUES (?)", arguments: [migration.identifier]
                    )
                }
            }
        }
    }
}

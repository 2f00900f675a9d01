import GRDB

extension WorkStore {
    /// What SQLite finds wrong with the store, one line per problem: the lines of
    /// `PRAGMA integrity_check` (pages, indexes, NOT NULL and other constraints) other than its
    /// "ok", then one line per row whose foreign key names no row (`PRAGMA foreign_key_check`,
    /// which the integrity check leaves out). Empty for a sound store. Only reads, so it runs
    /// on a store opened read-only too.
    public func integrityCheck() throws -> [String] {
        try database.read { db in
            var problems = try Row.fetchAll(db, sql: "PRAGMA integrity_check").compactMap { StoredValue.text($0, 0) }
            if problems == ["ok"] { problems = [] }
            let violations = try db.foreignKeyViolations()
            while let violation = try violations.next() {
                // A table WITHOUT ROWID (`membership`) has no row id to name.
                let row = violation.originRowID.map { " row \($0)" } ?? ""
                problems.append("\(violation.originTable)\(row): its key to \(violation.destinationTable) names no row")
            }
            return problems
        }
    }
}

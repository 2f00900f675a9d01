import GRDB

extension WorkStore {
    /// Every distinct work `type` the store holds (as the source spells it, compared exactly as
    /// the analysis compares `--types`) with its number of works, most works first, then by
    /// name. Lets `analyze --types` refuse a type the store does not hold and name those it has.
    public func workTypes() throws -> [(type: String, works: Int)] {
        try database.read { db in
            let sql =
                "SELECT type, COUNT(*) FROM work WHERE duplicate_of IS NULL GROUP BY type ORDER BY COUNT(*) DESC, type"
            // A NULL or mistyped type reads as no type (""), as every other read of `type`
            // does, instead of trapping on a store another tool wrote.
            return try Row.fetchAll(db, sql: sql).map { row in
                (type: StoredValue.text(row, 0) ?? "", works: StoredValue.integer(row, 1) ?? 0)
            }
        }
    }
}

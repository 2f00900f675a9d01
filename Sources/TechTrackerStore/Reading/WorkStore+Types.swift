import GRDB

extension WorkStore {
    /// Every distinct work `type` the store holds (as the source spells it, compared exactly as
    /// the analysis compares `--types`) with its number of works, most works first, then by
    /// name. Lets `analyze --types` refuse a type the store does not hold and name those it has.
    public func workTypes() throws -> [(type: String, works: Int)] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT type, COUNT(*) FROM work GROUP BY type ORDER BY COUNT(*) DESC, type").map
            {
                (type: $0[0], works: $0[1])
            }
        }
    }
}

import GRDB
/// A stored work as sample lines list it: its row id, the start of its title and its year.
public struct StoredWorkTitle: Sendable, Equatable {
    /// The work's row id.
    public var rowID: Int64
    /// The title's first characters (as many as were asked for).
    public var title: String
    /// Publication year, when known.
    public var publicationYear: Int?

    /// Makes a work title.
    public init(rowID: Int64, title: String, publicationYear: Int?) {
        self.rowID = rowID
        self.title = title
        self.publicationYear = publicationYear
    }
}

extension WorkStore {
    /// The works `rowIDs`, in the order given (missing ids skipped), each with at most the
    /// first `characters` characters of its title: the title is cut in SQL, so that a stored
    /// title of hundreds of megabytes is never loaded whole. Unusable values are read as
    /// `StoredValueIssues` says (a NULL title as "", a year outside 1800-2200 as unknown).
    public func workTitles(rowIDs: [Int64], characters: Int) throws -> [StoredWorkTitle] {
        var issues = StoredValueIssues()
        defer { report(issues, reading: "work titles") }
        return try database.read { db in
            // One statement for every id, bound again for each: a few works, or thousands.
            let statement = try RawStatement(
                db,
                sql: """
                    SELECT id, substr(title, 1, \(max(0, characters))), publication_year FROM work WHERE id = ?1
                    """)
            var result: [StoredWorkTitle] = []
            result.reserveCapacity(rowIDs.count)
            for rowID in rowIDs {
                statement.reset()
                statement.bind(1, Int(rowID))
                guard try statement.nextRow(db) else { continue }
                result.append(
                    StoredWorkTitle(
                        rowID: Int64(statement.columnInt(0)), title: statement.requiredText(1, &issues),
                        publicationYear: statement.publicationYear(2, &issues)))
            }
            statement.reset()
            return result
        }
    }
}

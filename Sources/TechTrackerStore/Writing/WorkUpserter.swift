import GRDB
import TechTrackerCore

/// Writes works into the store by id: a new id is inserted, a record with a newer
/// `updated_date` replaces the stored one, anything else leaves the store as it is.
///
/// One per ingest, used on the writer's thread inside a transaction. Each work costs one
/// indexed lookup and at most one row write; institutions are written once per new id.
public final class WorkUpserter {
    private let db: Database
    private let lookup: RawStatement
    private let insert: RawStatement
    private let update: RawStatement
    private let insertInstitution: RawStatement
    private var knownInstitutions: Set<String>

    private static let columns = """
        source, doi, title, abstract, keywords, topics, publication_year, type, language, \
        is_retracted, cited_by_count, counts_by_year, referenced_works, authorships, updated_date
        """

    /// Prepares the statements on `db` (call inside `DatabaseQueue.inDatabase`).
    public init(_ db: Database) throws {
        self.db = db
        lookup = try RawStatement(db, sql: "SELECT id, updated_date FROM work WHERE source_id = ?1")
        insert = try RawStatement(db, sql: """
            INSERT INTO work (source_id, \(Self.columns))
            VALUES (?16, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
            ON CONFLICT(source_id) DO NOTHING
            """)
        update = try RawStatement(db, sql: """
            UPDATE work SET source = ?1, doi = ?2, title = ?3, abstract = ?4, keywords = ?5,
                topics = ?6, publication_year = ?7, type = ?8, language = ?9, is_retracted = ?10,
                cited_by_count = ?11, counts_by_year = ?12, referenced_works = ?13,
                authorships = ?14, updated_date = ?15
            WHERE id = ?16
            """)
        insertInstitution = try RawStatement(db, sql: """
            INSERT OR IGNORE INTO institution (id, name, ror, country_code, type) VALUES (?1, ?2, ?3, ?4, ?5)
            """)
        knownInstitutions = Set(try String.fetchAll(db, sql: "SELECT id FROM institution"))
    }

    /// Inserts, replaces or leaves `work`, and says which.
    public func upsert(_ work: Work) throws -> UpsertOutcome {
        try upsert(WorkRow(work))
    }

    /// Inserts, replaces or leaves a packed work, and says which.
    ///
    /// A new id costs one statement: the insert is tried first (`ON CONFLICT DO NOTHING`),
    /// and only an id already stored pays for the lookup of its `updated_date`.
    public func upsert(_ row: WorkRow) throws -> UpsertOutcome {
        insert.reset()
        bindColumns(of: row, to: insert)
        insert.bind(16, row.id)
        try insert.run(db)
        if db.changesCount > 0 {
            try writeInstitutions(row.institutions)
            return .new
        }
        lookup.reset()
        lookup.bind(1, row.id)
        guard try lookup.nextRow(db) else { return .unchanged }
        let storedRowID = lookup.columnInt(0)
        // ISO dates and date-times compare correctly as text.
        guard row.updatedDate > lookup.columnText(1) else { return .unchanged }
        try writeInstitutions(row.institutions)
        update.reset()
        bindColumns(of: row, to: update)
        update.bind(16, storedRowID)
        try update.run(db)
        return .updated
    }

    private func bindColumns(of row: WorkRow, to statement: RawStatement) {
        statement.bind(1, row.source)
        statement.bind(2, row.doi)
        statement.bind(3, row.title)
        statement.bind(4, row.abstract)
        statement.bind(5, row.keywords)
        statement.bind(6, row.topics)
        statement.bind(7, row.publicationYear)
        statement.bind(8, row.type)
        statement.bind(9, row.language)
        statement.bind(10, row.isRetracted ? 1 : 0)
        statement.bind(11, row.citedByCount)
        statement.bind(12, blob: row.countsByYear)
        statement.bind(13, blob: row.referencedWorks)
        statement.bind(14, blob: row.authorships)
        statement.bind(15, row.updatedDate)
    }

    private func writeInstitutions(_ institutions: [Institution]) throws {
        for institution in institutions {
            guard knownInstitutions.insert(institution.id).inserted else { continue }
            insertInstitution.reset()
            insertInstitution.bind(1, institution.id)
            insertInstitution.bind(2, institution.name)
            insertInstitution.bind(3, institution.ror)
            insertInstitution.bind(4, institution.country?.description)
            insertInstitution.bind(5, institution.type)
            try insertInstitution.run(db)
        }
    }

    /// Forgets institutions written since `snapshot` (after a rolled-back transaction, so
    /// they are written again by a later batch).
    public func restoreKnownInstitutions(_ snapshot: Set<String>) {
        knownInstitutions = snapshot
    }

    /// The institution ids known to be stored, for `restoreKnownInstitutions`.
    public var knownInstitutionSnapshot: Set<String> { knownInstitutions }
}

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
        lookup.reset()
        lookup.bind(1, work.id)
        var storedRowID: Int?
        if try lookup.nextRow(db) {
            storedRowID = lookup.columnInt(0)
            let storedDate = lookup.columnText(1)
            // ISO dates and date-times compare correctly as text.
            guard work.updatedDate > storedDate else { return .unchanged }
        }
        try writeInstitutions(of: work)
        let statement = storedRowID == nil ? insert : update
        statement.reset()
        bindColumns(of: work, to: statement)
        if let storedRowID {
            statement.bind(16, storedRowID)
        } else {
            statement.bind(16, work.id)
        }
        try statement.run(db)
        return storedRowID == nil ? .new : .updated
    }

    private func bindColumns(of work: Work, to statement: RawStatement) {
        statement.bind(1, work.source.rawValue)
        statement.bind(2, work.doi)
        statement.bind(3, work.title)
        statement.bind(4, work.abstract)
        statement.bind(5, work.keywords.joined(separator: "\n"))
        statement.bind(6, work.topics.joined(separator: "\n"))
        statement.bind(7, work.publicationYear)
        statement.bind(8, work.type)
        statement.bind(9, work.language)
        statement.bind(10, work.isRetracted ? 1 : 0)
        statement.bind(11, work.citedByCount)
        statement.bind(12, blob: WorkBlobCodec.encodeCountsByYear(work.countsByYear))
        statement.bind(13, blob: WorkBlobCodec.encodeReferences(work.referencedWorks))
        statement.bind(14, blob: WorkBlobCodec.encodeAuthorships(work.authorships))
        statement.bind(15, work.updatedDate)
    }

    private func writeInstitutions(of work: Work) throws {
        for authorship in work.authorships {
            for institution in authorship.institutions where !institution.id.isEmpty {
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
    }

    /// Forgets institutions written since `snapshot` (after a rolled-back transaction, so
    /// they are written again by a later batch).
    public func restoreKnownInstitutions(_ snapshot: Set<String>) {
        knownInstitutions = snapshot
    }

    /// The institution ids known to be stored, for `restoreKnownInstitutions`.
    public var knownInstitutionSnapshot: Set<String> { knownInstitutions }
}

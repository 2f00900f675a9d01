import GRDB
import GRDBSQLite
public import TechTrackerCore

extension WorkStore {
    /// Marks the records that are the same paper as another source's record
    /// (`DuplicateResolution`: DOI, else title + year + first author; OpenAlex, then Web of
    /// Science, then Scopus stands for the paper), and counts how the references of Web of
    /// Science and Scopus records link to stored papers by DOI.
    ///
    /// Run after every ingest. The marks are made anew from all stored records each time, so
    /// they depend only on what is stored, never on the order of ingests. A store of one source
    /// only has nothing to match and is not read (a single OpenAlex snapshot costs nothing
    /// here); a store of several reads every record's DOI, title, year and first author once
    /// per ingest. Memberships of a record that has just become a duplicate are removed with it, so
    /// a paper is never classified twice; the record that stands for it is classified by the
    /// next `classify`.
    @discardableResult
    public func resolveDuplicates() throws -> CrossSourceSummary {
        try database.write { db in
            var summary = CrossSourceSummary()
            summary.sources = try Self.storedSources(db)
            // Works are never deleted, so a store of one source never held a duplicate; nor
            // does it need the counts below, which scan every work (an OpenAlex snapshot's
            // millions): it is left as it is.
            guard summary.isMultiSource || summary.hasExportSources else { return summary }
            if summary.isMultiSource {
                let outcome = DuplicateResolution.resolve(try Self.matchRecords(db))
                try StoreGeneration.advance(db)
                try db.execute(
                    sql: "UPDATE work SET duplicate_of = NULL, duplicate_match = NULL WHERE duplicate_of IS NOT NULL")
                let mark = try db.makeStatement(
                    sql: "UPDATE work SET duplicate_of = ?, duplicate_match = ? WHERE id = ?")
                for duplicate in outcome.duplicates {
                    try mark.execute(arguments: [duplicate.canonicalRowID, duplicate.match.rawValue, duplicate.rowID])
                }
                try db.execute(
                    sql: "DELETE FROM membership WHERE work IN (SELECT id FROM work WHERE duplicate_of IS NOT NULL)")
                summary.ambiguousGroups = outcome.ambiguousGroups
            }
            try Self.countDuplicatesAndPapers(db, into: &summary)
            if summary.hasExportSources { try Self.countLinkedReferences(db, into: &summary) }
            return summary
        }
    }

    /// The summary of what `resolveDuplicates` last did, read without writing (for `stats`).
    public func crossSourceSummary() throws -> CrossSourceSummary {
        try database.read { db in
            var summary = CrossSourceSummary()
            summary.sources = try Self.storedSources(db)
            guard summary.isMultiSource || summary.hasExportSources else { return summary }
            try Self.countDuplicatesAndPapers(db, into: &summary)
            if summary.hasExportSources { try Self.countLinkedReferences(db, into: &summary) }
            return summary
        }
    }

    /// The sources the store holds, in `DuplicateResolution.sourcePrecedence` order (read from
    /// `work_source`, without scanning the works).
    public func storedSources() throws -> [WorkSource] {
        try database.read { db in try Self.storedSources(db) }
    }

    /// The sources of `work_source`, in precedence order.
    private static func storedSources(_ db: Database) throws -> [WorkSource] {
        let names = Set(try String.fetchAll(db, sql: "SELECT source FROM work_source"))
        return DuplicateResolution.sourcePrecedence.filter { names.contains($0.rawValue) }
    }

    /// Every record with its match keys (the first author's name from the packed authorships).
    private static func matchRecords(_ db: Database) throws -> [DuplicateResolution.Record] {
        let statement = try RawStatement(
            db, sql: "SELECT id, source, source_id, doi, title, publication_year, authorships FROM work ORDER BY id")
        var records: [DuplicateResolution.Record] = []
        var issues = StoredValueIssues()
        while try statement.nextRow(db) {
            guard let source = statement.optionalText(1).flatMap(WorkSource.init(rawValue:)) else { continue }
            let authorships = statement.packedList(6, &issues, WorkBlobCodec.decodeAuthorships)
            let firstAuthor = (authorships.first { $0.position == .first } ?? authorships.first)?.authorName
            records.append(
                DuplicateResolution.Record(
                    rowID: Int64(statement.columnInt(0)), source: source,
                    sourceID: statement.optionalText(2) ?? "",
                    doi: statement.optionalText(3).flatMap(WorkMatchKey.doi),
                    titleKey: WorkMatchKey.titleKey(
                        title: statement.optionalText(4) ?? "", year: statement.publicationYear(5, &issues),
                        firstAuthor: firstAuthor)))
        }
        return records
    }

    private static func countDuplicatesAndPapers(_ db: Database, into summary: inout CrossSourceSummary) throws {
        for row in try Row.fetchAll(
            db, sql: "SELECT duplicate_match, COUNT(*) FROM work WHERE duplicate_of IS NOT NULL GROUP BY 1")
        {
            let count = StoredValue.integer(row, 1) ?? 0
            if StoredValue.text(row, 0) == DuplicateResolution.Match.title.rawValue {
                summary.duplicatesByTitle += count
            } else {
                summary.duplicatesByDOI += count
            }
        }
        for row in try Row.fetchAll(
            db, sql: "SELECT source, COUNT(*) FROM work WHERE duplicate_of IS NULL GROUP BY source")
        {
            guard let source = StoredValue.text(row, 0).flatMap(WorkSource.init(rawValue:)) else { continue }
            summary.papersBySource[source, default: 0] += StoredValue.integer(row, 1) ?? 0
        }
    }

    /// Counts the references of the Web of Science and Scopus papers, those with a DOI, and
    /// those whose DOI is a stored paper's (the analysis links them the same way).
    private static func countLinkedReferences(_ db: Database, into summary: inout CrossSourceSummary) throws {
        var stored = Set<String>()
        let dois = try RawStatement(db, sql: "SELECT doi FROM work WHERE doi IS NOT NULL")
        while try dois.nextRow(db) {
            if let doi = dois.optionalText(0).flatMap(WorkMatchKey.doi) { stored.insert(doi) }
        }
        var issues = StoredValueIssues()
        let references = try RawStatement(
            db,
            sql: """
                SELECT referenced_works FROM work
                WHERE duplicate_of IS NULL AND source IN ('\(WorkSource.wos.rawValue)', '\(WorkSource.scopus.rawValue)')
                """)
        while try references.nextRow(db) {
            for reference in references.packedList(0, &issues, WorkBlobCodec.decodeReferences) {
                summary.exportReferences += 1
                guard let doi = ExportReference.doi(reference) else { continue }
                summary.exportReferencesWithDOI += 1
                if stored.contains(doi) { summary.exportReferencesLinked += 1 }
            }
        }
    }
}

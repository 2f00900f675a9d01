import GRDB
import GRDBSQLite
public import TechTrackerCore

/// One stored patent citation as the analysis reads it (METHOD §10): the cited work's row and
/// what the filters need.
public struct PatentCitationRow: Sendable {
    /// The cited work's row id (possibly a record marked as a duplicate of another: the
    /// analysis resolves it).
    public var workRowID: Int64
    /// Confidence 1-10, 0 when the file gave none.
    public var confidence: UInt8
    /// Applicant, front page, place known, self-citation.
    public var attributes: PatentCitationAttributes

    /// Makes a row.
    public init(workRowID: Int64, confidence: UInt8, attributes: PatentCitationAttributes) {
        self.workRowID = workRowID
        self.confidence = confidence
        self.attributes = attributes
    }
}

extension WorkStore {
    /// Every stored patent citation, in work order (the table's key order, so no sort).
    ///
    /// Never traps on what the store holds: a row without an integer work id is skipped, a
    /// confidence that is not an integer from 1 to 10 reads as not given (0), a reference
    /// type, place or self-citation flag the store never writes reads as not given; each is
    /// counted (`StoredValueIssues`) and reported in one warning.
    public func patentCitationsForAnalysis() throws -> [PatentCitationRow] {
        var issues = StoredValueIssues()
        defer { report(issues, reading: "patent citations") }
        return try database.read { db in
            var rows: [PatentCitationRow] = []
            rows.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM patent_citation") ?? 0)
            let statement = try RawStatement(
                db,
                sql: """
                    SELECT work_id, confidence, reference_type, place, self_citation
                    FROM patent_citation ORDER BY work_id
                    """)
            while try statement.nextRow(db) {
                guard statement.columnType(0) == SQLITE_INTEGER else {
                    issues.note(.skippedRow)
                    continue
                }
                var citation = PatentCitation(work: .openAlex(0), patent: "")
                citation.referenceType = statement.storedWord(2, StoredPatentWords.referenceTypes, &issues)
                citation.place = statement.storedWord(3, StoredPatentWords.places, &issues)
                switch statement.columnType(4) {
                case SQLITE_NULL: break
                case SQLITE_INTEGER where (0...1).contains(statement.columnInt(4)):
                    citation.isSelfCitation = statement.columnInt(4) == 1
                default: issues.note(.missingValue)
                }
                var confidence: UInt8 = 0
                switch statement.columnType(1) {
                case SQLITE_NULL: break
                case SQLITE_INTEGER where (1...10).contains(statement.columnInt(1)):
                    confidence = UInt8(statement.columnInt(1))
                default: issues.note(.missingValue)
                }
                rows.append(
                    PatentCitationRow(
                        workRowID: Int64(statement.columnInt(0)), confidence: confidence,
                        attributes: citation.attributes))
            }
            return rows
        }
    }

    /// What patent-citation data the store holds, or `nil` when no patent file was ever read.
    ///
    /// One entry per file name: its latest read that finished (else its latest read), with the
    /// citations kept from it and its cut-off. `cutoffYear` is the latest cut-off of any read,
    /// `citations` the rows of `patent_citation`; `countingCitations` and `citedWorks` depend
    /// on the analysis's filter and works, and are left 0 for it to fill.
    public func patentDataSummary() throws -> PatentDataSummary? {
        var issues = StoredValueIssues()
        defer { report(issues, reading: "patent files") }
        return try database.read { db in
            let reads = try Row.fetchAll(
                db,
                sql: """
                    SELECT name, size, citations_new + citations_updated + citations_unchanged, latest_year,
                        finished_at IS NOT NULL
                    FROM patent_file ORDER BY id
                    """)
            guard !reads.isEmpty else { return nil }
            var latest: [String: (file: PatentDataSummary.File, finished: Bool)] = [:]
            var cutoff: Int?
            for read in reads {
                guard let name = StoredValue.text(read, 0) else {
                    issues.note(.skippedRow)
                    continue
                }
                let year = StoredValue.integer(read, 3)
                if let year { cutoff = max(cutoff ?? year, year) }
                let finished = StoredValue.flag(read, 4) ?? false
                // A later read replaces an earlier one, unless it stopped part way and the earlier finished.
                if let kept = latest[name], kept.finished && !finished { continue }
                let file = PatentDataSummary.File(
                    name: name, size: Int64(StoredValue.requiredInteger(read, 1, &issues)),
                    citations: StoredValue.requiredInteger(read, 2, &issues), latestYear: year)
                latest[name] = (file, finished)
            }
            let citations = try Int.fetchOne(db, sql: "SELECT count(*) FROM patent_citation") ?? 0
            return PatentDataSummary(
                files: latest.values.map(\.file).sorted { $0.name < $1.name }, cutoffYear: cutoff,
                citations: citations, countingCitations: 0, citedWorks: 0)
        }
    }
}

extension RawStatement {
    /// A stored reference type or place: NULL is not given; a word the store never writes
    /// reads as not given too, and is counted. Compared as bytes with the words listed once
    /// (this runs twice per citation).
    fileprivate func storedWord<Word>(
        _ index: Int32, _ words: [(bytes: [UInt8], word: Word)], _ issues: inout StoredValueIssues
    ) -> Word? {
        let type = columnType(index)
        guard type != SQLITE_NULL else { return nil }
        if type == SQLITE_TEXT {
            let bytes = columnTextBytes(index)
            for candidate in words where bytes.elementsEqual(candidate.bytes) { return candidate.word }
        }
        issues.note(.missingValue)
        return nil
    }
}

/// The words the store writes for reference types and places, as bytes.
private enum StoredPatentWords {
    static let referenceTypes = PatentReferenceType.allCases.map { (bytes: Array($0.rawValue.utf8), word: $0) }
    static let places = PatentCitationPlace.allCases.map { (bytes: Array($0.rawValue.utf8), word: $0) }
}

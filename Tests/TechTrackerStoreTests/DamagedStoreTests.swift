import Foundation
import GRDB
import Testing
import TechTrackerCore
@testable import TechTrackerStore

/// A store may come from an older version or another tool: whatever its rows hold, the
/// readers never trap; they read each unusable value as documented and count it.
struct DamagedStoreTests {
    /// A store whose `tables` were rebuilt without constraints, as another tool might have
    /// made them, so that NULLs and wrong types can be stored where ours never are. A table
    /// with keys to another is listed before it: SQLite refuses to drop a table others refer
    /// to, and to write one whose key lost its index ("foreign key mismatch").
    func looseStore(_ tables: [String], messages: StoreMessages) throws -> WorkStore {
        let path = try temporaryStorePath()
        try closedStore(at: path, works: [sampleWork(id: "W1")])
        try DatabaseQueue(path: path).write { db in
            for table in tables {
                try db.execute(
                    sql:
                        "CREATE TABLE loose AS SELECT * FROM \(table); DROP TABLE \(table); ALTER TABLE loose RENAME TO \(table)"
                )
            }
        }
        return try WorkStore(path: path, messages: messages.sink)
    }

    /// Adds a copy of W1 under `id` with the given columns replaced (SQL expressions).
    func insertVariant(_ id: String, _ replacements: [String: String], into store: WorkStore) throws {
        let columns = [
            "id", "source_id", "source", "doi", "title", "abstract", "keywords", "topics", "publication_year", "type",
            "language", "is_retracted", "cited_by_count", "counts_by_year", "referenced_works", "authorships",
            "updated_date", "content_hash",
        ]
        let values = columns.map { column in
            switch column {
            case "id": "(SELECT MAX(id) + 1 FROM work)"
            case "source_id": "'\(id)'"
            default: replacements[column] ?? column
            }
        }
        try store.database.write { db in
            try db.execute(
                sql:
                    "INSERT INTO work (\(columns.joined(separator: ", "))) SELECT \(values.joined(separator: ", ")) FROM work WHERE source_id = 'W1'"
            )
        }
    }

    @Test func workTypesReadANullTypeAsNoTypeWithoutTrapping() throws {
        let store = try looseStore(["membership", "patent_citation", "work"], messages: StoreMessages())
        try insertVariant("W2", ["type": "NULL"], into: store)
        try insertVariant("W3", ["type": "NULL"], into: store)
        let types = try store.workTypes()
        // W1 keeps its type; W2 and W3 have none, read as "" (shown as "(none)" by analyze).
        #expect(types.count == 2)
        #expect(types.first.map { $0.type == "" && $0.works == 2 } == true)
        #expect(types.last.map { $0.works == 1 && !$0.type.isEmpty } == true)
    }

    @Test func badWorkValuesAreClampedCountedAndReportedNeverTrapped() throws {
        let messages = StoreMessages()
        let store = try looseStore(["membership", "patent_citation", "work"], messages: messages)
        try insertVariant(
            "W2", ["authorships": "x'01ff'", "referenced_works": "NULL", "publication_year": "99999"], into: store)
        try insertVariant("W3", ["cited_by_count": "-3", "publication_year": "'soon'", "type": "NULL"], into: store)
        try insertVariant(
            "W4",
            [
                "cited_by_count": "NULL", "is_retracted": "NULL", "title": "NULL", "keywords": "NULL",
                "publication_year": "1799", "counts_by_year": "x'05'",
            ], into: store)

        var rows: [AnalysisRow] = []
        try store.forEachAnalysisRow { rows.append($0) }
        #expect(rows.count == 4)  // never skipped: the analysis lines rows up with sourceIDs()
        #expect(try store.sourceIDs().map(\.sourceID) == ["W1", "W2", "W3", "W4"])
        #expect(rows.map(\.publicationYear) == [2021, nil, nil, nil])
        #expect(rows.map(\.citedByCount) == [12, 12, 0, 0])
        #expect(rows.map(\.type) == ["article", "article", "", "article"])
        #expect(rows[1].authorships.isEmpty && rows[1].referencedWorks.isEmpty && rows[0].authorships.count == 2)
        var analysis = StoredValueIssues()
        analysis.note(.unreadableList, count: 2)  // W2's authorships and references
        analysis.note(.yearOutOfRange, count: 3)  // 99999, 'soon', 1799
        analysis.note(.negativeCount)  // W3
        analysis.note(.missingValue, count: 3)  // W3's type, W4's citations and retraction flag
        #expect(store.storedValueIssues == analysis)
        #expect(
            messages.all == [
                "warning: \(store.path): works for the analysis: 2 unreadable packed list(s) (read as empty), "
                    + "3 missing or mistyped value(s) (read as empty, 0 or false), 3 publication year(s) outside 1800-2200 (read as unknown), "
                    + "1 negative citation count(s) (read as 0)"
            ])

        var summaries: [StoredWorkSummary] = []
        try store.forEachWorkSummary { summaries.append($0) }
        #expect(
            summaries.map(\.citedByCount) == [12, 12, 0, 0]
                && summaries.map(\.publicationYear) == [2021, nil, nil, nil])
        #expect(try store.workSummaries(rowIDs: [4, 3, 99]).map(\.type) == ["article", ""])
        var texts: [StoredWorkText] = []
        try store.forEachWorkText { texts += $0 }
        #expect(texts.map(\.title) == ["Qubit arrays", "Qubit arrays", "Qubit arrays", ""])
        #expect(texts[3].keywords == ["Quantum Computing"] && texts[1].publicationYear == nil)
        #expect(try store.workTexts(rowIDs: [4]).first?.title == "")
        let w4 = try #require(try store.work(id: "W4"))
        #expect(w4.countsByYear.isEmpty && w4.citedByCount == 0 && !w4.isRetracted && w4.title == "")
        #expect(try store.work(id: "W2")?.authorships.isEmpty == true)
        // Only plausible years span the data: one stray 99999 must not stretch the windows.
        #expect(try store.publicationYearRange() == 2021...2021)
    }

    @Test func classificationRowsWithoutKeysAreSkipped() throws {
        let messages = StoreMessages()
        let store = try looseStore([], messages: messages)
        try store.replaceClassification(
            technologies: [StoredTechnology(id: "t", name: "T", category: "C", scope: "", query: "TS=x")],
            memberships: [[1]], taxonomyHash: "h", taxonomySource: "test", startedAt: Date(), works: 1)
        try store.database.write { db in
            // membership first: it has keys to technology
            for table in ["membership", "technology", "classification_run"] {
                try db.execute(
                    sql:
                        "CREATE TABLE loose AS SELECT * FROM \(table); DROP TABLE \(table); ALTER TABLE loose RENAME TO \(table)"
                )
            }
            try db.execute(
                sql: """
                    INSERT INTO technology (id, position, name, category, scope, query) VALUES (NULL, 1, 'lost', 'C', '', ''), ('u', 2, NULL, 7, '', 'TS=y');
                    INSERT INTO membership (technology, work) VALUES (NULL, 1), ('t', NULL), ('t', 'abc'), ('u', 1);
                    INSERT INTO classification_run (id, taxonomy_hash, taxonomy_source, started_at, finished_at, works, memberships)
                        VALUES (99, NULL, 'test', '', '2999-01-01', 'many', NULL);
                    """)
        }
        #expect(try store.storedTechnologies().map(\.id) == ["t", "u"])
        #expect(try store.storedTechnologies().last?.category == "7")
        #expect(try store.memberships().map(\.technology) == ["t", "u"])
        #expect(try store.memberWorkIDs(of: "t") == [1])
        let last = try #require(try store.lastClassification())
        #expect(last.taxonomyHash == "" && last.works == 0 && last.memberships == 0 && last.finishedAt == "2999-01-01")
        #expect(try store.membershipCounts()["t"] == 3)
        #expect(!messages.all.isEmpty && messages.all.allSatisfy { $0.hasPrefix("warning: \(store.path): ") })
        #expect(store.storedValueIssues.counts[.skippedRow, default: 0] >= 5)
    }

    @Test func storedFiguresWithoutKeysAreSkippedAndUnreadableSettingsAreAnError() throws {
        let messages = StoreMessages()
        let store = try looseStore([], messages: messages)
        var results = AnalysisResults(settings: AnalysisSettings(), taxonomyHash: "h", synthetic: false)
        results.headline = [
            HeadlineRow(
                windowStart: 2020, windowEnd: 2024, counting: .fractional, country: "US",
                technologiesLed: 3, technologiesTop5: 5)
        ]
        try store.replaceResults(results)
        try store.database.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE loose AS SELECT * FROM headline; DROP TABLE headline; ALTER TABLE loose RENAME TO headline;
                    INSERT INTO headline VALUES (2020, 2024, 'fractional', 'country', NULL, 1, 1, 0, 0);
                    INSERT INTO headline VALUES (2020, 2024, 'whole', 'country', 'CN', NULL, 'x', 0, 0);
                    """)
        }
        let stored = try #require(try store.storedResults())
        #expect(stored.headline.map(\.country).sorted() == ["CN", "US"])
        #expect(stored.headline.first { $0.country == "CN" }?.technologiesLed == 0)
        #expect(store.storedValueIssues.counts[.skippedRow] == 1 && store.storedValueIssues.counts[.missingValue] == 2)
        try store.database.write { try $0.execute(sql: "UPDATE analysis_run SET settings = '{not json'") }
        #expect {
            try store.storedResults()
        } throws: { error in
            "\(error)".hasPrefix("the stored figures cannot be read (settings of the last analysis")
        }
    }
}

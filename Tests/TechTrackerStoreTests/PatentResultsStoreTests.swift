import Foundation
import GRDB
import Testing
import TechTrackerCore
@testable import TechTrackerStore

/// `v10-patent-results`: the figures by patent citations are stored with the other results,
/// replaced with them, absent from stores that have none, and an older store gets the tables.
struct PatentResultsStoreTests {
    /// Results with every kind of patent row: countries and a group, missing rates and intervals,
    /// a technology without a leader by patent-cited share, and the data the analysis read. Rows
    /// are in the order of their keys, the order the store reads them back in.
    static func results(synthetic: Bool = false) -> AnalysisResults {
        var results = AnalysisResults(settings: AnalysisSettings(), taxonomyHash: "h", synthetic: synthetic)
        results.settings.patentFilter = PatentCitationFilter(minimumConfidence: 5, applicantOnly: true)
        results.headline = [
            HeadlineRow(
                windowStart: 2015, windowEnd: 2019, counting: .fractional, country: "CN", technologiesLed: 2,
                technologiesTop5: 2)
        ]
        results.patentLinkage = [
            PatentLinkageRow(
                technology: "pv", windowStart: 2015, windowEnd: 2019, counting: .fractional, country: "CN", pc: 7.5,
                patentCitedShare: 0.375, patentRate: nil, rti: nil, rank: 2, ciLow: nil, ciHigh: nil,
                incomplete: false, lowEvidence: true),
            PatentLinkageRow(
                technology: "pv", windowStart: 2015, windowEnd: 2019, counting: .fractional, country: "US", pc: 12.5,
                patentCitedShare: 0.625, patentRate: 0.3125, rti: 1.5, rank: 1, ciLow: 0.5, ciHigh: 0.75,
                incomplete: false, lowEvidence: false),
            PatentLinkageRow(
                technology: "pv", windowStart: 2020, windowEnd: 2024, counting: .whole, unitType: .group,
                country: "EU27", pc: 1, patentCitedShare: 1, patentRate: 0.1, rti: 2.25, rank: 1, ciLow: 1,
                ciHigh: 1, incomplete: true, lowEvidence: true),
        ]
        results.patentSummaries = [
            PatentSummaryRow(
                technology: "ai", windowStart: 2020, windowEnd: 2024, counting: .fractional, topWorks: 3,
                patentCitedTopWorks: 0, leaderByShare: "CN", leader: nil, leaderPatentCitedShare: nil,
                leaderTied: true, leadersDiffer: false, incomplete: true, lowEvidence: true),
            PatentSummaryRow(
                technology: "pv", windowStart: 2015, windowEnd: 2019, counting: .fractional, topWorks: 40.5,
                patentCitedTopWorks: 20, leaderByShare: "CN", leader: "US", leaderPatentCitedShare: 0.625,
                leaderTied: false, leadersDiffer: true, incomplete: false, lowEvidence: false),
        ]
        results.patentHeadline = [
            HeadlineRow(
                windowStart: 2015, windowEnd: 2019, counting: .fractional, country: "US", technologiesLed: 1,
                technologiesTop5: 2, ledLowEvidence: 1),
            HeadlineRow(
                windowStart: 2015, windowEnd: 2019, counting: .fractional, country: "EU27", technologiesLed: 0,
                technologiesTop5: 1, unitType: .group, ledTied: 1),
        ]
        results.patentData = PatentDataSummary(
            files: [
                .init(name: "_pcs_oa.csv", size: 1_234_567_890, citations: 900, latestYear: 2024),
                .init(name: "extra.csv", size: 10, citations: 0, latestYear: nil),
            ], cutoffYear: 2024, citations: 900, countingCitations: 700, citedWorks: 321)
        return results
    }

    @Test func patentFiguresRoundTripAndAreReplacedWithTheOthers() throws {
        let store = try temporaryStore()
        let results = Self.results()
        try store.replaceResults(results)
        #expect(try store.storedResults() == results)
        #expect(store.storedValueIssues.isEmpty)

        // The next analysis without patent data leaves none of them behind.
        var next = AnalysisResults(settings: AnalysisSettings(), taxonomyHash: "h2", synthetic: false)
        next.headline = results.headline
        try store.replaceResults(next)
        let stored = try #require(try store.storedResults())
        #expect(stored == next)
        #expect(stored.patentData == nil && stored.patentLinkage.isEmpty && stored.patentSummaries.isEmpty)
        #expect(stored.patentHeadline.isEmpty)
        let counts = try store.database.read { db in
            try ["patent_linkage", "patent_summary", "patent_headline"].map {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1
            }
        }
        #expect(counts == [0, 0, 0])
        #expect(store.storedValueIssues.isEmpty)
    }

    @Test func resultsWithoutPatentDataReadAsNone() throws {
        let store = try temporaryStore()
        #expect(try store.storedResults() == nil)
        let plain = AnalysisResults(settings: AnalysisSettings(), taxonomyHash: "h", synthetic: true)
        try store.replaceResults(plain)
        #expect(try store.storedResults() == plain)
        #expect(store.storedValueIssues.isEmpty)
    }

    /// A store as the version before this one left it (every migration up to v10), with the
    /// figures of one analysis: opening it to write adds the patent tables and keeps the figures,
    /// which read without patent figures until the next analysis stores some.
    @Test func anOlderStoreIsUpgradedAndReadsWithoutPatentFigures() throws {
        let path = try temporaryStorePath()
        let older = StoreSchema.migrations.prefix { $0.identifier != "v10-patent-results" }
        #expect(older.count == StoreSchema.migrations.count - 2)  // v10 and v11 come after
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            for migration in older {
                try db.execute(sql: migration.sql)
                try db.execute(
                    sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.identifier])
            }
            try db.execute(
                sql: """
                    INSERT INTO headline (window_start, window_end, counting, unit_type, country, technologies_led,
                        technologies_top5, led_low_evidence, led_tied) VALUES (2020, 2024, 'fractional', 'country', 'US', 1, 2, 0, 0)
                    """)
            let settings = String(decoding: try JSONEncoder().encode(AnalysisSettings()), as: UTF8.self)
            try db.execute(
                sql:
                    "INSERT INTO analysis_run (created_at, taxonomy_hash, settings, synthetic) VALUES ('c', 'h', ?, 0)",
                arguments: [settings])
        }
        // A reader may not upgrade it.
        #expect(throws: StoreError.self) { try WorkStore(path: path, mode: .readOnly) }

        let store = try WorkStore(path: path)
        #expect(try store.database.read { try StoreSchema.state($0) } == .current)
        let stored = try #require(try store.storedResults())
        #expect(stored.headline.map(\.country) == ["US"])
        #expect(stored.patentData == nil && stored.patentLinkage.isEmpty && stored.patentHeadline.isEmpty)
        #expect(store.storedValueIssues.isEmpty)

        try store.replaceResults(Self.results())
        #expect(try store.storedResults() == Self.results())
        #expect(try WorkStore(path: path, mode: .readOnly).storedResults() == Self.results())
    }

    @Test func oddStoredPatentValuesAreSkippedOrCountedNeverTrapped() throws {
        let messages = StoreMessages()
        let store = try WorkStore(path: try temporaryStorePath(), messages: messages.sink)
        try store.replaceResults(Self.results())
        try store.database.write { db in
            for table in ["patent_linkage", "patent_summary"] {
                try db.execute(
                    sql:
                        "CREATE TABLE loose AS SELECT * FROM \(table); DROP TABLE \(table); ALTER TABLE loose RENAME TO \(table)"
                )
            }
            try db.execute(
                sql: """
                    UPDATE analysis_run SET patent_data = '{not json';
                    INSERT INTO patent_linkage (technology, window_start, window_end, counting, unit_type, country, pc,
                        patent_cited_share, rank, incomplete, low_evidence)
                        VALUES ('pv', 2015, 2019, 'fractional', 'country', NULL, 1, 0.5, 3, 0, 0),
                               ('pv', 2015, 2019, 'fractional', 'country', 'DE', 'many', NULL, 'x', NULL, 1);
                    INSERT INTO patent_summary (technology, window_start, window_end, counting, top_works,
                        patent_cited_top_works, leader_tied, leaders_differ, incomplete, low_evidence)
                        VALUES ('qc', 'soon', 2019, 'fractional', 1, 1, 0, 0, 0, 0);
                    """)
        }
        let stored = try #require(try store.storedResults())
        #expect(stored.patentLinkage.count == 4)  // the row without a country is skipped
        let de = try #require(stored.patentLinkage.first { $0.country == "DE" })
        #expect(de.pc == 0 && de.patentCitedShare == 0 && de.rank == 0 && !de.incomplete && de.lowEvidence)
        #expect(stored.patentSummaries.count == 2)  // the row without a window is skipped
        // The rows stay, described as data of unknown files and cut-off.
        #expect(stored.patentData == WorkStore.unknownPatentData)
        #expect(store.storedValueIssues.counts[.skippedRow] == 2)
        #expect(store.storedValueIssues.counts[.missingValue] == 5)  // pc, share, rank, incomplete, patent_data
        #expect(messages.all.count == 1 && messages.all[0].hasPrefix("warning: \(store.path): stored figures: "))
    }

    @Test func aStoreWithoutThePatentTablesReadsAsNone() throws {
        let store = try temporaryStore()
        try store.replaceResults(Self.results())
        try store.database.write { db in
            try db.execute(sql: "DROP TABLE patent_linkage; DROP TABLE patent_summary; DROP TABLE patent_headline")
            try db.execute(sql: "ALTER TABLE analysis_run DROP COLUMN patent_data")
        }
        let stored = try #require(try store.storedResults())
        #expect(stored.patentData == nil && stored.patentLinkage.isEmpty && stored.patentSummaries.isEmpty)
        #expect(stored.headline == Self.results().headline)
        #expect(store.storedValueIssues.isEmpty)
    }
}

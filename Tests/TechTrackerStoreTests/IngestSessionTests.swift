import Foundation
import GRDB
import Testing
import TechTrackerCore
@testable import TechTrackerStore

/// `WorkStore.ingest`: a normal run commits batch by batch, a strict run all or nothing, and
/// either records itself with the outcomes it stored.
struct IngestSessionTests {
    struct RunRecord: Equatable {
        var inputs: String
        var counts: [Int]  // read, new, updated, unchanged, conflicting, rejected
    }

    func runRecords(_ store: WorkStore) throws -> [RunRecord] {
        try store.database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT inputs, records_read, works_new, works_updated, works_unchanged, works_conflicting, records_rejected
                    FROM ingest_run ORDER BY id
                    """
            ).map { row in RunRecord(inputs: row[0], counts: (1...6).map { row[$0] }) }
        }
    }

    func rows(_ ids: ClosedRange<Int>, updated: String = "2025-01-01") -> [WorkRow] {
        ids.map { WorkRow(sampleWork(id: "W\($0)", updated: updated)) }
    }

    @Test func aNormalRunCommitsEachBatchAndRecordsWhatItStored() throws {
        let store = try temporaryStore()
        var seen: [UpsertCounts] = []
        let committed = try store.ingest(strict: false, inputs: ["a.jsonl", "b.jsonl"], startedAt: Date()) { session in
            seen.append(try session.upsert(rows(1...3)))
            // Committed already: another connection sees the first batch.
            #expect(try WorkStore(path: store.path, mode: .readOnly).workCount() == 3)
            seen.append(try session.upsert([]))
            seen.append(try session.upsert(rows(2...4, updated: "2025-06-01")))
            #expect(session.outcomes.new == 4 && session.outcomes.updated == 2)
            try session.finish(recordsRead: 7, rejected: 1)
        }
        #expect(committed)
        #expect(seen.map(\.new) == [3, 0, 1] && seen.map(\.updated) == [0, 0, 2])
        #expect(try runRecords(store) == [RunRecord(inputs: "a.jsonl\nb.jsonl", counts: [7, 4, 2, 0, 0, 1])])
    }

    @Test func aStrictRunCommitsOnlyWhenItFinishes() throws {
        let store = try temporaryStore()
        let stopped = try store.ingest(strict: true, inputs: ["a"], startedAt: Date()) { session in
            _ = try session.upsert(rows(1...3))
        }
        #expect(!stopped)
        #expect(try store.workCount() == 0 && store.institutions().isEmpty && runRecords(store).isEmpty)

        struct Failure: Error {}
        #expect(throws: Failure.self) {
            try store.ingest(strict: true, inputs: ["b"], startedAt: Date()) { session in
                _ = try session.upsert(rows(1...3))
                try session.finish(recordsRead: 3, rejected: 0)
                throw Failure()
            }
        }
        #expect(try store.workCount() == 0 && runRecords(store).isEmpty)

        let clean = try store.ingest(strict: true, inputs: ["c"], startedAt: Date()) { session in
            _ = try session.upsert(rows(1...2))
            _ = try session.upsert(rows(3...3))
            try session.finish(recordsRead: 3, rejected: 0)
        }
        #expect(clean)
        #expect(try store.workCount() == 3 && store.institutions().count == 1)
        #expect(try runRecords(store) == [RunRecord(inputs: "c", counts: [3, 3, 0, 0, 0, 0])])
    }
}

/// The reads `query` and `explain` make: sample titles and members per year.
struct SampleReadTests {
    @Test func titlesAreCutInTheOrderAskedAndMissingIdsSkipped() throws {
        let store = try temporaryStore()
        _ = try upsert(
            [sampleWork(id: "W1", title: "Qubit arrays"), sampleWork(id: "W2", title: "Ion traps")], into: store)
        #expect(
            try store.workTitles(rowIDs: [2, 99, 1], characters: 5) == [
                StoredWorkTitle(rowID: 2, title: "Ion t", publicationYear: 2021),
                StoredWorkTitle(rowID: 1, title: "Qubit", publicationYear: 2021),
            ])
        #expect(try store.workTitles(rowIDs: [], characters: 5).isEmpty)
    }

    @Test func membersAreCountedByPlausibleYear() throws {
        let store = try temporaryStore()
        var works = (1...4).map { sampleWork(id: "W\($0)") }
        works[1].publicationYear = 2019
        works[2].publicationYear = nil
        _ = try upsert(works, into: store)
        try store.database.write { try $0.execute(sql: "UPDATE work SET publication_year = 9999 WHERE id = 4") }
        try store.replaceClassification(
            technologies: [StoredTechnology(id: "t", name: "T", category: "C", scope: "", query: "TS=x")],
            memberships: [[1, 2, 3, 4]], taxonomyHash: "h", taxonomySource: "test", startedAt: Date(), works: 4)
        #expect(try store.memberCountsByYear(of: "t") == [2021: 1, 2019: 1])
        #expect(try store.memberCountsByYear(of: "other").isEmpty)
    }
}

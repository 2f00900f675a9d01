import GRDB
import Testing
import TechTrackerCore
@testable import TechTrackerStore

/// Two records of one id with the same `updated_date` and different content: the larger
/// content hash is kept, and the counts say `conflicting`, whatever the order.
struct SameDateConflictTests {
    private let first = sampleWork(title: "Version A")
    private let second = sampleWork(title: "Version B")

    /// The record that must win, and the larger hash.
    private var winner: (work: Work, hash: UInt64) {
        let (a, b) = (WorkRow(first).contentHash, WorkRow(second).contentHash)
        return a > b ? (first, a) : (second, b)
    }

    @Test func theLargerHashIsKeptAndCountedAsAConflictInEitherOrder() throws {
        #expect(WorkRow(first).contentHash != WorkRow(second).contentHash)
        for order in [[first, second], [second, first]] {
            // Both in one transaction, and one transaction (and upserter) each.
            for split in [false, true] {
                let store = try temporaryStore()
                var counts = UpsertCounts()
                if split {
                    for work in order { counts += try upsert([work], into: store) }
                } else {
                    counts = try upsert(order, into: store)
                }
                #expect(counts.new == 1 && counts.conflicting == 1 && counts.total == 2)
                #expect(try store.work(id: "W1") == winner.work)
                #expect(try storedHash(of: "W1", in: store) == winner.hash)
            }
        }
    }

    @Test func theSameRecordAgainIsUnchanged() throws {
        let store = try temporaryStore()
        let once = try upsert([first, first], into: store)
        #expect(once.new == 1 && once.unchanged == 1 && once.conflicting == 0)
        let again = try upsert([first], into: store)
        #expect(again.unchanged == 1 && again.total == 1)
        #expect(try store.work(id: "W1") == first)
    }

    @Test func rowsStoredWithoutAHashResolveTheSameWay() throws {
        for order in [[first, second], [second, first]] {
            let store = try temporaryStore()
            _ = try upsert([order[0]], into: store)
            try forgetHashes(in: store)
            let counts = try upsert([order[1]], into: store)
            #expect(counts.conflicting == 1 && counts.total == 1)
            #expect(try store.work(id: "W1") == winner.work)
            // Whichever won, the row now carries its hash.
            #expect(try storedHash(of: "W1", in: store) == winner.hash)
        }
        // The same record over a row without a hash: unchanged, and the hash is filled in.
        let store = try temporaryStore()
        _ = try upsert([first], into: store)
        try forgetHashes(in: store)
        #expect(try upsert([first], into: store).unchanged == 1)
        #expect(try storedHash(of: "W1", in: store) == WorkRow(first).contentHash)
    }

    @Test func newerAndOlderDatesStillDecideBeforeTheHash() throws {
        let older = sampleWork(updated: "2024-01-01", title: "zzz older")
        let newer = sampleWork(updated: "2025-06-01", title: "aaa newer")
        for order in [[older, newer], [newer, older]] {
            let store = try temporaryStore()
            _ = try upsert(order, into: store)
            #expect(try store.work(id: "W1") == newer)
            #expect(try storedHash(of: "W1", in: store) == WorkRow(newer).contentHash)
        }
    }

    @Test func everyFieldAndItsBoundariesChangeTheHash() {
        var base = sampleWork()
        base.doi = nil
        var emptyDOI = base
        emptyDOI.doi = ""
        var moved1 = base, moved2 = base
        (moved1.title, moved1.abstract) = ("ab", "c")
        (moved2.title, moved2.abstract) = ("a", "bc")
        var retracted = base
        retracted.isRetracted = true
        var noYear = base
        noYear.publicationYear = nil
        var cited = base
        cited.citedByCount += 1
        var references = base
        references.referencedWorks.append("W12")
        let hashes = [base, emptyDOI, moved1, moved2, retracted, noYear, cited, references].map {
            WorkRow($0).contentHash
        }
        #expect(Set(hashes).count == hashes.count)
    }

    @Test func theHashOfAFixedRowIsPinned() {
        // Stored hashes are compared with hashes computed by later versions: the encoding and
        // the mixing constants must not change, or re-ingests would report false conflicts.
        // (The encoding was checked against an independent implementation in Python on stored rows.)
        #expect(WorkRow(sampleWork()).contentHash == 0x8254_7476_64F3_0AC6)
    }

    private func storedHash(of id: String, in store: WorkStore) throws -> UInt64? {
        try store.database.read { db in
            try Int64.fetchOne(db, sql: "SELECT content_hash FROM work WHERE source_id = ?", arguments: [id])
        }.map { UInt64(bitPattern: $0) }
    }

    /// Makes the store look as if written before `content_hash` existed.
    private func forgetHashes(in store: WorkStore) throws {
        try store.database.write { db in try db.execute(sql: "UPDATE work SET content_hash = NULL") }
    }
}

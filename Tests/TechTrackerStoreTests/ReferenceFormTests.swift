import Foundation
import GRDB
import Testing
import TechTrackerCore
@testable import TechTrackerStore

/// References stored in either form (the list form older stores hold, the numbered form of
/// OpenAlex ids) read back alike, and a record hashes the same whichever form its stored row
/// has, so re-reading an unchanged record never reports a change or a conflict.
struct ReferenceFormTests {
    func work() -> Work {
        var work = sampleWork(id: "W7")
        work.referencedWorks = ["W2741809807", "W10", "W4400000001"]
        return work
    }

    func storedReferences(_ store: WorkStore) throws -> [UInt8] {
        try store.database.read { db in
            try [UInt8](
                try Data.fetchOne(db, sql: "SELECT referenced_works FROM work WHERE source_id = 'W7'") ?? Data())
        }
    }

    @Test func anOpenAlexRecordIsStoredNumberedAndReadBackAsIs() throws {
        let store = try temporaryStore()
        _ = try upsert([work()], into: store)
        #expect(try storedReferences(store).prefix(2) == [0, 1])
        #expect(try store.work(id: "W7")?.referencedWorks == work().referencedWorks)
    }

    @Test(arguments: [true, false])
    func anUnchangedRecordIsUnchangedWhateverFormItsRowHas(listForm: Bool) throws {
        let store = try temporaryStore()
        _ = try upsert([work()], into: store)
        try store.database.write { db in
            if listForm {
                // As a store written before the numbered form holds it.
                try db.execute(
                    sql: "UPDATE work SET referenced_works = ? WHERE source_id = 'W7'",
                    arguments: [Data(WorkBlobCodec.encodeReferenceList(work().referencedWorks))])
            }
            // And without a stored hash: the row itself is hashed.
            try db.execute(sql: "UPDATE work SET content_hash = NULL")
        }
        #expect(try store.work(id: "W7")?.referencedWorks == work().referencedWorks)
        let counts = try upsert([work()], into: store)
        #expect(counts.unchanged == 1 && counts.conflicting == 0 && counts.updated == 0)
    }
}

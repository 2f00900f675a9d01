import Testing
import TechTrackerCore
@testable import TechTrackerStore

struct WorkUpserterTests {
    @Test func newWorkIsStoredWithEveryField() throws {
        let store = try temporaryStore()
        let counts = try upsert([sampleWork()], into: store)
        #expect(counts == { var c = UpsertCounts(); c.new = 1; return c }())
        let stored = try #require(try store.work(id: "W1"))
        #expect(stored == sampleWork())
    }

    @Test func newerUpdatedDateReplacesOlderOrSameDoesNot() throws {
        let store = try temporaryStore()
        _ = try upsert([sampleWork(updated: "2025-01-01")], into: store)
        let counts = try upsert([
            sampleWork(updated: "2024-12-31", title: "older"),
            sampleWork(updated: "2025-01-01", title: "same date"),
            sampleWork(updated: "2025-02-01T10:00:00", title: "newer"),
        ], into: store)
        #expect(counts.new == 0 && counts.unchanged == 2 && counts.updated == 1)
        #expect(try store.work(id: "W1")?.title == "newer")
        #expect(try store.workCount() == 1)
    }

    @Test func reingestingChangesNothing() throws {
        let store = try temporaryStore()
        let works = (1...50).map { sampleWork(id: "W\($0)") }
        #expect(try upsert(works, into: store).new == 50)
        let again = try upsert(works, into: store)
        #expect(again.unchanged == 50 && again.new == 0 && again.updated == 0)
        #expect(try store.workCount() == 50)
    }

    @Test func institutionsAreStoredOnce() throws {
        let store = try temporaryStore()
        _ = try upsert((1...5).map { sampleWork(id: "W\($0)") }, into: store)
        let institutions = try store.institutions()
        #expect(institutions.count == 1)
        #expect(institutions["I1"] == Institution(id: "I1", name: "MIT", ror: "042nb2s44", country: CountryCode("US"), type: "education"))
    }

    @Test func sourcesAreCounted() throws {
        let store = try temporaryStore()
        var synthetic = sampleWork(id: "W2")
        synthetic.source = .synthetic
        _ = try upsert([sampleWork(), synthetic], into: store)
        #expect(try store.workCountsBySource() == [.openalex: 1, .synthetic: 1])
    }
}

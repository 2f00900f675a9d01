import GRDB
import Testing
@testable import TechTrackerStore

/// Scans of the work table run with SQLite's memory map off, and leave it as it was.
@Suite struct MemoryMapTests {
    func mapSize(_ store: WorkStore) throws -> Int {
        try store.database.inDatabase { try Int.fetchOne($0, sql: "PRAGMA mmap_size") ?? -1 }
    }

    @Test func theMapIsOffInsideAndBackAfter() throws {
        let store = try temporaryStore()
        let before = try mapSize(store)
        #expect(before == 268_435_456)
        let inside = try store.withoutMemoryMap { try mapSize(store) }
        #expect(inside == 0)
        #expect(try mapSize(store) == before)
        // Nested and thrown out of: still restored.
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try store.withoutMemoryMap {
                #expect(try store.withoutMemoryMap { try mapSize(store) } == 0)
                throw Stop()
            }
        }
        #expect(try mapSize(store) == before)
    }

    @Test func aReadOnlyStoreToo() throws {
        let path = try temporaryStore().path
        let store = try WorkStore(path: path, mode: .readOnly)
        #expect(try store.withoutMemoryMap { try store.workCount() } == 0)
        #expect(try mapSize(store) == 268_435_456)
    }
}

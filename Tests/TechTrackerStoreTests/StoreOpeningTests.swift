import Foundation
import TestScratch
import GRDB
import Synchronization
import Testing
import TechTrackerCore
@testable import TechTrackerStore

/// Collects the messages a store sends (notices, warnings) instead of printing them.
final class StoreMessages: Sendable {
    private let lines = Mutex<[String]>([])
    var all: [String] { lines.withLock { $0 } }
    var sink: @Sendable (String) -> Void { { line in self.lines.withLock { $0.append(line) } } }
}

/// A path in a fresh temporary folder, with nothing at it yet.
func temporaryStorePath() throws -> String {
    let directory = TestScratch.url("store-open")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory.appendingPathComponent("t.sqlite").path
}

/// The bytes of the store file and of its log, to check that nothing was written. A missing
/// log reads as an empty one: a read-only connection leaves the empty `-wal` SQLite made for
/// it, since only a writer may delete it.
func storeFiles(_ path: String) -> [Data] {
    ["", "-wal"].map { FileManager.default.contents(atPath: path + $0) ?? Data() }
}

/// Makes a store at `path` holding `works`, closes it, and leaves a single file behind
/// (the connection's close checkpoints the log).
func closedStore(at path: String, works: [Work] = [sampleWork()]) throws {
    let store = try WorkStore(path: path)
    _ = try upsert(works, into: store)
}

struct StoreOpeningTests {
    @Test func aReadOnlyOpenOfAMissingPathSaysNoStoreAndCreatesNothing() throws {
        let path = try temporaryStorePath()
        #expect {
            try WorkStore(path: path, mode: .readOnly)
        } throws: { error in
            "\(error)".hasPrefix("no store at \(path)")
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        let folder = (path as NSString).deletingLastPathComponent
        #expect(throws: StoreError.self) { try WorkStore(path: folder, mode: .readOnly) }
        #expect(throws: StoreError.self) { try WorkStore(path: folder, mode: .readWrite) }
    }

    @Test func aReadOnlyStoreIsReadWithoutWritingAnything() throws {
        let path = try temporaryStorePath()
        try closedStore(at: path, works: [sampleWork(id: "W1"), sampleWork(id: "W2")])
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path) }
        let before = storeFiles(path)
        do {
            let store = try WorkStore(path: path, mode: .readOnly)
            #expect(store.mode == .readOnly)
            #expect(try store.workCount() == 2)
            #expect(try store.work(id: "W2")?.title == "Qubit arrays")
            // A write on a read-only store is an error, never a trap, and changes nothing.
            #expect(throws: DatabaseError.self) { try store.database.write { try $0.execute(sql: "DELETE FROM work") } }
        }
        #expect(storeFiles(path) == before)
    }

    @Test func aStoreOfANewerVersionIsRefusedInBothModesAndLeftUnchanged() throws {
        let path = try temporaryStorePath()
        try closedStore(at: path)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-something-later')")
        }
        let before = storeFiles(path)
        for mode in [StoreOpenMode.readWrite, .readOnly] {
            #expect {
                try WorkStore(path: path, mode: mode)
            } throws: { error in
                guard case StoreError.newerSchema(_, let version, let known) = error else { return false }
                return version == 99 && known == StoreSchema.version
                    && "\(error)".hasPrefix("this store was written by a newer TechTracker (schema v99")
            }
        }
        #expect(storeFiles(path) == before)
    }

    @Test func anOlderStoreIsUpgradedByAWriterAndRefusedByAReader() throws {
        let path = try temporaryStorePath()
        // A store as version 4 left it: the first four migrations, one work.
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            for migration in StoreSchema.migrations.prefix(4) {
                try db.execute(sql: migration.sql)
                try db.execute(
                    sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.identifier])
            }
            _ = try WorkUpserter(db).upsert(sampleWork())
        }
        #expect {
            try WorkStore(path: path, mode: .readOnly)
        } throws: { error in
            guard case StoreError.needsUpgrade(_, let version, _) = error else { return false }
            return version == 4 && "\(error)".contains("must be upgraded by a command that writes the store")
        }
        let store = try WorkStore(path: path, mode: .readWrite)
        #expect(try store.workCount() == 1)
        #expect(try store.database.read { try StoreSchema.state($0) } == .current)
        #expect(try WorkStore(path: path, mode: .readOnly).workCount() == 1)
    }

    @Test func filesThatAreNotStoresAreRefusedAndLeftUnchanged() throws {
        let text = try temporaryStorePath()
        try Data("not a database\n".utf8).write(to: URL(fileURLWithPath: text))
        let other = try temporaryStorePath()
        try DatabaseQueue(path: other).write { try $0.execute(sql: "CREATE TABLE players (id INTEGER PRIMARY KEY)") }
        for path in [text, other] {
            let before = storeFiles(path)
            for mode in [StoreOpenMode.readWrite, .readOnly] {
                #expect {
                    try WorkStore(path: path, mode: mode)
                } throws: { error in
                    guard case StoreError.notAStore = error else { return false }
                    return true
                }
            }
            #expect(storeFiles(path) == before)
        }
    }

    @Test func twoWritersCreatingOneStoreAtOnceBothSucceed() throws {
        for _ in 0..<5 {
            let path = try temporaryStorePath()
            let failures = StoreMessages()
            onThreads(
                (0..<2).map { index in
                    {
                        do {
                            let store = try WorkStore(path: path)
                            _ = try upsert([sampleWork(id: "W\(index)")], into: store)
                        } catch {
                            failures.sink("\(error)")
                        }
                    }
                })
            #expect(failures.all == [])
            #expect(try WorkStore(path: path, mode: .readOnly).workCount() == 2)
        }
    }
}

/// Runs each body on its own thread, all at once, and returns when all have returned.
func onThreads(_ bodies: [@Sendable () -> Void]) {
    let group = DispatchGroup()
    for body in bodies {
        group.enter()
        Thread.detachNewThread {
            body()
            group.leave()
        }
    }
    group.wait()
}

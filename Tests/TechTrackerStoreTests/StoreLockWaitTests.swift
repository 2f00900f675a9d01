import Foundation
import GRDB
import Testing
@testable import TechTrackerStore

/// A writer waits for another connection's lock, says so once after about a second, and
/// gives up at the limit with a message that names the setting.
@Suite(.serialized)
struct StoreLockWaitTests {
    @Test func theLimitComesFromTheEnvironment() throws {
        #expect(try StoreLockWait.fromEnvironment([:]).limit == 600)
        #expect(try StoreLockWait.fromEnvironment(["TECHTRACKER_BUSY_TIMEOUT": " "]).limit == 600)
        #expect(try StoreLockWait.fromEnvironment(["TECHTRACKER_BUSY_TIMEOUT": "2.5"]).limit == 2.5)
        #expect(try StoreLockWait.fromEnvironment(["TECHTRACKER_BUSY_TIMEOUT": "0"]).limit == 0)
        for bad in ["abc", "-1", "inf", "nan", "1e12"] {
            #expect {
                try StoreLockWait.fromEnvironment(["TECHTRACKER_BUSY_TIMEOUT": bad])
            } throws: { error in
                "\(error)".hasPrefix("TECHTRACKER_BUSY_TIMEOUT=\(bad): expected a number of seconds")
            }
        }
    }

    /// Holds the write lock of the store at `path` on another connection for `seconds`,
    /// calling `locked` once it is held.
    func holdingTheWriteLock(of path: String, for seconds: Double, while body: @escaping @Sendable () -> Void) throws {
        let holder = try WorkStore(path: path)
        let taken = DispatchSemaphore(value: 0)
        onThreads([
            {
                try? holder.database.write { db in
                    try db.execute(
                        sql: "INSERT INTO ingest_run (started_at, finished_at, inputs, records_read, works_new, "
                            + "works_updated, works_unchanged, records_rejected) VALUES ('', '', 'holder', 0, 0, 0, 0, 0)"
                    )
                    taken.signal()
                    Thread.sleep(forTimeInterval: seconds)
                }
            },
            {
                taken.wait()
                body()
            },
        ])
    }

    @Test func aWriterWaitsForTheLockSaysSoOnceAndThenWrites() throws {
        let path = try temporaryStorePath()
        let messages = StoreMessages()
        let waiter = try WorkStore(path: path, messages: messages.sink)
        let outcome = StoreMessages()
        try holdingTheWriteLock(of: path, for: 1.6) {
            let started = Date()
            do {
                _ = try upsert([sampleWork()], into: waiter)
                outcome.sink("wrote after \(Date().timeIntervalSince(started)) s")
            } catch {
                outcome.sink("failed: \(error)")
            }
        }
        #expect(outcome.all.count == 1 && outcome.all[0].hasPrefix("wrote after 1."))
        #expect(messages.all == ["waiting for another techtracker process on \(path)…"])
        #expect(try waiter.workCount() == 1)
    }

    @Test func aWriterGivesUpAtTheLimitWithAClearMessage() throws {
        let path = try temporaryStorePath()
        let messages = StoreMessages()
        let waiter = try WorkStore(path: path, lockWait: StoreLockWait(limit: 0.4), messages: messages.sink)
        let outcome = StoreMessages()
        try holdingTheWriteLock(of: path, for: 1.5) {
            do {
                _ = try upsert([sampleWork()], into: waiter)
                outcome.sink("wrote")
            } catch let error as DatabaseError {
                outcome.sink("\(error.resultCode)")
            } catch {
                outcome.sink("other: \(error)")
            }
        }
        #expect(outcome.all == ["\(ResultCode.SQLITE_BUSY)"])
        #expect(
            messages.all == [
                "gave up after waiting 0.4 s for another techtracker process on \(path); set TECHTRACKER_BUSY_TIMEOUT (seconds) to wait longer"
            ])
        #expect(try waiter.workCount() == 0)
    }

    @Test func aReaderIsNotBlockedByAWriter() throws {
        let path = try temporaryStorePath()
        try closedStore(at: path)
        let reader = try WorkStore(path: path, mode: .readOnly, lockWait: StoreLockWait(limit: 0))
        let outcome = StoreMessages()
        try holdingTheWriteLock(of: path, for: 0.5) {
            outcome.sink((try? reader.workCount()).map(String.init) ?? "failed")
        }
        #expect(outcome.all == ["1"])
    }

    @Test func writeTransactionsTakeTheLockBeforeTheyRead() throws {
        // A transaction that reads, then writes, must hold the write lock from BEGIN: begun
        // DEFERRED, another writer could commit between its read and its write, and the
        // upgrade would fail with SQLITE_BUSY at once, which no busy handler retries.
        let path = try temporaryStorePath()
        let first = try WorkStore(path: path), second = try WorkStore(path: path)
        let reading = DispatchSemaphore(value: 0)
        let outcome = StoreMessages()
        let insert =
            "INSERT INTO ingest_run (started_at, finished_at, inputs, records_read, works_new, works_updated, "
            + "works_unchanged, records_rejected) VALUES ('', '', ?, 0, 0, 0, 0, 0)"
        onThreads([
            {
                do {
                    try first.database.write { db in
                        let runs = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ingest_run") ?? -1
                        reading.signal()
                        Thread.sleep(forTimeInterval: 0.5)
                        try db.execute(sql: insert, arguments: ["first saw \(runs)"])
                    }
                } catch {
                    outcome.sink("first: \(error)")
                }
            },
            {
                reading.wait()
                do {
                    try second.database.write { db in try db.execute(sql: insert, arguments: ["second"]) }
                } catch {
                    outcome.sink("second: \(error)")
                }
            },
        ])
        #expect(outcome.all == [])
        #expect(
            try first.database.read { try String.fetchAll($0, sql: "SELECT inputs FROM ingest_run ORDER BY id") }
                == ["first saw 0", "second"])
    }
}

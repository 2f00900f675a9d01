import Foundation
import GRDB
import Testing
import TechTrackerCore
@testable import TechTrackerStore

/// `v6-membership-foreign-keys`: memberships name stored works and technologies, SQLite
/// enforces it on every connection, and a store of version 5 gets the keys with all its rows.
struct ForeignKeyTests {
    /// A store as version 5 left it: works, institutions, one ingest, a classification with
    /// three memberships, two of them naming nothing (a work or technology that is not
    /// stored), and the figures of one analysis.
    func versionFiveStore(at path: String) throws {
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            for migration in StoreSchema.migrations.prefix(5) {
                try db.execute(sql: migration.sql)
                try db.execute(
                    sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.identifier])
            }
            #expect(
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations").last
                    == "v5-results-units-and-ties")
            let upserter = try WorkUpserter(db)
            for number in 1...3 { _ = try upserter.upsert(sampleWork(id: "W\(number)")) }
            try db.execute(
                sql: """
                    INSERT INTO ingest_run (started_at, finished_at, inputs, records_read, works_new, works_updated,
                        works_unchanged, works_conflicting, records_rejected) VALUES ('a', 'b', 'in', 3, 3, 0, 0, 0, 0);
                    INSERT INTO technology (id, position, name, category, scope, query)
                        VALUES ('qubits', 0, 'Qubits', 'Quantum', '', 'TS=qubit'), ('cells', 1, 'Cells', 'Energy', '', 'TS=cell');
                    INSERT INTO membership (technology, work) VALUES ('qubits', 1), ('qubits', 3), ('cells', 2),
                        ('qubits', 99), ('gone', 1);
                    INSERT INTO classification_run (taxonomy_hash, taxonomy_source, started_at, finished_at, works, memberships)
                        VALUES ('h', 'built-in', 'a', 'b', 3, 5);
                    INSERT INTO headline (window_start, window_end, counting, unit_type, country, technologies_led,
                        technologies_top5, led_low_evidence, led_tied) VALUES (2020, 2024, 'fractional', 'country', 'US', 1, 2, 0, 0);
                    """)
            let settings = String(decoding: try JSONEncoder().encode(AnalysisSettings()), as: UTF8.self)
            try db.execute(
                sql:
                    "INSERT INTO analysis_run (created_at, taxonomy_hash, settings, synthetic) VALUES ('c', 'h', ?, 0)",
                arguments: [settings])
        }
    }

    /// Rows per table of the store at `path`, read on a connection of the test's own.
    func rowCounts(_ path: String) throws -> [String: Int] {
        try DatabaseQueue(path: path).read { db in
            var counts: [String: Int] = [:]
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") {
                counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)")
            }
            return counts
        }
    }

    /// The keys of `membership` as (parent table, column, parent column).
    func membershipKeys(_ db: Database) throws -> Set<[String]> {
        Set(
            try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(membership)").map {
                [$0["table"], $0["from"], $0["to"]]
            })
    }

    /// True when `body` fails with SQLite's foreign key error.
    func refusedByForeignKey(_ body: () throws -> Void) -> Bool {
        do {
            try body()
            return false
        } catch let error as DatabaseError {
            return error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY
        } catch {
            return false
        }
    }

    @Test func aVersionFiveStoreKeepsEveryRowAndGetsTheKeys() throws {
        let path = try temporaryStorePath()
        try versionFiveStore(at: path)
        var expected = try rowCounts(path)
        expected["membership", default: 0] -= 2  // the two memberships that name nothing
        expected["grdb_migrations", default: 0] += StoreSchema.migrations.count - 5  // v6 onwards
        expected["work_source", default: 0] += 1  // the one source the works have
        expected["store_generation"] = 1  // its one row
        expected["analysis_snapshot"] = 0
        for table in [
            "patent_file", "patent_citation", "patent_linkage", "patent_summary", "patent_headline", "token_word",
            "work_tokens",
        ] {
            expected[table] = 0
        }
        let store = try WorkStore(path: path)
        #expect(try rowCounts(path) == expected)
        #expect(try store.memberships().map { "\($0.technology) \($0.rowID)" } == ["cells 2", "qubits 1", "qubits 3"])
        #expect(try store.work(id: "W2") == sampleWork(id: "W2"))
        #expect(try store.storedResults()?.headline.count == 1)
        let (state, keys, index, keysOn) = try store.database.read { db in
            (
                try StoreSchema.state(db), try membershipKeys(db),
                try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'membership_by_work'"),
                try Bool.fetchOne(db, sql: "PRAGMA foreign_keys")
            )
        }
        #expect(state == .current)
        #expect(keys == [["technology", "technology", "id"], ["work", "work", "id"]])
        #expect(index == "CREATE INDEX membership_by_work ON membership (work)")
        // The upgrade turned the keys off around its transaction: they must be on again.
        #expect(keysOn == true)
        #expect(try store.integrityCheck() == [])
        #expect(
            refusedByForeignKey {
                try store.database.write {
                    try $0.execute(sql: "INSERT INTO membership (technology, work) VALUES ('qubits', 99)")
                }
            })
        #expect(try store.memberWorkIDs(of: "qubits") == [1, 3])
    }

    @Test func anUpgradedStoreHasTheSchemaOfANewOne() throws {
        let old = try temporaryStorePath(), new = try temporaryStorePath()
        try versionFiveStore(at: old)
        _ = try WorkStore(path: old)
        _ = try WorkStore(path: new)
        let schema = { (path: String) in
            try DatabaseQueue(path: path).read { db in
                try String.fetchAll(
                    db,
                    sql:
                        "SELECT type || ' ' || name || ': ' || sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
                )
            }
        }
        #expect(try schema(old) == schema(new))
    }

    @Test func everyConnectionEnforcesTheKeys() throws {
        let path = try temporaryStorePath()
        try closedStore(at: path)
        for mode in [StoreOpenMode.readWrite, .readOnly] {
            let store = try WorkStore(path: path, mode: mode)
            #expect(try store.database.read { try Bool.fetchOne($0, sql: "PRAGMA foreign_keys") } == true)
        }
        let store = try WorkStore(path: path)
        #expect(
            refusedByForeignKey {
                try store.database.write {
                    try $0.execute(sql: "INSERT INTO membership (technology, work) VALUES ('none', 1)")
                }
            })
    }

    @Test func aClassificationOfAMissingWorkIsRefusedAndTheLastOneKept() throws {
        let store = try temporaryStore()
        _ = try upsert([sampleWork(id: "W1"), sampleWork(id: "W2")], into: store)
        let qubits = StoredTechnology(id: "qubits", name: "Qubits", category: "Quantum", scope: "", query: "TS=qubit")
        let cells = StoredTechnology(id: "cells", name: "Cells", category: "Energy", scope: "", query: "TS=cell")
        try store.replaceClassification(
            technologies: [qubits, cells], memberships: [[1, 2], [2]], taxonomyHash: "a",
            taxonomySource: "test", startedAt: Date(), works: 2)
        // Another taxonomy replaces the first: its technologies go, with their memberships.
        try store.replaceClassification(
            technologies: [cells], memberships: [[1]], taxonomyHash: "b",
            taxonomySource: "test", startedAt: Date(), works: 2)
        #expect(try store.memberships().map { "\($0.technology) \($0.rowID)" } == ["cells 1"])
        #expect(
            refusedByForeignKey {
                try store.replaceClassification(
                    technologies: [qubits], memberships: [[1, 3]], taxonomyHash: "c",
                    taxonomySource: "test", startedAt: Date(), works: 2)
            })
        #expect(try store.lastClassification()?.taxonomyHash == "b")
        #expect(try store.memberships().map { "\($0.technology) \($0.rowID)" } == ["cells 1"])
        // The write checks the keys at its commit, with them off meanwhile: on again after,
        // whether it committed or not.
        #expect(try store.database.read { try Bool.fetchOne($0, sql: "PRAGMA foreign_keys") } == true)
        #expect(
            refusedByForeignKey {
                try store.database.write {
                    try $0.execute(sql: "INSERT INTO membership (technology, work) VALUES ('cells', 3)")
                }
            })
        // A newer record of a classified work replaces it in place: its memberships stay.
        #expect(try upsert([sampleWork(id: "W1", updated: "2026-01-01", title: "Newer")], into: store).updated == 1)
        #expect(try store.memberWorkIDs(of: "cells") == [1])
        #expect(try store.integrityCheck() == [])
    }
}

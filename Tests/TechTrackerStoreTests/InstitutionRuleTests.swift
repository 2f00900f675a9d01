import GRDB
import Testing
import TechTrackerCore
@testable import TechTrackerStore

/// The `institution` table keeps the values of the best record seen (has a country, then the
/// newest work record, then the text values), whatever order the records came in.
struct InstitutionRuleTests {
    @Test func aRecordWithACountryBeatsOneWithoutOlderOrNewer() throws {
        let withoutCountry = work("W1", updated: "2025-01-01", Institution(id: "I1", name: "Inst"))
        for date in ["2024-01-01", "2025-06-01"] {
            // The same work id (so one of the two records is `unchanged`) and another work.
            for id in ["W1", "W2"] {
                let withCountry = work(
                    id, updated: date, Institution(id: "I1", name: "Inst", country: CountryCode("FR")))
                for order in [[withoutCountry, withCountry], [withCountry, withoutCountry]] {
                    for split in [false, true] {
                        let row = try storedInstitution(after: order, split: split)
                        #expect(row?.country == "FR", "date \(date), work \(id), split \(split)")
                        #expect(row?.evidenceDate == date)
                    }
                }
            }
        }
    }

    @Test func theNewerWorkRecordsNameIsKeptInEitherOrder() throws {
        let older = work("W1", updated: "2025-01-01", Institution(id: "I1", name: "B", country: CountryCode("FR")))
        for id in ["W1", "W2"] {
            let newer = work(id, updated: "2025-03-01", Institution(id: "I1", name: "A", country: CountryCode("FR")))
            for order in [[older, newer], [newer, older]] {
                for split in [false, true] {
                    let row = try storedInstitution(after: order, split: split)
                    #expect(row?.name == "A" && row?.evidenceDate == "2025-03-01", "work \(id), split \(split)")
                }
            }
        }
    }

    @Test func sameDateTiesAreBrokenByTheTextValues() throws {
        let a = work(
            "W1", updated: "2025-01-01", Institution(id: "I1", name: "A", ror: "r1", country: CountryCode("DE")))
        let b = work(
            "W2", updated: "2025-01-01", Institution(id: "I1", name: "A", ror: "r2", country: CountryCode("DE")))
        for order in [[a, b], [b, a]] {
            #expect(try storedInstitution(after: order, split: false)?.ror == "r2")
        }
    }

    @Test func rowsWithoutEvidenceRankOldestButKeepACountry() throws {
        // As an older version left them: first values seen, no evidence date.
        let store = try temporaryStore()
        try store.database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO institution (id, name, country_code) VALUES ('I1', 'Old with country', 'US');
                    INSERT INTO institution (id, name) VALUES ('I2', 'Old without country');
                    """)
        }
        _ = try upsert(
            [
                work(
                    "W1", updated: "2020-01-01", Institution(id: "I1", name: "New without country"),
                    Institution(id: "I2", name: "New"))
            ],
            into: store)
        #expect(try storedInstitution("I1", in: store)?.name == "Old with country")
        #expect(try storedInstitution("I2", in: store)?.name == "New")
        #expect(try storedInstitution("I2", in: store)?.evidenceDate == "2020-01-01")
    }

    @Test func aRolledBackTransactionLeavesNoStaleMemory() throws {
        let store = try temporaryStore()
        let record = work("W1", updated: "2025-01-01", Institution(id: "I1", name: "Inst", country: CountryCode("FR")))
        try store.database.inDatabase { db in
            let upserter = try WorkUpserter(db)
            try db.inTransaction {
                _ = try upserter.upsert(record)
                return .rollback
            }
            upserter.reloadInstitutionsAfterRollback()
            try db.inTransaction {
                _ = try upserter.upsert(record)
                return .commit
            }
        }
        #expect(try storedInstitution("I1", in: store)?.country == "FR")
    }

    @Test func theTableNeverMovesToAWorseRecordEvenIfMemoryIsStale() throws {
        let store = try temporaryStore()
        try store.database.inDatabase { db in
            let upserter = try WorkUpserter(db)
            _ = try upserter.upsert(work("W1", updated: "2025-01-01", Institution(id: "I1", name: "A")))
            // Behind the upserter's back, a better row than the one it remembers.
            try db.execute(
                sql:
                    "UPDATE institution SET name = 'Z', country_code = 'FR', evidence_date = '2030-01-01' WHERE id = 'I1'"
            )
            _ = try upserter.upsert(work("W2", updated: "2026-01-01", Institution(id: "I1", name: "B")))
            #expect(try String.fetchOne(db, sql: "SELECT name FROM institution WHERE id = 'I1'") == "Z")
            _ = try upserter.upsert(
                work("W3", updated: "2031-01-01", Institution(id: "I1", name: "C", country: CountryCode("FR"))))
        }
        #expect(try storedInstitution("I1", in: store)?.name == "C")
    }

    private struct StoredInstitution {
        var name: String
        var ror: String?
        var country: String?
        var evidenceDate: String?
    }

    /// A copy of the sample work naming only `institutions` on its first authorship.
    private func work(_ id: String, updated: String, _ institutions: Institution...) -> Work {
        var work = sampleWork(id: id, updated: updated)
        work.authorships[0].institutions = institutions
        return work
    }

    /// I1 as stored after upserting `works` into a fresh store, in one transaction or one each.
    private func storedInstitution(after works: [Work], split: Bool) throws -> StoredInstitution? {
        let store = try temporaryStore()
        if split {
            for work in works { _ = try upsert([work], into: store) }
        } else {
            _ = try upsert(works, into: store)
        }
        return try storedInstitution("I1", in: store)
    }

    private func storedInstitution(_ id: String, in store: WorkStore) throws -> StoredInstitution? {
        try store.database.read { db in
            try Row.fetchOne(
                db, sql: "SELECT name, ror, country_code, evidence_date FROM institution WHERE id = ?", arguments: [id]
            )
            .map { StoredInstitution(name: $0[0], ror: $0[1], country: $0[2], evidenceDate: $0[3]) }
        }
    }
}

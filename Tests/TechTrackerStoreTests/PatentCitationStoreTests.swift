import Foundation
import GRDB
import TechTrackerCore
import Testing

@testable import TechTrackerStore

/// Patent citations in the store: the index of works they can name, upserts by (work, patent)
/// that a second read leaves alone, the counts of a file that add up, the generation, and the
/// reads the analysis makes.
@Suite struct PatentCitationStoreTests {
    /// A store with works W1…W4 (DOIs 10.5555/w1…), W4 marked as a duplicate of W1.
    func storeWithWorks() throws -> WorkStore {
        let store = try temporaryStore()
        var works = (1...4).map { number in
            var work = sampleWork(id: "W\(number)")
            work.doi = "https://doi.org/10.5555/W\(number)"
            return work
        }
        works.append(Work(id: "WOS:000000000000001", source: .wos, doi: "10.5555/w2", title: "The same as W2"))
        _ = try upsert(works, into: store)
        try store.database.write { db in
            try db.execute(
                sql:
                    "UPDATE work SET duplicate_of = (SELECT id FROM work WHERE source_id = 'W1') WHERE source_id = 'W4'"
            )
            try db.execute(
                sql:
                    "UPDATE work SET duplicate_of = (SELECT id FROM work WHERE source_id = 'W2') WHERE source_id LIKE 'WOS:%'"
            )
        }
        return store
    }

    func rowID(_ sourceID: String, _ store: WorkStore) throws -> Int64 {
        try store.database.read { db in
            try #require(try Int64.fetchOne(db, sql: "SELECT id FROM work WHERE source_id = ?", arguments: [sourceID]))
        }
    }

    func citation(_ number: UInt64, _ patent: String, confidence: Int? = 9) -> PatentCitation {
        PatentCitation(
            work: .openAlex(number), patent: patent, confidence: confidence, referenceType: .applicant, place: .both)
    }

    /// Reads one "file" of citations in batches, as the pipeline does.
    @discardableResult
    func read(
        _ batches: [[PatentCitation]], into store: WorkStore, notInStore: Int = 0, cutoffYear: Int? = nil,
        name: String = "pcs_oa.csv"
    ) throws -> PatentFileCounts {
        let index = try store.patentWorkIndex(includingDOIs: true)
        return try store.ingestPatentFile(
            name: name, path: "/data/" + name, size: 123, layout: "reliance-on-science", startedAt: Date(),
            cutoffYear: cutoffYear
        ) { session in
            for (offset, batch) in batches.enumerated() {
                var rows = PatentFileCounts()
                rows.rowsRead = batch.count + (offset == 0 ? notInStore : 0)
                rows.notInStore = offset == 0 ? notInStore : 0
                var writes = PatentCitationBatch()
                for citation in batch {
                    if let row = index.rowID(for: citation.work) {
                        writes.append(PatentCitationWrite(workRowID: row, citation: citation))
                    }
                }
                try session.write(writes, rows: rows, latestYear: batch.compactMap(\.year).max())
            }
        }
    }

    func fileRows(_ store: WorkStore) throws -> [[Int?]] {
        try store.database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT rows_read, citations_new, citations_updated, citations_unchanged, not_in_store,
                        rows_rejected, duplicate_rows, latest_year, finished_at IS NOT NULL FROM patent_file ORDER BY id
                    """
            ).map { row in (0..<9).map { row[$0] } }
        }
    }

    @Test func theIndexNamesEveryOpenAlexWorkDuplicatesIncludedAndDOIsTheirPaper() throws {
        let store = try storeWithWorks()
        let index = try store.patentWorkIndex(includingDOIs: true)
        #expect(index.openAlexWorks == 4 && index.openAlexNumbers == [1, 2, 3, 4])
        // W4 is a duplicate of W1, and still its own target: the analysis resolves duplicates.
        #expect(index.rowID(for: .openAlex(4)) == (try rowID("W4", store)))
        #expect(index.rowID(for: .openAlex(5)) == nil)
        #expect(index.rowID(for: .doi("10.5555/w3")) == (try rowID("W3", store)))
        // W2's DOI is also the duplicate Web of Science record's: the record that stands for the paper wins.
        #expect(index.rowID(for: .doi("10.5555/w2")) == (try rowID("W2", store)))
        #expect(try store.patentWorkIndex(includingDOIs: false).dois == 0)
    }

    @Test func readingTheSameFileAgainChangesNothing() throws {
        let store = try storeWithWorks()
        let file = [
            [citation(1, "US-1-B2"), citation(2, "US-1-B2"), citation(3, "US-9-A1")], [citation(4, "US-2-B2")],
        ]
        let generation = try store.generation()
        let first = try read(file, into: store, notInStore: 2)
        #expect(
            first
                == PatentFileCounts(
                    rowsRead: 6, new: 4, updated: 0, unchanged: 0, notInStore: 2, rejected: 0, duplicates: 0))
        let afterFirst = try store.generation()
        #expect(afterFirst == generation + 2)  // both batches stored citations
        let rows = try store.patentCitationsForAnalysis()

        let again = try read(file, into: store, notInStore: 2)
        #expect(
            again
                == PatentFileCounts(
                    rowsRead: 6, new: 0, updated: 0, unchanged: 4, notInStore: 2, rejected: 0, duplicates: 0))
        #expect(again.reconciles)
        #expect(try store.generation() == afterFirst)
        #expect(try store.patentCitationsForAnalysis().map(\.workRowID) == rows.map(\.workRowID))
        #expect(try fileRows(store) == [[6, 4, 0, 0, 2, 0, 0, nil, 1], [6, 0, 0, 4, 2, 0, 0, nil, 1]])
    }

    @Test func aChangedRowReplacesTheStoredOneAndAdvancesTheGeneration() throws {
        let store = try storeWithWorks()
        try read([[citation(1, "US-1-B2"), citation(2, "US-2-B2")]], into: store)
        let generation = try store.generation()
        var changed = citation(1, "US-1-B2", confidence: 2)
        changed.isSelfCitation = true
        let counts = try read([[changed, citation(2, "US-2-B2")]], into: store, name: "pcs_oa_2025.csv")
        #expect(counts.updated == 1 && counts.unchanged == 1 && counts.new == 0)
        #expect(try store.generation() == generation + 1)
        let rows = try store.patentCitationsForAnalysis()
        #expect(rows.map(\.confidence) == [2, 9])
        #expect(
            rows.map(\.attributes) == [
                [.applicant, .placeKnown, .frontPage, .selfCitation], [.applicant, .placeKnown, .frontPage],
            ])
    }

    @Test func duplicateRowsKeepTheFirstWithinAndAcrossBatches() throws {
        let store = try storeWithWorks()
        let counts = try read(
            [
                [citation(2, "US-5-B2", confidence: 4), citation(1, "US-1-B2"), citation(2, "US-5-B2", confidence: 8)],
                [citation(1, "US-1-B2", confidence: 3), citation(3, "US-3-B2")],
            ], into: store)
        #expect(
            counts
                == PatentFileCounts(
                    rowsRead: 5, new: 3, updated: 0, unchanged: 0, notInStore: 0, rejected: 0, duplicates: 2))
        #expect(try store.patentCitationsForAnalysis().map(\.confidence) == [9, 4, 9])
        // Read again: the repeats are duplicates again, not updates of the first.
        let again = try read(
            [
                [citation(2, "US-5-B2", confidence: 4), citation(1, "US-1-B2"), citation(2, "US-5-B2", confidence: 8)],
                [citation(1, "US-1-B2", confidence: 3), citation(3, "US-3-B2")],
            ], into: store)
        #expect(
            again
                == PatentFileCounts(
                    rowsRead: 5, new: 0, updated: 0, unchanged: 3, notInStore: 0, rejected: 0, duplicates: 2))
    }

    @Test func citationsByDOIAndToDuplicateRecordsAreStored() throws {
        let store = try storeWithWorks()
        let byDOI = PatentCitation(work: .doi("10.5555/w3"), patent: "EP-1-A1", family: "F1", year: 2021)
        try read([[byDOI, citation(4, "EP-2-A1")]], into: store)
        let rows = try store.patentCitationsForAnalysis()
        #expect(Set(rows.map(\.workRowID)) == [try rowID("W3", store), try rowID("W4", store)])
        let stored = try #require(
            try store.database.read { db in
                try Row.fetchOne(
                    db, sql: "SELECT family, year, confidence FROM patent_citation WHERE patent = 'EP-1-A1'")
            })
        let family: String? = stored[0]
        let year: Int? = stored[1]
        let confidence: Int? = stored[2]
        #expect(family == "F1" && year == 2021 && confidence == nil)
        #expect(rows.first { $0.workRowID == (try? rowID("W3", store)) }?.confidence == 0)
    }

    @Test func theSummaryListsEachFileOnceWithTheLatestCutoff() throws {
        let store = try storeWithWorks()
        #expect(try store.patentDataSummary() == nil)
        var dated = citation(1, "US-1-B2")
        dated.year = 2019
        try read([[dated, citation(2, "US-2-B2")]], into: store, name: "lens.csv")
        try read([[citation(3, "US-3-B2")]], into: store, cutoffYear: 2023)
        try read([[citation(3, "US-3-B2")]], into: store, cutoffYear: 2023)
        let summary = try #require(try store.patentDataSummary())
        #expect(
            summary.files == [
                PatentDataSummary.File(name: "lens.csv", size: 123, citations: 2, latestYear: 2019),
                PatentDataSummary.File(name: "pcs_oa.csv", size: 123, citations: 1, latestYear: 2023),
            ])
        #expect(summary.cutoffYear == 2023 && summary.citations == 3)
        #expect(summary.countingCitations == 0 && summary.citedWorks == 0)
    }

    @Test func oddStoredValuesAreCountedNotTrappedOn() throws {
        let store = try storeWithWorks()
        try read([[citation(1, "US-1-B2"), citation(2, "US-2-B2"), citation(3, "US-3-B2")]], into: store)
        try store.database.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(
                sql: "UPDATE patent_citation SET confidence = 'high', place = 'everywhere' WHERE patent = 'US-1-B2'")
            try db.execute(
                sql: "UPDATE patent_citation SET self_citation = 7, reference_type = 42 WHERE patent = 'US-2-B2'")
            try db.execute(sql: "INSERT INTO patent_citation (work_id, patent, file_id) VALUES ('x', 'US-4', 1)")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        let rows = try store.patentCitationsForAnalysis()
        #expect(rows.count == 3)
        #expect(rows.map(\.confidence) == [0, 9, 9])
        #expect(rows[0].attributes == [.applicant] && rows[1].attributes == [.placeKnown, .frontPage])
        #expect(store.storedValueIssues.counts == [.missingValue: 4, .skippedRow: 1])
    }

    @Test func aReadThatStopsPartWayKeepsItsWholeBatches() throws {
        let store = try storeWithWorks()
        let first = try rowID("W1", store), second = try rowID("W2", store)
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try store.ingestPatentFile(
                name: "x.csv", path: "x.csv", size: 1, layout: "generic", startedAt: Date(), cutoffYear: 2020
            ) { session in
                var rows = PatentFileCounts()
                rows.rowsRead = 3
                rows.notInStore = 1
                var batch = PatentCitationBatch()
                batch.append(PatentCitationWrite(workRowID: second, citation: citation(2, "US-2")))
                batch.append(PatentCitationWrite(workRowID: first, citation: citation(1, "US-1")))
                try session.write(batch, rows: rows, latestYear: 2019)
                throw Stop()
            }
        }
        #expect(try store.patentCitationsForAnalysis().map(\.workRowID) == [first, second])
        #expect(try fileRows(store) == [[3, 2, 0, 0, 1, 0, 0, 2020, 0]])
        #expect(try store.integrityCheck().isEmpty)
    }

    @Test func aBatchIsWrittenWorkByWorkWithTheFirstOfARepeatedPairKept() throws {
        var batch = PatentCitationBatch()
        for (work, patent, confidence) in [
            (3, "B", 1), (1, "A", 2), (3, "A", 3), (1, "A", 4), (2, "Z", 5), (3, "B", 6),
        ] {
            batch.append(
                PatentCitationWrite(
                    workRowID: Int64(work), citation: citation(UInt64(work), patent, confidence: confidence)))
        }
        #expect(!batch.isSorted)
        var seen: [String] = []
        batch.forEachInKeyOrder { write, repeats in
            seen.append("\(write.workRowID)\(write.patent)\(write.confidence ?? 0)\(repeats ? "*" : "")")
        }
        // Work order, and within a work the order added: (1, A) repeats at once; (3, B) is found
        // again further on, by the store.
        #expect(seen == ["1A2", "1A4*", "2Z5", "3B1", "3A3", "3B6"])
        batch.sort()
        #expect(batch.isSorted && batch.writes.map(\.confidence) == [2, 4, 5, 1, 3, 6])
        // Row ids too large for the packed order are sorted all the same.
        var wide = PatentCitationBatch()
        for work in [Int64.max, 5, Int64.max - 1, 5] {
            wide.append(PatentCitationWrite(workRowID: work, citation: citation(1, "P\(work)")))
        }
        wide.sort()
        #expect(wide.writes.map(\.workRowID) == [5, 5, Int64.max - 1, Int64.max])
    }

    @Test func aWriteKeepsEveryValueOfItsCitation() {
        let full = PatentCitation(
            work: .openAlex(1), patent: "EP-1", confidence: 10, referenceType: .other, place: .bodyOnly,
            isSelfCitation: true, family: "F", year: 2200)
        let write = PatentCitationWrite(workRowID: 1, citation: full)
        #expect(write.confidence == 10 && write.referenceType == .other && write.place == .bodyOnly)
        #expect(write.isSelfCitation == true && write.family == "F" && write.year == 2200 && write.patent == "EP-1")
        let bare = PatentCitationWrite(workRowID: 1, citation: PatentCitation(work: .openAlex(1), patent: "EP-1"))
        #expect(bare.confidence == nil && bare.referenceType == nil && bare.place == nil)
        #expect(bare.isSelfCitation == nil && bare.family == nil && bare.year == nil)
        for type in PatentReferenceType.allCases {
            var citation = full
            citation.referenceType = type
            citation.isSelfCitation = false
            #expect(PatentCitationWrite(workRowID: 1, citation: citation).referenceType == type)
            #expect(PatentCitationWrite(workRowID: 1, citation: citation).isSelfCitation == false)
        }
        for place in PatentCitationPlace.allCases {
            var citation = full
            citation.place = place
            #expect(PatentCitationWrite(workRowID: 1, citation: citation).place == place)
        }
    }
}

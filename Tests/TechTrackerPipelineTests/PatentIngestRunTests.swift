import Foundation
import GRDB
import TechTrackerCore
import TechTrackerIngest
import TechTrackerPipeline
import TechTrackerStore
import Testing

/// `PatentIngestRun`: files checked before anything is written, rows matched to stored works
/// on the reading threads, counts that add up to the rows read, a second read that changes
/// nothing, and the store's generation.
@Suite struct PatentIngestRunTests {
    /// A store of works W1…W50.
    func store(_ folder: String) throws -> WorkStore {
        let store = try WorkStore(path: folder + "/s.sqlite")
        try upsert(
            (1...50).map { Work(id: "W\($0)", doi: "10.5555/w\($0)", title: "Work \($0)", updatedDate: "2025-01-01") },
            into: store)
        return store
    }

    /// A Reliance on Science file: `rows` rows citing W1…W60 (W51…W60 are not stored), with a
    /// bad row and a repeated row.
    func relianceOnScience(rows: Int) -> String {
        var text = "reftype,confscore,oaid,patent,uspto,wherefound,self\n"
        for row in 0..<rows {
            text += "\(["app", "exm", "unk"][row % 3]),\(row % 10 + 1),W\(row % 60 + 1),US-\(row / 3)-B2,1,both,0\n"
        }
        text += "app,12,1,US-1-B2,1,both,0\n"
        text += "app,1,1,US-0-B2,1,both,0\n"
        return text
    }

    @Test func countsAddUpAndASecondReadChangesNothing() throws {
        let folder = try temporaryFolder()
        let store = try store(folder)
        try writeGzip(Array(relianceOnScience(rows: 3000).utf8), to: folder + "/pcs_oa.csv.gz")
        var options = PatentIngestOptions(cutoffYear: 2024)
        options.batchRows = 700
        var messages: [String] = []
        let run = PatentIngestRun(paths: [folder + "/pcs_oa.csv.gz"], options: options) { messages.append($0) }
        let generation = try store.generation()
        let first = try run.run(into: store)
        let counts = first.totals
        #expect(counts.rowsRead == 3002 && counts.rejected == 1 && counts.duplicates == 1)
        #expect(counts.notInStore == 500 && counts.new == 2500 && counts.reconciles)
        #expect(
            first.files.first?.firstProblems == [
                "\(folder)/pcs_oa.csv.gz:3002: confscore \"12\" is not a number from 1 to 10"
            ])
        #expect(first.files.first?.cutoffYear == 2024 && first.cutoffYear == 2024 && first.worksIndexed == 50)
        #expect(
            messages.contains("rejected: \(folder)/pcs_oa.csv.gz:3002: confscore \"12\" is not a number from 1 to 10"))
        #expect(try store.generation() > generation)
        #expect(try store.patentCitationsForAnalysis().count == 2500)

        let advanced = try store.generation()
        let second = try run.run(into: store).totals
        #expect(
            second
                == PatentFileCounts(
                    rowsRead: 3002, new: 0, updated: 0, unchanged: 2500, notInStore: 500, rejected: 1, duplicates: 1))
        #expect(try store.generation() == advanced)
        let files = try readStoreFile(store) { db in
            try Row.fetchAll(db, sql: "SELECT rows_read, citations_unchanged, latest_year FROM patent_file ORDER BY id")
                .map { row -> [Int] in [row[0], row[1], row[2]] }
        }
        #expect(files == [[3002, 0, 2024], [3002, 2500, 2024]])
    }

    @Test func nothingIsWrittenWhenAHeaderOrTheCutoffIsMissing() throws {
        let folder = try temporaryFolder()
        let store = try store(folder)
        try write(relianceOnScience(rows: 10), to: folder + "/good.csv")
        try write("oaid,patent\n1,US-1\n", to: folder + "/undated.csv")
        try write("oaid,confscore\n1,9\n", to: folder + "/nopatent.csv")
        let noPatent = PatentIngestRun(
            paths: [folder + "/good.csv", folder + "/nopatent.csv"], options: PatentIngestOptions(cutoffYear: 2024),
            log: { _ in })
        #expect(throws: PatentFileError.self) { try noPatent.run(into: store) }
        let undated = PatentIngestRun(
            paths: [folder + "/good.csv", folder + "/undated.csv"], options: PatentIngestOptions(), log: { _ in })
        let error = try #require(throws: PatentIngestError.self) { try undated.run(into: store) }
        #expect(error.description.hasPrefix("\(folder)/good.csv, \(folder)/undated.csv: no year column"))
        #expect(error.description.contains("--cutoff-year"))
        #expect(try store.patentDataSummary() == nil)
        let storeAsInput = PatentIngestRun(
            paths: [store.path], options: PatentIngestOptions(cutoffYear: 2024), log: { _ in })
        #expect(throws: (any Error).self) { try storeAsInput.run(into: store) }
    }

    @Test func aGenericFileByDOIWithYearsSetsTheCutoff() throws {
        let folder = try temporaryFolder()
        let store = try store(folder)
        try write(
            """
            doi,publication_number,family_id,publication_date,confidence
            10.5555/W3,US-1-B2,F1,2019-03-02,8
            https://doi.org/10.5555/w4,US-2-B2,F1,2022-11-30,
            10.9999/elsewhere,US-3-B2,F2,2023-01-01,5
            """, to: folder + "/lens.csv")
        let summary = try PatentIngestRun(paths: [folder + "/lens.csv"], options: PatentIngestOptions(), log: { _ in })
            .run(into: store)
        #expect(summary.files.first?.layout == "generic")
        #expect(
            summary.totals
                == PatentFileCounts(
                    rowsRead: 3, new: 2, updated: 0, unchanged: 0, notInStore: 1, rejected: 0, duplicates: 0))
        // The latest year of every valid row, stored or not.
        #expect(summary.files.first?.latestYearSeen == 2023 && summary.cutoffYear == 2023)
        #expect(try store.patentDataSummary()?.cutoffYear == 2023)
        #expect(try store.patentCitationsForAnalysis().map(\.confidence) == [8, 0])
    }
}

import Foundation
import Testing

/// `ingest-patents` as a user runs it: a small store, an invented Reliance on Science file, the
/// summary, and exit code 2 for a header without the needed columns or a missing cut-off.
@Suite struct IngestPatentsCommandTests {
    /// A store of works W1…W5, ingested with the command line.
    func store(in folder: String) async throws -> String {
        try write((1...5).map { workLine($0) }.joined(separator: "\n") + "\n", to: folder + "/works.jsonl")
        let store = folder + "/s.sqlite"
        _ = try await Techtracker.output(["ingest", "--quiet", "--store", store, folder + "/works.jsonl"])
        return store
    }

    static let relianceOnScience = """
        reftype,confscore,oaid,patent,uspto,wherefound,self
        app,9,1,US-10000000-B2,1,both,0
        exm,4,W2,US-10000000-B2,1,frontonly,0
        app,7,https://openalex.org/W3,US-10000001-B2,1,bodyonly,1
        app,9,77,US-10000002-B2,1,both,0
        app,99,4,US-10000003-B2,1,both,0
        app,9,1,US-10000000-B2,1,both,0

        """

    @Test func aFileIsReadIntoTheStoreAndItsCountsAddUp() async throws {
        let folder = try temporaryFolder()
        let store = try await store(in: folder)
        try write(Self.relianceOnScience, to: folder + "/pcs_oa.csv")
        let first = try await Techtracker.run([
            "ingest-patents", "--quiet", "--store", store, "--cutoff-year", "2024", folder + "/pcs_oa.csv",
        ])
        #expect(first.status == 0, "\(first.error)")
        #expect(first.out.contains("pcs_oa.csv (reliance-on-science,"))
        #expect(
            first.out.contains(
                "read 6 rows = kept 3 (new 3, updated 0, unchanged 0) + not in store 1 + rejected 1 + duplicates 1"))
        #expect(first.out.contains("bad row: \(folder)/pcs_oa.csv:6: confscore \"99\" is not a number from 1 to 10"))
        #expect(first.out.contains("cut-off: 2024 (--cutoff-year)"))
        #expect(first.out.contains("only citations to works in the store are kept"))
        #expect(first.error.contains("rejected: \(folder)/pcs_oa.csv:6:"))
        #expect(try StoreProbe.count("SELECT count(*) FROM patent_citation", in: store) == 3)
        #expect(try StoreProbe.value("SELECT latest_year FROM patent_file", in: store) == "2024")

        let again = try await Techtracker.run([
            "ingest-patents", "--quiet", "--store", store, "--cutoff-year", "2024", folder + "/pcs_oa.csv",
        ])
        #expect(again.status == 0)
        #expect(again.out.contains("kept 3 (new 0, updated 0, unchanged 3)"))
        #expect(try StoreProbe.integrity(store) == "ok")
    }

    @Test func aMissingColumnIsBadInputAndLeavesNoStore() async throws {
        let folder = try temporaryFolder()
        try write("reftype,confscore,work,patent,wherefound\napp,9,1,US-1-B2,both\n", to: folder + "/odd.csv")
        let outcome = try await Techtracker.run([
            "ingest-patents", "--store", folder + "/new.sqlite", "--cutoff-year", "2024", folder + "/odd.csv",
        ])
        #expect(outcome.status == 2)
        #expect(outcome.error.contains("\(folder)/odd.csv: no work id column"))
        #expect(
            outcome.error.contains("the header has \"reftype\", \"confscore\", \"work\", \"patent\", \"wherefound\""))
        #expect(!FileManager.default.fileExists(atPath: folder + "/new.sqlite"))

        let forced = try await Techtracker.run([
            "ingest-patents", "--store", folder + "/new.sqlite", "--layout", "reliance-on-science", "--cutoff-year",
            "2024", folder + "/odd.csv",
        ])
        #expect(forced.status == 2 && forced.error.contains("no oaid column (--layout reliance-on-science)"))

        // A store that does not exist would keep no citation: it is not made.
        try write("oaid,patent,year\n1,US-1-B2,2020\n", to: folder + "/good.csv")
        let noStore = try await Techtracker.run([
            "ingest-patents", "--store", folder + "/new.sqlite", folder + "/good.csv",
        ])
        #expect(noStore.status == 1 && noStore.error.contains("no store at \(folder)/new.sqlite: ingest works first"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/new.sqlite"))
    }

    @Test func aFileWithoutYearsNeedsTheCutoffYear() async throws {
        let folder = try temporaryFolder()
        let store = try await store(in: folder)
        try write(Self.relianceOnScience, to: folder + "/pcs_oa.csv")
        let outcome = try await Techtracker.run(["ingest-patents", "--store", store, folder + "/pcs_oa.csv"])
        #expect(outcome.status == 2)
        #expect(outcome.error.contains("pcs_oa.csv: no year column"))
        #expect(
            outcome.error.contains(
                "give --cutoff-year YEAR (the edition's date; Reliance on Science files carry no dates)"))
        #expect(try StoreProbe.count("SELECT count(*) FROM patent_file", in: store) == 0)

        let outOfRange = try await Techtracker.run([
            "ingest-patents", "--store", store, "--cutoff-year", "1700", folder + "/pcs_oa.csv",
        ])
        #expect(outOfRange.status == 2 && outOfRange.error.contains("--cutoff-year must be in 1800…2200"))
        let missing = try await Techtracker.run([
            "ingest-patents", "--store", store, "--cutoff-year", "2024", folder + "/none.csv",
        ])
        #expect(missing.status == 2 && missing.error.contains("no such file or folder: \(folder)/none.csv"))
    }
}

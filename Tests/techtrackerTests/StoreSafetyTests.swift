import Foundation
import Testing

/// What the store promises under hostile conditions, checked on the file itself: a FIFO in an
/// input folder, two ingests into one store at once, an ingest killed mid-run.
@Suite
struct StoreSafetyTests {
    /// A FIFO named like an input is skipped, not waited on forever.
    @Test func aFIFOInAnInputFolderIsSkipped() async throws {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/messy", withIntermediateDirectories: true)
        try write(
            #"{"id":"https://openalex.org/W1","title":"One","publication_year":2020,"type":"article","cited_by_count":1,"updated_date":"2025-01-01"}"#
                + "\n",
            to: folder + "/messy/good.jsonl")
        #expect(mkfifo(folder + "/messy/pipe.jsonl", 0o644) == 0)
        let outcome = try await Techtracker.run(
            ["ingest", "--quiet", "--store", folder + "/messy.sqlite", folder + "/messy"], timeout: 60)
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(outcome.out.contains("read 1, new 1"))
        #expect(outcome.error.contains("warning:"))
    }

    /// The two parts of one corpus ingested into a new store at the same time: both complete,
    /// every work is stored once and the file is sound.
    @Test func twoIngestsIntoOneStoreAtOnceBothComplete() async throws {
        let folder = try temporaryFolder()
        _ = try await Techtracker.output([
            "generate", "--works", "8000", "--seed", "3", "--parts", "2", "--quiet", folder + "/shared",
        ])
        let parts = try partFiles(in: folder + "/shared")
        try #require(parts.count == 2)
        let store = folder + "/shared.sqlite"
        let first = try Techtracker.start(["ingest", "--quiet", "--store", store, parts[0]])
        let second = try Techtracker.start(["ingest", "--quiet", "--store", store, parts[1]])
        for outcome in [try await first.wait(), try await second.wait()] {
            #expect(outcome.status == 0, "\(outcome.error)")
            #expect(outcome.out.contains("read 4000, new 4000, "), "\(outcome.out)")
        }
        #expect(try StoreProbe.integrity(store) == "ok")
        #expect(try StoreProbe.count("SELECT count(*) FROM work", in: store) == 8000)
    }

    /// `kill -9` during an ingest leaves a store that opens, is sound and holds only whole
    /// works; ingesting again completes it.
    @Test func aKilledIngestLeavesAStoreOfWholeWorks() async throws {
        let folder = try temporaryFolder()
        // The whole folder is ingested: no patent-citation file in it.
        _ = try await Techtracker.output([
            "generate", "--works", "20000", "--seed", "9", "--no-patents", "--quiet", folder + "/kill",
        ])
        let store = folder + "/kill.sqlite"
        let ingest = try Techtracker.start(["ingest", "--quiet", "--store", store, folder + "/kill"])
        // About 2 s into the run, and never before the store exists: on a loaded machine the
        // process may take longer to get that far.
        let start = Date()
        while Date().timeIntervalSince(start) < 2
            || (!FileManager.default.fileExists(atPath: store) && Date().timeIntervalSince(start) < 60)
        {
            try await Task.sleep(for: .milliseconds(100))
        }
        ingest.killHard()
        #expect(try StoreProbe.integrity(store) == "ok")
        let partial = try StoreProbe.count(
            "SELECT count(*) FROM work WHERE title = '' OR length(authorships) = 0", in: store)
        #expect(partial == 0)
        let again = try await Techtracker.output(["ingest", "--quiet", "--store", store, folder + "/kill"])
        #expect(
            again.contains(/read 20000, new [0-9]+, updated 0, unchanged [0-9]+, conflicting 0, rejected 0/), "\(again)"
        )
        let stats = try await Techtracker.output(["stats", "--store", store])
        #expect(stats.components(separatedBy: "Works: 20,000").count == 2)
    }

    /// The `.gz` parts a generated corpus holds, sorted.
    func partFiles(in corpus: String) throws -> [String] {
        let works = corpus + "/data/works"
        return try FileManager.default.subpathsOfDirectory(atPath: works)
            .filter { $0.hasSuffix(".gz") && ($0 as NSString).lastPathComponent.hasPrefix("part_") }
            .sorted().map { works + "/" + $0 }
    }
}

import Foundation
import Testing
import TechTrackerCore
import TechTrackerPipeline
import TechTrackerPresent
import TechTrackerStore

/// METHOD §10 end to end: works stored, a Reliance-on-Science-shaped file read by
/// `ingest-patents`, the analysis, and the figures checked against the hand computation of
/// `PatentLinkageTests` (the same corpus, as stored works).
///
/// 40 works of 2020 in one technology, distinct citation counts, so the top 10% is the four most
/// cited: W1 (US and CN author), W2 (CN), W3 (US), W4 (DE and CN), the rest alternately CN and
/// US. Counting citations (confidence ≥ 3) cite W1 and W3: PC US 1.5, CN 0.5, DE 0 of 2.
@Suite(.serialized)
struct PatentAnalysisTests {
    static func author(_ name: String, _ country: String) -> Authorship {
        Authorship(
            position: .middle, authorName: name,
            institutions: [Institution(id: "https://openalex.org/I\(country)", country: CountryCode(country))])
    }

    static func works() -> [Work] {
        func work(_ n: Int, citations: Int, _ authors: [Authorship]) -> Work {
            Work(
                id: "W\(n)", title: "Work \(n)", publicationYear: 2020, type: "article",
                citedByCount: citations, updatedDate: "2025-01-01", authorships: authors)
        }
        var works = [
            work(1, citations: 400, [author("Ann", "US"), author("Bo", "CN")]),
            work(2, citations: 390, [author("Cy", "CN")]),
            work(3, citations: 380, [author("Di", "US")]),
            work(4, citations: 370, [author("Ed", "DE"), author("Fu", "CN")]),
        ]
        for i in 0..<36 {
            works.append(work(5 + i, citations: 10 + i, [author("X\(i)", i % 2 == 0 ? "CN" : "US")]))
        }
        return works
    }

    /// Reliance on Science's newest layout; W99 is not in the store, one row is malformed.
    static let citations = """
        reftype,confscore,oaid,patent,wherefound,self
        app,10,1,US-1-B2,bodyonly,0
        exm,10,1,US-2-B2,frontonly,0
        unk,8,1,EP-3-A1,,
        app,2,2,US-4-B1,frontonly,0
        exm,5,3,US-5-B2,bodyonly,0
        app,9,3,US-6-B2,bodyonly,1
        app,10,5,US-7-B2,frontonly,0
        app,10,99,US-8-B2,frontonly,0
        app,eleven,4,US-9-B2,frontonly,0

        """

    func analysedStore(citations: String = Self.citations) throws -> (WorkStore, String) {
        let folder = try temporaryFolder()
        let store = try WorkStore(path: folder + "/s.sqlite")
        try upsert(Self.works(), into: store)
        let rows = try store.sourceIDs().map(\.rowID)
        try store.replaceClassification(
            technologies: [StoredTechnology(id: "tech", name: "Tech", category: "C", scope: "", query: "TS=work")],
            memberships: [rows], taxonomyHash: "0000000000000001", taxonomySource: "test", startedAt: Date(),
            works: rows.count)
        try write(citations, to: folder + "/cites_pcs_oa.csv")
        return (store, folder)
    }

    func ingestPatents(_ path: String, into store: WorkStore, cutoff: Int? = 2030) throws -> PatentIngestSummary {
        var options = PatentIngestOptions(cutoffYear: cutoff)
        options.progress = .quiet
        return try PatentIngestRun(paths: [path], options: options, log: { _ in }).run(into: store)
    }

    func settings() -> AnalysisSettings {
        var settings = AnalysisSettings()
        settings.bootstrapDraws = 0
        settings.groups = []
        return settings
    }

    func row(_ results: AnalysisResults, _ country: String, _ counting: Counting = .fractional) -> PatentLinkageRow? {
        results.patentLinkage.first { $0.country == country && $0.counting == counting }
    }

    @Test func figuresEqualTheHandComputation() throws {
        let (store, folder) = try analysedStore()
        let read = try ingestPatents(folder + "/cites_pcs_oa.csv", into: store)
        #expect(read.files.first?.counts.new == 7 && read.files.first?.counts.notInStore == 1)
        #expect(read.files.first?.counts.rejected == 1)
        let (results, _) = try AnalyzeRun(settings: settings()).run(on: store)
        let us = try #require(row(results, "US")), cn = try #require(row(results, "CN"))
        let de = try #require(row(results, "DE"))
        #expect(abs(us.pc - 1.5) < 1e-12 && abs(cn.pc - 0.5) < 1e-12 && de.pc == 0)
        #expect(abs(us.patentCitedShare - 0.75) < 1e-12 && abs(cn.patentCitedShare - 0.25) < 1e-12)
        #expect(abs((us.patentRate ?? 0) - 1) < 1e-12 && abs((cn.patentRate ?? 0) - 0.25) < 1e-12)
        #expect(abs((us.rti ?? 0) - 2) < 1e-12 && abs((cn.rti ?? 0) - 0.5) < 1e-12)
        #expect(us.windowStart == 2016 && us.windowEnd == 2020 && !us.incomplete)
        let summary = try #require(results.patentSummaries.first { $0.counting == .fractional })
        #expect(summary.leaderByShare == "CN" && summary.leader == "US" && summary.leadersDiffer)
        // Whole counting: PC US 2, CN 1 of 2.
        #expect(abs((row(results, "US", .whole)?.patentCitedShare ?? 0) - 1) < 1e-12)
        let data = try #require(results.patentData)
        // 7 rows stored (W99 not in the store, one malformed); 6 pass confidence ≥ 3; 3 works cited.
        #expect(data.citations == 7 && data.countingCitations == 6 && data.citedWorks == 3)
        #expect(data.cutoffYear == 2030)
        let led = results.patentHeadline.first { $0.country == "US" && $0.counting == .fractional }
        #expect(led?.technologiesLed == 1)
        // What the store gives back is what was computed (the store lists rows in key order).
        let stored = try #require(try store.storedResults())
        func key(_ row: PatentLinkageRow) -> String { "\(row.counting) \(row.unitType) \(row.country)" }
        #expect(stored.patentLinkage.sorted { key($0) < key($1) } == results.patentLinkage.sorted { key($0) < key($1) })
        #expect(Set(stored.patentSummaries) == Set(results.patentSummaries))
        #expect(stored.patentData == results.patentData)
    }

    @Test func filtersAndTheLagFlagReachTheFigures() throws {
        let (store, folder) = try analysedStore()
        _ = try ingestPatents(folder + "/cites_pcs_oa.csv", into: store, cutoff: 2024)
        var strict = settings()
        strict.patentFilter = PatentCitationFilter(applicantOnly: true, excludeSelfCitations: true)
        let (results, _) = try AnalyzeRun(settings: strict).run(on: store)
        // Applicant references without self-citations: W1 only, US 1/2 and CN 1/2 of 1.
        #expect(abs((row(results, "US")?.patentCitedShare ?? 0) - 0.5) < 1e-12)
        #expect(results.patentSummaries.allSatisfy { $0.incomplete })
        #expect(results.settings.patentFilter == strict.patentFilter)
        #expect(try store.storedResults()?.settings.patentFilter == strict.patentFilter)
    }

    @Test func newCitationsRetireTheSnapshotAndChangeTheFigures() throws {
        let (store, folder) = try analysedStore()
        _ = try ingestPatents(folder + "/cites_pcs_oa.csv", into: store)
        let (first, _) = try AnalyzeRun(settings: settings()).run(on: store)
        // From the snapshot: the same figures.
        let (again, timings) = try AnalyzeRun(settings: settings()).run(on: store)
        #expect(timings.source == .snapshot && again.patentLinkage == first.patentLinkage)
        // A second file cites W4 (DE and CN): PC CN 1, DE 1/2 of 3.
        try write("reftype,confscore,oaid,patent\napp,10,4,US-10-B2\n", to: folder + "/more.csv")
        _ = try ingestPatents(folder + "/more.csv", into: store)
        let (changed, after) = try AnalyzeRun(settings: settings()).run(on: store)
        #expect(after.source != .snapshot)
        #expect(abs((row(changed, "DE")?.pc ?? 0) - 0.5) < 1e-12 && abs((row(changed, "CN")?.pc ?? 0) - 1) < 1e-12)
        #expect(changed.patentData?.files.count == 2)
    }

    @Test func withoutPatentDataThereAreNoPatentFigures() throws {
        let (store, _) = try analysedStore()
        let (results, _) = try AnalyzeRun(settings: settings()).run(on: store)
        #expect(results.patentData == nil && results.patentLinkage.isEmpty && results.patentSummaries.isEmpty)
        #expect(results.patentHeadline.isEmpty)
    }

    /// The same citations in another order, split over two files, give byte-identical exports.
    @Test func theOrderOfTheCitationsLeavesNoTrace() throws {
        let lines = Self.citations.split(separator: "\n").map(String.init)
        let header = lines[0], rows = Array(lines.dropFirst())
        let (first, firstFolder) = try analysedStore()
        _ = try ingestPatents(firstFolder + "/cites_pcs_oa.csv", into: first)
        let (second, secondFolder) = try analysedStore()
        let reversed = Array(rows.reversed())
        try write(([header] + reversed.prefix(4)).joined(separator: "\n") + "\n", to: secondFolder + "/a.csv")
        try write(([header] + reversed.dropFirst(4)).joined(separator: "\n") + "\n", to: secondFolder + "/b.csv")
        _ = try ingestPatents(secondFolder + "/a.csv", into: second)
        _ = try ingestPatents(secondFolder + "/b.csv", into: second)
        var draws = settings()
        draws.bootstrapDraws = 200
        let (a, _) = try AnalyzeRun(settings: draws).run(on: first)
        let (b, _) = try AnalyzeRun(settings: draws).run(on: second)
        let out = try temporaryFolder()
        let aFiles = try ResultsExporter.write(a, format: .csv, to: out + "/a")
        let bFiles = try ResultsExporter.write(b, format: .csv, to: out + "/b")
        for (left, right) in zip(aFiles, bFiles) where left.hasSuffix(".csv") && left.contains("/patent_") {
            #expect(
                try Data(contentsOf: URL(fileURLWithPath: left)) == Data(contentsOf: URL(fileURLWithPath: right)),
                "\(left)")
        }
        #expect(aFiles.contains { $0.hasSuffix("/patent_linkage.csv") })
    }

    @Test func readingTheSameFileTwiceChangesNoFigure() throws {
        let (store, folder) = try analysedStore()
        _ = try ingestPatents(folder + "/cites_pcs_oa.csv", into: store)
        let (first, _) = try AnalyzeRun(settings: settings()).run(on: store)
        _ = try ingestPatents(folder + "/cites_pcs_oa.csv", into: store)
        let (second, _) = try AnalyzeRun(settings: settings()).run(on: store)
        #expect(first.patentLinkage == second.patentLinkage && first.patentSummaries == second.patentSummaries)
    }
}

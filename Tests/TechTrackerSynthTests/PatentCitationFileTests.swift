import Foundation
import Testing
@testable import TechTrackerSynth

/// The synthetic patent-citation file: Reliance on Science's layout, values in their domains,
/// citations only to generated works and never after the cut-off, the same bytes for a seed,
/// and the propensities showing by country, citations and age.
@Suite struct PatentCitationFileTests {
    func fixture() throws -> PatentCorpus { try PatentCorpus.shared.get() }

    @Test func theFileIsNamedSyntheticAndHasTheNewestHeader() throws {
        let written = try fixture()
        let path = try #require(written.summary.patentCitations?.path)
        #expect(path == written.directory + "/" + SyntheticCorpusGenerator.patentCitationsFileName)
        #expect(path.hasSuffix("_pcs_oa.csv.gz") && path.contains("SYNTHETIC"))
        #expect(written.header == "reftype,confscore,oaid,patent,wherefound,self")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.prefix(2) == Data([0x1F, 0x8B]))
        #expect(written.summary.patentCitations?.compressedBytes == bytes.count)
    }

    @Test func everyFieldIsInItsDomain() throws {
        let rows = try fixture().rows
        try #require(rows.count > 200)
        let patentPattern =
            /(US-[0-9]{7,8}-B[12]|EP-[0-9]{7}-(A1|B1)|CN-[0-9]{9}-[AB]|JP-20[0-9]{8}-A|KR-[0-9]{9}-B1|WO-20[0-9]{8}-A1)/
        for row in rows {
            #expect(["app", "exm", "unk"].contains(row.reftype), "\(row)")
            #expect((Int(row.confscore).map { (1...10).contains($0) }) == true, "\(row)")
            #expect(row.oaid.wholeMatch(of: /[1-9][0-9]*/) != nil, "\(row)")
            #expect(row.patent.wholeMatch(of: patentPattern) != nil, "\(row)")
            #expect(["frontonly", "bodyonly", "both"].contains(row.wherefound), "\(row)")
            #expect(["0", "1"].contains(row.selfCitation), "\(row)")
        }
    }

    @Test func theMixOfAttributesIsRealistic() throws {
        let rows = try fixture().rows
        let n = Double(rows.count)
        func share(_ predicate: (PatentRow) -> Bool) -> Double { Double(rows.filter(predicate).count) / n }
        let scores = rows.compactMap { Int($0.confscore) }
        #expect(share { $0.confscore == "10" } > 0.5)
        #expect(share { $0.confscore == "10" || $0.confscore == "9" } > 0.7)
        #expect((0.01...0.1).contains(share { (Int($0.confscore) ?? 0) < 3 }))
        #expect(Set(scores).count == 10)
        #expect((0.01...0.06).contains(share { $0.selfCitation == "1" }))
        #expect(share { $0.reftype == "app" } > 0.5 && share { $0.reftype == "exm" } > 0.05)
        #expect(!rows.contains { $0.reftype == "exm" && $0.wherefound == "bodyonly" })
        for place in ["frontonly", "bodyonly", "both"] { #expect(share { $0.wherefound == place } > 0.1) }
        for office in ["US-", "EP-", "CN-", "JP-", "KR-", "WO-"] {
            #expect(share { $0.patent.hasPrefix(office) } > 0.02)
        }
    }

    @Test func everyCitationIsOfAGeneratedWorkAndEachPairIsListedOnce() throws {
        let written = try fixture()
        #expect(written.rows.allSatisfy { written.workByNumber[$0.oaid] != nil })
        #expect(Set(written.rows.map { "\($0.patent) \($0.oaid)" }).count == written.rows.count)
        let summary = try #require(written.summary.patentCitations)
        #expect(summary.rows == written.rows.count)
        #expect(summary.citedWorks == written.citedWorks.count)
        #expect(summary.patents == Set(written.rows.map(\.patent)).count)
        #expect(summary.cutoffYear == SyntheticCorpusConfiguration.defaultToYear)
    }

    @Test func patentsCiteSeveralPapersAndSomePapersManyPatents() throws {
        let rows = try fixture().rows
        let perPatent = Dictionary(grouping: rows, by: \.patent).mapValues(\.count)
        let perPaper = Dictionary(grouping: rows, by: \.oaid).mapValues(\.count)
        #expect(Double(rows.count) / Double(perPatent.count) > 1.5)
        #expect(perPatent.values.contains { $0 >= 5 })
        // Heavy-tailed: mostly one patent, a few papers with dozens.
        #expect(Double(perPaper.values.filter { $0 == 1 }.count) / Double(perPaper.count) > 0.4)
        #expect((perPaper.values.max() ?? 0) >= 20)
    }

    @Test func noPatentIsLaterThanTheCutOffOrEarlierThanThePaper() throws {
        let written = try fixture()
        try checkYears(written, cutoff: SyntheticCorpusConfiguration.defaultToYear)
        let early = try PatentCorpus.make(works: 3_000, seed: 8, cutoffYear: 2015)
        defer { try? FileManager.default.removeItem(atPath: early.directory) }
        #expect(early.summary.patentCitations?.cutoffYear == 2015)
        try checkYears(early, cutoff: 2015)
        #expect(early.citedWorks.allSatisfy { early.corpus.publicationYear(ofWork: $0) <= 2015 })
        #expect(!early.rows.isEmpty)
    }

    /// Every drawn citation lies between the paper's year and the cut-off; in the file, JP and
    /// WO numbers (which start with their year) say the same.
    func checkYears(_ written: PatentCorpus, cutoff: Int) throws {
        let plan = PatentCitationPlan(corpus: written.corpus, cutoffYear: cutoff)
        var citations: [SyntheticPatentCitation] = []
        for work in 0..<written.corpus.workCount {
            let year = written.corpus.publicationYear(ofWork: work)
            citations.removeAll()
            plan.draw(work: work, publicationYear: year, into: &citations)
            for citation in citations {
                #expect(citation.work == work && (year...cutoff).contains(citation.patent.year), "\(citation)")
            }
        }
        var checked = 0
        for row in written.rows where row.patent.hasPrefix("JP-") || row.patent.hasPrefix("WO-") {
            let patentYear = try #require(Int(row.patent.dropFirst(3).prefix(4)))
            let work = try #require(written.workByNumber[row.oaid])
            #expect((written.corpus.publicationYear(ofWork: work)...cutoff).contains(patentYear), "\(row)")
            checked += 1
        }
        #expect(checked > 0)
    }

    @Test func theSameSeedWritesTheSameBytesAndAnotherSeedDoesNot() throws {
        func bytes(seed: UInt64, parts: Int) throws -> Data {
            let configuration = SyntheticCorpusConfiguration(
                works: 2_000, seed: seed, parts: parts, patentCitations: true)
            let directory = WrittenCorpus.temporaryDirectory("patent-determinism")
            defer { try? FileManager.default.removeItem(atPath: directory) }
            _ = try SyntheticCorpusGenerator(configuration: configuration).write(to: directory)
            return try Data(
                contentsOf: URL(fileURLWithPath: SyntheticCorpusGenerator.patentCitationsPath(in: directory)))
        }
        let first = try bytes(seed: 5, parts: 2)
        #expect(try bytes(seed: 5, parts: 2) == first)
        // Parts are written by one thread each: their number does not change the patents.
        #expect(try bytes(seed: 5, parts: 5) == first)
        #expect(try bytes(seed: 6, parts: 2) != first)
    }

    @Test func withoutPatentCitationsNoFileIsLeft() throws {
        let directory = WrittenCorpus.temporaryDirectory("no-patents")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = SyntheticCorpusGenerator.patentCitationsPath(in: directory)
        var configuration = SyntheticCorpusConfiguration(works: 300, seed: 2, patentCitations: true)
        _ = try SyntheticCorpusGenerator(configuration: configuration).write(to: directory)
        #expect(FileManager.default.fileExists(atPath: path))
        configuration.patentCitations = false
        let summary = try SyntheticCorpusGenerator(configuration: configuration).write(to: directory)
        #expect(summary.patentCitations == nil)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aCutOffBeforeTheFirstYearIsRejected() {
        #expect(throws: SyntheticCorpusError.self) {
            try SyntheticCorpusConfiguration(works: 10, fromYear: 2010, patentCutoffYear: 2009).validate()
        }
        #expect(SyntheticCorpusConfiguration(works: 10, toYear: 2020).patentCutoffYear == 2020)
        #expect(SyntheticCorpusConfiguration(works: 10, patentCutoffYear: 2030).patentCutoffYear == 2030)
    }
}

import Foundation
import TestScratch
import Testing
import TechTrackerCore
import TechTrackerStore
import TechTrackerMeasure
@testable import TechTrackerPipeline

struct AnalysisCorpusLoaderTests {
    let us = CountryCode("US")!
    let cn = CountryCode("CN")!

    func work(_ id: String, year: Int, citations: Int, references: [String], authorships: [Authorship]) -> Work {
        Work(
            id: id, title: id, publicationYear: year, type: "article", citedByCount: citations,
            referencedWorks: references, updatedDate: "2025-01-01", authorships: authorships)
    }

    @Test func loadsColumnsCreditsReferencesAuthorsAndMemberships() throws {
        let folder = TestScratch.url("loader").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let store = try WorkStore(path: folder + "/s.sqlite")
        let works = [
            work(
                "W1", year: 2020, citations: 5, references: ["W999"],
                authorships: [
                    Authorship(authorID: "A1", institutions: [Institution(id: "I1", country: us)])
                ]),
            work(
                "W2", year: 2021, citations: 1, references: ["W1", "W404"],
                authorships: [
                    Authorship(authorID: "A1", institutions: [Institution(id: "I2", country: cn)]),
                    Authorship(authorID: nil, countries: [us]),
                ]),
        ]
        try upsert(works, into: store)
        try store.replaceClassification(
            technologies: [StoredTechnology(id: "t", name: "T", category: "C", scope: "", query: "TS=x")],
            memberships: [[2]], taxonomyHash: "h", taxonomySource: "test", startedAt: Date(), works: 2)

        let corpus = try AnalysisCorpusLoader.load(from: store)
        #expect(corpus.workCount == 2)
        #expect(corpus.year == [2020, 2021])
        #expect(corpus.citations == [5, 1])
        #expect(corpus.countries == [cn, us])  // canonical: by code
        // W2: half CN (author 1), half US (author 2's fallback country).
        let w2 = AnalysisCorpus.range(corpus.creditOffsets, 1)
        #expect(Array(corpus.creditCountry[w2]) == [0, 1])
        #expect(Array(corpus.creditValue[w2]) == [0.5, 0.5])
        // Only the in-corpus reference survives: W2 cites W1 (index 0).
        #expect(corpus.referenceOffsets == [0, 0, 1])
        #expect(corpus.referencedWork == [0])
        // A1 appears on both works, moving from US to CN; the id-less authorship is left out.
        #expect(corpus.authorIDs == ["A1"])
        #expect(corpus.authorIndex == [0, 0])
        #expect(corpus.authorCountry == [1, 0])
        #expect(corpus.institutionIDs == ["I1", "I2"])
        #expect(corpus.institutionCountry == [1, 0])
        #expect(corpus.technologyIDs == ["t"])
        #expect(corpus.memberships == [[1]])
    }
}

/// METHOD §5 "Exactness and order": the loaded columns depend on the records, never on the
/// order the store holds them in.
struct CanonicalLoadTests {
    let fr = CountryCode("FR")!, de = CountryCode("DE")!, us = CountryCode("US")!

    func store(_ works: [Work]) throws -> WorkStore {
        let folder = TestScratch.url("canonical")
            .path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let store = try WorkStore(path: folder + "/s.sqlite")
        try upsert(works, into: store)
        return store
    }

    var works: [Work] {
        func work(_ id: String, _ institution: Institution, author: String, references: [String] = []) -> Work {
            Work(
                id: id, title: id, publicationYear: 2020, type: "article", citedByCount: 1, referencedWorks: references,
                updatedDate: "2025-01-01",
                authorships: [
                    Authorship(authorID: author, institutions: [institution]),
                    Authorship(authorID: "A7", countries: [us]),
                ])
        }
        // I1 is named without a country first, then twice in FR and once in DE: FR by majority.
        return [
            work("W10", Institution(id: "I1"), author: "A10"),
            work("W9", Institution(id: "I1", country: fr), author: "A9", references: ["W10"]),
            work("W2", Institution(id: "I1", country: de), author: "A2", references: ["W10", "W9"]),
            work("W100", Institution(id: "I1", country: fr), author: "A100"),
        ]
    }

    @Test func theOrderOfStoredRowsDoesNotMatter() throws {
        let forward = try AnalysisCorpusLoader.load(from: store(works))
        let backward = try AnalysisCorpusLoader.load(from: store(works.reversed()))
        for corpus in [forward, backward] {
            #expect(corpus.citations.count == 4)
            #expect(corpus.countries == [de, fr, us])
            #expect(corpus.authorIDs == ["A2", "A7", "A9", "A10", "A100"])  // by number
            #expect(corpus.referencedWork == [1, 2, 2])  // W2 cites W9 (1) and W10 (2); W9 cites W10 (2)
            #expect(corpus.institutionCountry == [1])  // FR
        }
        #expect(forward.creditCountry == backward.creditCountry && forward.creditFraction == backward.creditFraction)
        #expect(forward.authorIndex == backward.authorIndex && forward.authorCountry == backward.authorCountry)
        #expect(
            forward.referenceOffsets == backward.referenceOffsets && forward.referencedWork == backward.referencedWork)
        #expect(forward.institutionIndex == backward.institutionIndex)
    }

    @Test func anInstitutionWithoutCountryInItsFirstRecordStillGetsOne() throws {
        let corpus = try AnalysisCorpusLoader.load(from: store([works[0], works[2]]))  // none, then DE
        #expect(corpus.institutionCountry == [0] && corpus.countries[0] == de)
        // FR once, DE once: the smaller code
        let tie = try AnalysisCorpusLoader.load(from: store([works[1], works[2]]))
        #expect(tie.countries[tie.institutionCountry[0]] == de)
    }
}

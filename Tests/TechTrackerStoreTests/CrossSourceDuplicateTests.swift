import Foundation
import GRDB
import Testing
import TechTrackerCore
@testable import TechTrackerStore

/// `WorkStore.resolveDuplicates`: one paper read from Web of Science, Scopus and OpenAlex is one
/// work, whatever order the sources came in; the other records stay stored, marked.
@Suite struct CrossSourceDuplicateTests {
    func work(_ id: String, _ source: WorkSource, doi: String?, references: [String] = []) -> Work {
        Work(
            id: id, source: source, doi: doi, title: "Lattice damping in imaginary ceramic films",
            publicationYear: 2020, type: "article", citedByCount: source == .wos ? 7 : 9,
            referencedWorks: references,
            authorships: [
                Authorship(
                    position: .first, authorName: "Quill, Ada",
                    institutions: [Institution(id: "org:US:univ nowhere", country: CountryCode("US"))])
            ])
    }

    func ingest(_ works: [Work], into store: WorkStore) throws -> CrossSourceSummary {
        try store.ingest(strict: false, inputs: ["t"], startedAt: Date()) { session in
            _ = try session.upsert(works.map(WorkRow.init))
            try session.finish(recordsRead: works.count, rejected: 0)
        }
        return try store.resolveDuplicates()
    }

    func marks(_ store: WorkStore) throws -> [String: String] {
        try store.database.read { db in
            var result: [String: String] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT w.source_id, c.source_id FROM work w JOIN work c ON c.id = w.duplicate_of
                    """)
            {
                result[row[0]] = row[1]
            }
            return result
        }
    }

    @Test func theSamePaperFromThreeSourcesIsOneWorkThatOpenAlexStandsFor() throws {
        let store = try temporaryStore()
        _ = try ingest([work("WOS:000000000000001", .wos, doi: "10.1/a")], into: store)
        _ = try ingest([work("2-s2.0-1", .scopus, doi: "10.1/A")], into: store)
        var summary = try store.crossSourceSummary()
        #expect(summary.papersBySource == [.wos: 1])
        #expect(summary.duplicatesByDOI == 1)
        #expect(try marks(store) == ["2-s2.0-1": "WOS:000000000000001"])

        summary = try ingest([work("W5", .openalex, doi: "https://doi.org/10.1/a")], into: store)
        #expect(summary.sources == [.openalex, .wos, .scopus])
        #expect(summary.papersBySource == [.openalex: 1])
        #expect(try marks(store) == ["2-s2.0-1": "W5", "WOS:000000000000001": "W5"])
        #expect(try store.workCount() == 1)
        #expect(try store.workCountsBySource() == [.openalex: 1])
    }

    @Test func theMarksDoNotDependOnTheOrderOfIngests() throws {
        let works = [
            work("WOS:000000000000001", .wos, doi: "10.1/a"), work("2-s2.0-1", .scopus, doi: "10.1/a"),
            work("2-s2.0-2", .scopus, doi: nil), work("WOS:000000000000002", .wos, doi: "10.1/b"),
        ]
        let forward = try temporaryStore()
        for work in works { _ = try ingest([work], into: forward) }
        let backward = try temporaryStore()
        for work in works.reversed() { _ = try ingest([work], into: backward) }
        #expect(try marks(forward) == marks(backward))
        // The Scopus row without a DOI has the title key of two papers with different DOIs: it is
        // matched to neither (ambiguous), and only the DOI pair is merged.
        #expect(try marks(forward) == ["2-s2.0-1": "WOS:000000000000001"])
        #expect(try forward.resolveDuplicates().ambiguousGroups == 1)
    }

    @Test func referencesByDOIAreCountedAndLinked() throws {
        let store = try temporaryStore()
        let summary = try ingest(
            [
                work(
                    "WOS:000000000000001", .wos, doi: "10.1/a", references: ["doi:10.1/b", "doi:10.9/x", "ref:Doe J"]),
                Work(id: "WOS:000000000000002", source: .wos, doi: "10.1/b", title: "Another", publicationYear: 2019),
            ], into: store)
        #expect(summary.exportReferences == 3)
        #expect(summary.exportReferencesWithDOI == 2)
        #expect(summary.exportReferencesLinked == 1)
        #expect(!summary.isMultiSource)
    }

    @Test func aStoreOfOneSourceIsNotMatched() throws {
        let store = try temporaryStore()
        let summary = try ingest(
            [work("W1", .openalex, doi: "10.1/a"), work("W2", .openalex, doi: "10.1/a")], into: store)
        #expect(summary.sources == [.openalex])
        #expect(summary.duplicates == 0)
        #expect(try store.workCount() == 2)
    }

    @Test func aRecordThatBecomesADuplicateLosesItsMemberships() throws {
        let store = try temporaryStore()
        _ = try ingest([work("2-s2.0-1", .scopus, doi: "10.1/a")], into: store)
        let row = try #require(store.workIdentities(includingDOIs: true).first)
        #expect(row.doi == "10.1/a")
        try store.replaceClassification(
            technologies: [StoredTechnology(id: "t1", name: "T1", category: "C", scope: "", query: "TS=x")],
            memberships: [[row.rowID]], taxonomyHash: "h", taxonomySource: "test", startedAt: Date(), works: 1)
        _ = try ingest([work("WOS:000000000000001", .wos, doi: "10.1/a")], into: store)
        #expect(try store.membershipCounts()["t1", default: 0] == 0)
    }
}

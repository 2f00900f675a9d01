import Foundation
import GRDB
import Testing
import TechTrackerCore
import TechTrackerStore
@testable import TechTrackerPipeline

/// The store's analysis snapshot: a second load reads the same columns the first decoded, and
/// every write that changes what an analysis reads makes the next load decode the works again.
@Suite(.serialized) struct AnalysisSnapshotTests {
    static let template = Result { try syntheticTemplateStore(works: 1_500, seed: 11, classified: true) }

    func work(_ id: String, citations: Int, updated: String = "2025-01-01") -> Work {
        Work(
            id: id, title: id, publicationYear: 2021, type: "article", citedByCount: citations,
            referencedWorks: [], updatedDate: updated,
            authorships: [Authorship(authorID: "A1", institutions: [Institution(id: "I1", country: CountryCode("US"))])]
        )
    }

    @Test func theSecondLoadReadsTheSnapshotAndGivesTheSameColumns() throws {
        let store = try copyOfStore(try Self.template.get())
        let first = try AnalysisCorpusLoader.loadReportingSource(from: store)
        #expect(first.source == .works(snapshotSaved: true))
        #expect(try store.analysisSnapshotSize() > 0)
        let second = try AnalysisCorpusLoader.loadReportingSource(from: store)
        #expect(second.source == .snapshot)
        #expect(try second.corpus.snapshotBytes() == first.corpus.snapshotBytes())
        #expect(try AnalysisCorpusLoader.decode(from: store).snapshotBytes() == first.corpus.snapshotBytes())
        #expect(second.corpus.workCount == 1_500)
    }

    @Test func figuresFromTheSnapshotEqualFiguresFromTheWorks() throws {
        let store = try copyOfStore(try Self.template.get())
        var settings = AnalysisSettings()
        settings.bootstrapDraws = 50
        let decoded = try AnalyzeRun(settings: settings).run(on: store).results
        let fromSnapshot = try AnalyzeRun(settings: settings).run(on: store).results
        #expect(fromSnapshot.countryShares == decoded.countryShares)
        #expect(fromSnapshot.technologySummaries == decoded.technologySummaries)
        #expect(fromSnapshot.institutions == decoded.institutions)
    }

    @Test func aChangedOrNewWorkOrAClassificationRetiresTheSnapshot() throws {
        let store = try copyOfStore(try Self.template.get())
        try upsert([work("W1", citations: 1)], into: store)
        _ = try AnalysisCorpusLoader.load(from: store)
        let generation = try store.generation()
        #expect(try store.analysisSnapshot(generation: generation) != nil)

        // The same record again changes nothing: the snapshot stays.
        try upsert([work("W1", citations: 1)], into: store)
        #expect(try store.generation() == generation)
        #expect(try AnalysisCorpusLoader.loadReportingSource(from: store).source == .snapshot)

        // A newer version of the record: the next load decodes it.
        try upsert([work("W1", citations: 40, updated: "2025-06-01")], into: store)
        #expect(try store.generation() > generation)
        #expect(try store.analysisSnapshotSize() == 0)
        let reloaded = try AnalysisCorpusLoader.loadReportingSource(from: store)
        #expect(reloaded.source == .works(snapshotSaved: true))
        #expect(reloaded.corpus.citations.contains(40))

        // A new work.
        try upsert([work("W2", citations: 3)], into: store)
        #expect(try AnalysisCorpusLoader.loadReportingSource(from: store).corpus.workCount == 1_502)

        // A classification (here: no technologies).
        try store.replaceClassification(
            technologies: [], memberships: [], taxonomyHash: "h", taxonomySource: "test", startedAt: Date(), works: 0)
        let reclassified = try AnalysisCorpusLoader.loadReportingSource(from: store)
        #expect(reclassified.source == .works(snapshotSaved: true))
        #expect(reclassified.corpus.technologyIDs.isEmpty)
    }

    @Test func aSnapshotOfAnOlderGenerationIsNotSaved() throws {
        let store = try copyOfStore(try Self.template.get())
        let generation = try store.generation()
        let bytes = try AnalysisCorpusLoader.decode(from: store).snapshotBytes()
        try upsert([work("W1", citations: 1)], into: store)
        #expect(try store.saveAnalysisSnapshot(bytes, generation: generation) == false)
        #expect(try store.analysisSnapshotSize() == 0)
    }

    @Test func aDamagedSnapshotIsDecodedAgainWithAWarning() throws {
        let log = MessageLog()
        let copy = try copyOfStore(try Self.template.get())
        let expected = try AnalysisCorpusLoader.load(from: copy).snapshotBytes()
        let path = copy.path
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "UPDATE analysis_snapshot SET bytes = substr(bytes, 1, 1000) WHERE part = 0")
        }
        let store = try WorkStore(path: path, messages: { log.lines.append($0) })
        let loaded = try AnalysisCorpusLoader.loadReportingSource(from: store)
        #expect(loaded.source == .works(snapshotSaved: true))
        #expect(try loaded.corpus.snapshotBytes() == expected)
        #expect(log.lines.contains { $0.contains("analysis snapshot cannot be read") })
        #expect(try AnalysisCorpusLoader.loadReportingSource(from: store).source == .snapshot)
    }

    @Test func aSnapshotLargerThanOnePartIsSplitAndJoined() throws {
        let store = try copyOfStore(try Self.template.get())
        let generation = try store.generation()
        var bytes = [UInt8](repeating: 7, count: WorkStore.snapshotPartSize + 10)
        bytes[0] = 1
        bytes[WorkStore.snapshotPartSize - 1] = 2
        bytes[WorkStore.snapshotPartSize] = 3
        #expect(try store.saveAnalysisSnapshot(bytes, generation: generation))
        #expect(try store.analysisSnapshot(generation: generation) == bytes)
        let parts = try readStoreFile(store) { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM analysis_snapshot")
        }
        #expect(parts == 2)
    }

    @Test func aSnapshotWrittenAndReadInManySmallPartsIsTheSameCorpus() throws {
        let store = try copyOfStore(try Self.template.get())
        let generation = try store.generation()
        let corpus = try AnalysisCorpusLoader.decode(from: store)
        #expect(
            try store.saveAnalysisSnapshot(generation: generation) { storePart in
                try corpus.writeSnapshot(partSize: 1_000, to: storePart)
            })
        let parts = try readStoreFile(store) { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM analysis_snapshot")
        }
        #expect((parts ?? 0) > 10)
        let read = try #require(try store.analysisCorpusFromSnapshot(generation: generation))
        #expect(try read.snapshotBytes() == corpus.snapshotBytes())

        // A part missing from the middle: the snapshot is not used at all.
        try DatabaseQueue(path: store.path).write { db in
            try db.execute(sql: "DELETE FROM analysis_snapshot WHERE part = 3")
        }
        #expect(try store.analysisCorpusFromSnapshot(generation: generation) == nil)
        #expect(try AnalysisCorpusLoader.loadReportingSource(from: store).source == .works(snapshotSaved: true))
    }

    @Test func aSnapshotWhoseWritingFailsLeavesTheOneBefore() throws {
        struct Interrupted: Error {}
        let store = try copyOfStore(try Self.template.get())
        let generation = try store.generation()
        let corpus = try AnalysisCorpusLoader.load(from: store)
        let before = try #require(try store.analysisSnapshot(generation: generation))
        #expect(throws: Interrupted.self) {
            try store.saveAnalysisSnapshot(generation: generation) { storePart in
                try storePart([1, 2, 3])
                throw Interrupted()
            }
        }
        #expect(try store.analysisSnapshot(generation: generation) == before)
        #expect(try store.analysisCorpusFromSnapshot(generation: generation)?.snapshotBytes() == corpus.snapshotBytes())
    }

    @Test func aReadOnlyStoreIsReadButNotWritten() throws {
        let copy = try copyOfStore(try Self.template.get())
        let readOnly = try WorkStore(path: copy.path, mode: .readOnly)
        let loaded = try AnalysisCorpusLoader.loadReportingSource(from: readOnly)
        #expect(loaded.source == .works(snapshotSaved: false))
        #expect(try copy.analysisSnapshotSize() == 0)
    }
}

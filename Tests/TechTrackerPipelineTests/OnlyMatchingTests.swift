import Foundation
import Testing
import TechTrackerCore
import TechTrackerPipeline
import TechTrackerStore
import TechTrackerSynth
import TechTrackerTaxonomy

/// `ingest --only-matching`: only works that match a technology are stored, and they are exactly
/// the works a full ingest followed by `classify` puts in a technology.
@Suite struct OnlyMatchingTests {
    @Test func theKeptWorksAreTheClassifiedOnesAndTheCountsReconcile() throws {
        let folder = try temporaryFolder()
        _ = try SyntheticCorpusGenerator(configuration: SyntheticCorpusConfiguration(works: 3000, seed: 9))
            .write(to: folder + "/corpus", progress: nil)
        let taxonomy = try twoTechnologies.get()

        let full = try WorkStore(path: folder + "/full.sqlite")
        _ = try ingest([folder + "/corpus"], into: full)
        _ = try ClassifyRun(taxonomy: taxonomy).run(on: full)
        let classified = Set(try full.memberships().map(\.rowID))
        let fullIDs = Dictionary(uniqueKeysWithValues: try full.sourceIDs().map { ($0.rowID, $0.sourceID) })
        let expected = Set(classified.compactMap { fullIDs[$0] })
        #expect(!expected.isEmpty && expected.count < 3000)

        let kept = try WorkStore(path: folder + "/kept.sqlite")
        var options = IngestOptions(readers: 2)
        options.onlyMatching = taxonomy.makeMatcher()
        let summary = try IngestRun(inputs: [folder + "/corpus"], options: options, log: { _ in }).run(into: kept)
        #expect(summary.read == 3000)
        #expect(summary.outcomes.new == expected.count)
        #expect(summary.notMatching == 3000 - expected.count)
        #expect(summary.reconciles)
        #expect(summary.countsLine.hasSuffix(", not matching \(3000 - expected.count)"))
        #expect(Set(try kept.sourceIDs().map(\.sourceID)) == expected)

        // Classified with the same taxonomy, the kept store has the full store's memberships.
        _ = try ClassifyRun(taxonomy: taxonomy).run(on: kept)
        let keptIDs = Dictionary(uniqueKeysWithValues: try kept.sourceIDs().map { ($0.rowID, $0.sourceID) })
        func named(_ store: WorkStore, _ ids: [Int64: String]) throws -> Set<String> {
            Set(
                try store.memberships().compactMap { membership in
                    ids[membership.rowID].map { "\(membership.technology) \($0)" }
                })
        }
        #expect(try named(kept, keptIDs) == named(full, fullIDs))
    }
}

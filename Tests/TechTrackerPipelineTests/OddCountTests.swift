import Foundation
import Testing
@testable import TechTrackerPipeline
import TechTrackerStore
import TechTrackerTaxonomy

/// Counts that the command line refuses by their ranges (negative, zero, huge) never trap when
/// the library is called with them directly.
struct OddCountTests {
    /// The traps behind the command line's ranges are fixed where they were, for other callers.
    @Test func libraryCallsNeverTrapOnOddCounts() throws {
        #expect(SeededSample.pick(-1, from: [1, 2, 3], seed: 1).isEmpty)
        #expect(SeededSample.pick(0, from: [1, 2, 3], seed: 1).isEmpty)
        let folder = try temporaryFolder()
        try write((1...5).map { workLine($0) }.joined(separator: "\n"), to: folder + "/works.jsonl")
        let store = try WorkStore(path: folder + "/s.sqlite")
        _ = try ingest([folder + "/works.jsonl"], into: store)
        let taxonomy = try Taxonomy.parse(
            yaml: "technologies:\n  - {id: w, name: W, category: C, query: TS=work}\n", source: "w")
        for threads in [100_000, 0, -3] {
            var run = ClassifyRun(taxonomy: taxonomy)
            run.threads = threads
            #expect(try run.run(on: store).technologies.map(\.works) == [5])
        }
        let matcher = taxonomy.makeMatcher()
        #expect(ClassifyRun.match([], with: matcher, threads: 3).isEmpty)
    }
}

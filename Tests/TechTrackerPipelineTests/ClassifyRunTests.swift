import Foundation
import Testing
import TechTrackerClassify
import TechTrackerPipeline
import TechTrackerStore
import TechTrackerSynth
import TechTrackerTaxonomy

/// Classification on a small synthetic corpus (generated once for the suite).
@Suite(.serialized)
struct ClassifyRunTests {
    /// A store holding a 6,000-work synthetic corpus, made once; each test works on a copy.
    static let template = Result { try syntheticTemplateStore(works: 6000, seed: 3, classified: false) }

    func freshStore() throws -> WorkStore {
        try copyOfStore(try Self.template.get())
    }

    @Test func everyShippedTechnologyFindsWorksInTheDemoCorpus() throws {
        let store = try freshStore()
        let summary = try ClassifyRun(taxonomy: Taxonomy.load(path: nil)).run(on: store)
        #expect(summary.works == 6000)
        // The years the report's windows use come from the run itself, as the store has them.
        let stored = try store.publicationYearRange()
        #expect(summary.yearRange != nil && summary.yearRange == stored)
        let empty = summary.technologies.filter { $0.works == 0 }.map(\.id)
        #expect(empty.isEmpty, "technologies without works: \(empty)")
        // Many works belong to no technology (filler subjects), as in real data.
        #expect(summary.worksInNone > 1000)
        #expect(try store.membershipCounts().values.reduce(0, +) == summary.technologies.reduce(0) { $0 + $1.works })
    }

    @Test func reclassifyingWithAnotherTaxonomyLeavesNoStaleMemberships() throws {
        let store = try freshStore()
        let shipped = try Taxonomy.load(path: nil)
        _ = try ClassifyRun(taxonomy: shipped).run(on: store)
        let own = try Taxonomy.parse(
            yaml: """
                technologies:
                  - {id: qubits, name: Qubits, category: Quantum, query: 'TS=qubit*'}
                  - {id: batteries, name: Batteries, category: Energy, query: 'TS="lithium ion batter*"'}
                """, source: "own.yaml")
        let summary = try ClassifyRun(taxonomy: own).run(on: store)
        #expect(Set(try store.membershipCounts().keys) == ["qubits", "batteries"])
        #expect(try store.storedTechnologies().map(\.id) == ["qubits", "batteries"])
        #expect(try store.lastClassification()?.taxonomyHash == own.contentHash)
        #expect(summary.technologies.allSatisfy { $0.works > 0 })
        #expect(try !store.classificationIsOutdated())
    }

    @Test func storedMembershipsAreWhatTheMatcherSaysWorkForWork() throws {
        // The matcher itself is checked against the reference evaluator in the classify
        // tests; this checks the run around it: batches, threads, writing.
        let store = try freshStore()
        let taxonomy = try Taxonomy.load(path: nil)
        _ = try ClassifyRun(taxonomy: taxonomy).run(on: store)
        let matcher = taxonomy.makeMatcher()
        var expected = [Set<Int64>](repeating: [], count: taxonomy.technologies.count)
        try store.forEachWorkText(batchSize: 777) { batch in
            for work in batch {
                let text = ClassifiableText(title: work.title, abstract: work.abstract, keywords: work.keywords)
                for index in matcher.matchingQueries(in: text) { expected[index].insert(work.rowID) }
            }
        }
        for (index, technology) in taxonomy.technologies.enumerated() {
            #expect(Set(try store.memberWorkIDs(of: technology.id)) == expected[index], "\(technology.id)")
        }
    }

    @Test func querySearchCountsAndSamplesReproducibly() throws {
        let store = try freshStore()
        var search = QuerySearch(query: try QueryParser.parse(#"TS=(qubit* OR "quantum comput*")"#))
        search.years = 2020...2024
        let first = try search.run(on: store)
        let second = try search.run(on: store)
        #expect(first.matches.count > 0)
        #expect(first.matches == second.matches)
        #expect(first.samples.map(\.text.rowID) == second.samples.map(\.text.rowID))
        #expect(first.matchesByYear.keys.allSatisfy { (2020...2024).contains($0) })
        let credit = first.countryCredits.values.reduce(0, +)
        #expect(abs(credit - Double(first.matches.count)) < 1e-6)
    }

    @Test func explainReportsTermsOverlapsAndASeededSample() throws {
        let store = try freshStore()
        _ = try ClassifyRun(taxonomy: Taxonomy.load(path: nil)).run(on: store)
        let explanation = try #require(try TechnologyExplanation.build(technologyID: "quantum-computing", store: store))
        #expect(explanation.works > 0)
        #expect(explanation.worksByYear.values.reduce(0, +) == explanation.works)
        #expect(!explanation.termCounts.isEmpty)
        #expect(explanation.samples.count == min(10, explanation.works))
        #expect(explanation.overlaps.allSatisfy { $0.jaccard > 0 && $0.jaccard <= 1 })
        #expect(try TechnologyExplanation.build(technologyID: "no-such-thing", store: store) == nil)
    }
}

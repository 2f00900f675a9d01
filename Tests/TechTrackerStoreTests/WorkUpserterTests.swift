import Testing
import TechTrackerCore
@testable import TechTrackerStore

struct WorkUpserterTests {
    @Test func newWorkIsStoredWithEveryField() throws {
        let store = try temporaryStore()
        let counts = try upsert([sampleWork()], into: store)
        #expect(
            counts
                == {
                    var c = UpsertCounts(); c.new = 1; return c
                }())
        let stored = try #require(try store.work(id: "W1"))
        #expect(stored == sampleWork())
    }

    @Test func newerUpdatedDateReplacesOlderDoesNotSameDateIsAConflict() throws {
        let store = try temporaryStore()
        _ = try upsert([sampleWork(updated: "2025-01-01")], into: store)
        let counts = try upsert(
            [
                sampleWork(updated: "2024-12-31", title: "older"),
                sampleWork(updated: "2025-01-01"),
                sampleWork(updated: "2025-01-01", title: "same date"),
                sampleWork(updated: "2025-02-01T10:00:00", title: "newer"),
            ], into: store)
        #expect(counts.new == 0 && counts.unchanged == 2 && counts.conflicting == 1 && counts.updated == 1)
        #expect(try store.work(id: "W1")?.title == "newer")
        #expect(try store.workCount() == 1)
    }

    @Test func reingestingChangesNothing() throws {
        let store = try temporaryStore()
        let works = (1...50).map { sampleWork(id: "W\($0)") }
        #expect(try upsert(works, into: store).new == 50)
        let again = try upsert(works, into: store)
        #expect(again.unchanged == 50 && again.new == 0 && again.updated == 0)
        #expect(try store.workCount() == 50)
    }

    @Test func institutionsAreStoredOnce() throws {
        let store = try temporaryStore()
        _ = try upsert((1...5).map { sampleWork(id: "W\($0)") }, into: store)
        let institutions = try store.institutions()
        #expect(institutions.count == 1)
        #expect(
            institutions["I1"]
                == Institution(id: "I1", name: "MIT", ror: "042nb2s44", country: CountryCode("US"), type: "education"))
    }

    @Test func sourcesAreCounted() throws {
        let store = try temporaryStore()
        var synthetic = sampleWork(id: "W2")
        synthetic.source = .synthetic
        _ = try upsert([sampleWork(), synthetic], into: store)
        #expect(try store.workCountsBySource() == [.openalex: 1, .synthetic: 1])
    }
}

struct StoredResultsTests {
    @Test func resultsRoundTripThroughTheStore() throws {
        let store = try temporaryStore()
        #expect(try store.storedResults() == nil)
        var results = AnalysisResults(settings: AnalysisSettings(), taxonomyHash: "h", synthetic: false)
        results.countryShares = [
            CountryShareRow(
                technology: "t", windowStart: 2020, windowEnd: 2024, counting: .whole, country: "US",
                p: 1.5, pTop: 0.1, share: 1, ppTop: 0.1 / 1.5, rank: 1, hIndex: 1, ciLow: 1,
                ciHigh: 1, pLeader: 1, adjustedShare: 1, adjustedRank: 1, inwardness: nil, lowEvidence: true)
        ]
        results.technologySummaries = [
            TechnologySummaryRow(
                technology: "t", name: "T", category: "C", windowStart: 2020, windowEnd: 2024,
                counting: .whole, works: 3, topWorks: 0.3, leader: "US", leaderShare: 1,
                runnerUp: nil, runnerUpShare: nil, leadRatio: .infinity,
                leaderInstitutionsInTop10: 1, tmr: "low", pLeader: 1, adjustedLeader: "US",
                wholeCountingLeader: "US", lowEvidence: true)
        ]
        results.institutions = [
            InstitutionShareRow(
                technology: "t", windowStart: 2020, windowEnd: 2024, counting: .whole, rank: 1,
                institutionID: "I1", name: "MIT", country: "US", pTop: 0.1, share: 1)
        ]
        results.mobility = [
            MobilityFlowRow(
                technology: "t", windowStart: 2020, windowEnd: 2024, origin: "CN", destination: "US", authors: 2)
        ]
        results.headline = [
            HeadlineRow(
                windowStart: 2020, windowEnd: 2024, counting: .whole, country: "US", technologiesLed: 1,
                technologiesTop5: 1)
        ]
        try store.replaceResults(results)
        #expect(try store.storedResults() == results)
        try store.replaceResults(AnalysisResults(settings: AnalysisSettings(), taxonomyHash: "h2", synthetic: false))
        #expect(try store.storedResults()?.countryShares.isEmpty == true)
    }
}

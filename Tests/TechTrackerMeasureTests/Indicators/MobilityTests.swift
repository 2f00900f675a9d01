import Testing
import TechTrackerCore
@testable import TechTrackerMeasure

/// METHOD §8 on a tiny author history.
///
/// History (year, work index, author → country):
///   w0 2015: A → CN, B → unknown
///   w1 2016: B → GB, C → US
///   w2 2016: C → DE                (same year as w1, later index: w1 decides C's origin)
///   w3 no year: D → FR             (undated works set no origin)
///   w4 2020, top work: A → US, B → US, C → US, D → JP
///   w5 2020, top work: A → GB, B → US, E (no destination country)
///   w6…w23: 2020 filler works of the technology, cited 0…17, no authors.
/// Origins: A CN, B GB (its first dated authorship has no country), C US, D JP (w4), E none.
/// Top works (n = 20, window scope): w4 and w5 (cited 100 and 90) weigh 1; fillers 0.
/// Distinct (author, destination): A→US, A→GB, B→US (twice, counted once), C→US, D→JP.
/// Flows: CN→GB 1, CN→US 1, GB→US 1, JP→JP 1 (stay), US→US 1 (stay).
/// Gains: CN −2 (out 2), GB 0 (in 1 from A, out 1 for B), US +2 (in A and B).
struct MobilityTests {
    func corpus() -> AnalysisCorpus {
        var builder = CorpusBuilder()
        builder.add(year: 2015, citations: 0, authors: [("A", "CN"), ("B", nil)], technologies: [])
        builder.add(year: 2016, citations: 0, authors: [("B", "GB"), ("C", "US")], technologies: [])
        builder.add(year: 2016, citations: 0, authors: [("C", "DE")], technologies: [])
        builder.add(year: nil, citations: 0, authors: [("D", "FR")], technologies: [])
        builder.add(year: 2020, citations: 100, authors: [("A", "US"), ("B", "US"), ("C", "US"), ("D", "JP")])
        builder.add(year: 2020, citations: 90, authors: [("A", "GB"), ("B", "US"), ("E", nil)])
        for c in 0..<18 { builder.add(year: 2020, citations: c) }
        return builder.corpus
    }

    @Test func originsAreTheEarliestKnownCountry() {
        let corpus = corpus()
        let origins = Mobility.origins(corpus).map { $0 >= 0 ? corpus.countries[$0].description : "-" }
        #expect(origins == ["CN", "GB", "US", "JP", "-"])
    }

    @Test func flowsAndGains() {
        let result = TechnologyIndicators.compute(
            technology: 0, window: .init(start: 2016, end: 2020),
            corpus: IndicatorCorpus(corpus()),
            settings: .init(thresholdScope: .window, bootstrapDraws: 0))
        let flows = result.mobility.map { "\($0.origin)>\($0.destination):\($0.authors)" }
        #expect(flows == ["CN>GB:1", "CN>US:1", "GB>US:1", "JP>JP:1", "US>US:1"])
        let gains = result.mobilityGains.map { "\($0.country):\($0.inflow)-\($0.outflow)=\($0.gain)" }
        #expect(gains == ["CN:0-2=-2", "GB:1-1=0", "US:2-0=2"])
        // Twenty works and single-author flows: every flow and balance rests on low evidence.
        #expect(result.mobility.allSatisfy(\.lowEvidence) && result.mobilityGains.allSatisfy(\.lowEvidence))
    }

    @Test func severalAuthorsOnOneRouteAreCountedApart() {
        let flows = Mobility.flows(works: [4, 5], weights: [1, 0.5], corpus: corpus(), origins: [0, 0, 0, 0, -1])
        // All origins set to country 0 (CN): A→US, A→GB, B→US, C→US, D→JP.
        let corpus = corpus()
        let text = flows.map { "\(corpus.countries[$0.origin])>\(corpus.countries[$0.destination]):\($0.authors)" }
        #expect(text.sorted() == ["CN>GB:1", "CN>JP:1", "CN>US:3"])
    }
}

import Testing
import TechTrackerCore
@testable import TechTrackerMeasure

/// Properties on random corpora (METHOD §4, §5), and the edges of the corpus.
struct IndicatorPropertyTests {
    /// Works of 2018-2024 in three technologies, with random credits (some unknown), citations
    /// with many ties, and a few excluded types.
    func randomCorpus(seed: UInt64) -> AnalysisCorpus {
        var builder = CorpusBuilder(technologies: ["a", "b", "c"])
        var random = TestRandom(seed)
        let codes = ["US", "CN", "GB", "DE", "JP"]
        for _ in 0..<1500 {
            var credits: [(String?, Double)] = []
            let parts = random.int(1...4)
            for _ in 0..<parts {
                credits.append((random.int(0...6) == 0 ? nil : codes[random.int(0...4)], 1 / Double(parts)))
            }
            let technologies = (0..<3).filter { _ in random.int(0...2) == 0 }
            builder.add(
                year: random.int(2018...2024), citations: random.int(0...3) == 0 ? 0 : random.int(0...25),
                type: random.int(0...9) == 0 ? "preprint" : "article", credits: credits,
                technologies: technologies)
        }
        return builder.corpus
    }

    @Test func topWeightsOfEveryReferenceSetSumToTheShareOfItsSize() {
        let corpus = randomCorpus(seed: 11)
        let prepared = IndicatorCorpus(corpus)
        for t in 0..<3 {
            for scope in ThresholdScope.allCases {
                let works = WindowWorks(
                    technologyWorks: corpus.memberships[t], window: .init(start: 2018, end: 2022),
                    scope: scope, corpus: corpus, kept: prepared.kept)
                var groups: [Int: (n: Int, t10: Double, t1: Double)] = [:]
                for (i, w) in works.works.enumerated() {
                    let key = scope == .year ? corpus.year[w]! : 0
                    groups[key, default: (0, 0, 0)].n += 1
                    groups[key]!.t10 += works.top10[i]
                    groups[key]!.t1 += works.top1[i]
                }
                for (_, group) in groups {
                    #expect(abs(group.t10 - 0.1 * Double(group.n)) < 1e-9)
                    #expect(abs(group.t1 - 0.01 * Double(group.n)) < 1e-9)
                }
                #expect(
                    works.works.allSatisfy { corpus.type[$0] == "article" && (2018...2022).contains(corpus.year[$0]!) })
            }
        }
    }

    @Test func fractionalSharesPlusUnknownSumToOneAndWholeSharesReachOneOrMore() {
        let prepared = IndicatorCorpus(randomCorpus(seed: 12))
        for t in 0..<3 {
            for window in PublicationWindow.rolling(over: 2018...2024) {
                let fractional = TechnologyIndicators.compute(
                    technology: t, window: window, corpus: prepared,
                    settings: .init(bootstrapDraws: 50))
                #expect(
                    abs(fractional.countries.map(\.share).reduce(0, +) + fractional.summary.unknownShare - 1) < 1e-9)
                #expect(abs(fractional.summary.topWorks - 0.1 * Double(fractional.summary.works)) < 1e-9)
                #expect(fractional.countries.map(\.rank) == Array(1...fractional.countries.count))
                let whole = TechnologyIndicators.compute(
                    technology: t, window: window, corpus: prepared,
                    settings: .init(counting: .whole, bootstrapDraws: 50))
                #expect(whole.countries.map(\.share).reduce(0, +) >= 1 - 1e-9)
                #expect(whole.countries.allSatisfy { $0.share <= 1 + 1e-12 })
                #expect(fractional.summary.works == whole.summary.works)
            }
        }
    }

    @Test func windowBeyondTheCorpusIsEmptyAndLowEvidence() {
        let prepared = IndicatorCorpus(randomCorpus(seed: 13))
        let result = TechnologyIndicators.compute(
            technology: 0, window: .init(start: 2030, end: 2034), corpus: prepared)
        #expect(result.summary.works == 0 && result.summary.topWorks == 0 && result.countries.isEmpty)
        #expect(result.summary.leader == nil && result.summary.leadRatio == nil && result.summary.tmr == .low)
        #expect(result.summary.lowEvidence && result.institutions.isEmpty && result.mobility.isEmpty)
        #expect(
            TechnologyIndicators.compute(technology: "zz", window: .init(start: 2020, end: 2024), corpus: prepared)
                == nil)
    }
}

import Testing
import TechTrackerCore
@testable import TechTrackerMeasure

/// METHOD §2 (kept works) and §4 (reference sets per year or per window).
struct ReferenceSetsTests {
    /// 2020: ten articles cited 0…9; 2021: five cited 10, 20, 30, 40, 50; plus works that must
    /// be left out: a preprint, a retracted article, one with no year, one of 2025.
    func corpus() -> (CorpusBuilder, [Int], [Int]) {
        var builder = CorpusBuilder()
        let y2020 = (0..<10).map { builder.add(year: 2020, citations: $0) }
        let y2021 = [10, 20, 30, 40, 50].map { builder.add(year: 2021, citations: $0) }
        builder.add(year: 2020, citations: 999, type: "preprint")
        builder.add(year: 2021, citations: 999, retracted: true)
        builder.add(year: nil, citations: 999)
        builder.add(year: 2025, citations: 999)
        return (builder, y2020, y2021)
    }

    @Test func yearScopeComparesWorksOfTheSameYear() {
        let (builder, y2020, y2021) = corpus()
        let prepared = IndicatorCorpus(builder.corpus)
        let window = WindowWorks(
            technologyWorks: builder.corpus.memberships[0], window: .init(start: 2020, end: 2024),
            scope: .year, corpus: builder.corpus, kept: prepared.kept)
        #expect(window.works == y2020 + y2021)
        // 2020: the 9 gets 1. 2021 (n = 5): the 50 gets θ = 5/10 = 0.5.
        #expect(window.top10 == [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0.5])
        // Top 1%: 2020 → 10 × 0.01 on the 9 (θ = 0.1); 2021 → 0.05 on the 50.
        #expect(close(window.top1[9], 0.1) && close(window.top1[14], 0.05))
        #expect(close(window.top1.reduce(0, +), 0.15))
    }

    @Test func windowScopeComparesAllWorksOfTheWindow() {
        let (builder, _, _) = corpus()
        let prepared = IndicatorCorpus(builder.corpus)
        let window = WindowWorks(
            technologyWorks: builder.corpus.memberships[0], window: .init(start: 2020, end: 2024),
            scope: .window, corpus: builder.corpus, kept: prepared.kept)
        // n = 15: 0…9, 10, 20, 30, 40 make cum(40) = 14/15 ≥ 0.9 (140 ≥ 135) →
        // t* = 40, θ = (140 − 135)/10 = 0.5; 50 gets 1. Sum 1.5.
        #expect(window.top10 == Array(repeating: 0, count: 13) + [0.5, 1])
    }

    @Test func allowedTypesAndRetractionAreParameters() {
        let (builder, _, _) = corpus()
        let all = IndicatorCorpus(
            builder.corpus, filter: WorkFilter(allowedTypes: ["article", "preprint"], excludeRetracted: false))
        let window = WindowWorks(
            technologyWorks: builder.corpus.memberships[0], window: .init(start: 2020, end: 2024),
            scope: .year, corpus: builder.corpus, kept: all.kept)
        #expect(window.count == 17)  // + the preprint and the retracted article; never no-year or 2025
        #expect(window.top10[window.works.firstIndex(of: 15)!] == 1)  // the preprint now tops 2020
    }

    @Test func windowsAtTheCorpusEdges() {
        let (builder, _, y2021) = corpus()
        let prepared = IndicatorCorpus(builder.corpus)
        func works(_ start: Int, _ end: Int) -> WindowWorks {
            WindowWorks(
                technologyWorks: builder.corpus.memberships[0], window: .init(start: start, end: end),
                scope: .year, corpus: builder.corpus, kept: prepared.kept)
        }
        #expect(works(2016, 2020).count == 10)
        // 2021-2025 reaches the work of 2025, alone in its reference set: θ = 1/10.
        let late = works(2021, 2025)
        #expect(late.works == y2021 + [18])
        #expect(late.top10 == [0, 0, 0, 0, 0.5, 0.1])
        #expect(works(2026, 2030).count == 0)
        #expect(works(2026, 2030).top10.isEmpty)
        #expect(works(2010, 2014).count == 0)
    }
}

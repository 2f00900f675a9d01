import Testing
import TechTrackerCore
@testable import TechTrackerMeasure

/// METHOD §7 on a tiny citation graph, worked out by hand.
///
///     w0  US 1              c = 5   cited by w2, w3, w4
///     w1  US 1/2, CN 1/2    c = 3   cited by w2, w3, w5 (w5 lists w1 twice)
///     w2  CN 1              cites w0, w1
///     w3  US 1              cites w0, w1
///     w4  US 1/2, unknown   cites w0
///     w5  DE 1              cites w1, w1 and itself
///
/// c_in: w0 = 3, w1 = 3 (the repeat and the self-citation do not count), others 0.
/// Fractional overlaps (Σ over the cited work's countries of the citing work's credit):
///   → w0 {US}: w2 0, w3 1, w4 1/2        → c_adj(w0) = 5 − 1.5 = 3.5
///   → w1 {US, CN}: w2 1 (CN), w3 1 (US), w5 0 → c_adj(w1) = 3 − 2 = 1
/// Own-country citations per entry: (w0, US) = 1.5; (w1, US) = 1 (w3); (w1, CN) = 1 (w2).
/// Whole: a citing work sharing any country is removed whole: w0 loses w3 and w4 → 3; w1 → 1.
///   Own-country entries: (w0, US) = 2, (w1, US) = 1, (w1, CN) = 1.
/// Inwardness, fractional: US = (1·1.5 + 1/2·1) / (1·3 + 1/2·3) = 2/4.5 = 4/9;
///   CN = (1/2·1) / (1/2·3) = 1/3; DE receives nothing → nil.
/// Whole: US = (2 + 1)/(3 + 3) = 1/2; CN = 1/3.
struct CitationAdjustmentTests {
    func graph() -> CorpusBuilder {
        var builder = CorpusBuilder()
        builder.add(year: 2020, citations: 5, credits: [("US", 1)])
        builder.add(year: 2020, citations: 3, credits: [("US", 0.5), ("CN", 0.5)])
        builder.add(year: 2020, citations: 0, credits: [("CN", 1)], references: [0, 1])
        builder.add(year: 2020, citations: 0, credits: [("US", 1)], references: [0, 1])
        builder.add(year: 2020, citations: 0, credits: [("US", 0.5), (nil, 0.5)], references: [0])
        builder.add(year: 2020, citations: 0, credits: [("DE", 1)], references: [1, 1, 5])
        return builder
    }

    @Test func inCorpusAndAdjustedCitations() {
        let prepared = IndicatorCorpus(graph().corpus)
        let fractional = prepared.fractional.adjustment, whole = prepared.whole.adjustment
        #expect(fractional.inCorpusCitations == [3, 3, 0, 0, 0, 0])
        #expect(fractional.adjustedCitations == [3.5, 1, 0, 0, 0, 0])
        #expect(whole.adjustedCitations == [3, 1, 0, 0, 0, 0])
        // Entries: w0 (US), w1 (US, CN; sorted by country index: US = 0, CN = 1).
        let table = prepared.fractional.countries
        #expect(Array(fractional.ownCountryCitations[table.range(0)]) == [1.5])
        #expect(Array(fractional.ownCountryCitations[table.range(1)]) == [1, 1])
        #expect(Array(whole.ownCountryCitations[prepared.whole.countries.range(0)]) == [2])
    }

    /// METHOD §7 option: w2 (CN 1/2, DE 1/2; author A1) cites w1 (US 1/2, CN 1/2; authors A2
    /// and A1): an author self-citation; w3 (DE) cites w1 too. Plain: c_adj(w1) = 3 − 1/2 = 2.5
    /// and CN's inwardness = (1/2 · 1/2) / (1/2 · 2) = 1/4. Excluded, the self-citation is
    /// removed whole (c_adj = 2) and leaves inwardness (CN: 0 of 1).
    @Test func selfCitationsCanBeExcluded() {
        var builder = CorpusBuilder()
        builder.add(year: 2020, citations: 5, credits: [("US", 1)], authors: [("A3", "US")])
        builder.add(
            year: 2020, citations: 3, credits: [("US", 0.5), ("CN", 0.5)], authors: [("A2", "US"), ("A1", "CN")])
        builder.add(
            year: 2020, citations: 0, credits: [("CN", 0.5), ("DE", 0.5)], authors: [("A1", "CN"), ("A5", "DE")],
            references: [1])
        builder.add(year: 2020, citations: 0, credits: [("DE", 1)], authors: [("A4", "DE")], references: [1])
        let plain = IndicatorCorpus(builder.corpus),
            excluding = IndicatorCorpus(builder.corpus, excludeSelfCitations: true)
        #expect(plain.fractional.adjustment.adjustedCitations[1] == 2.5)
        #expect(excluding.fractional.adjustment.adjustedCitations[1] == 2)
        #expect(plain.fractional.adjustment.inwardnessCitations[1] == 2)
        #expect(excluding.fractional.adjustment.inwardnessCitations[1] == 1)
        #expect(excluding.fractional.adjustment.inCorpusCitations[1] == 2)  // c_in still counts every link
        func inwardness(_ prepared: IndicatorCorpus, _ code: String) -> Double? {
            TechnologyIndicators.compute(
                technology: 0, window: .init(start: 2020, end: 2020), corpus: prepared,
                settings: .init(bootstrapDraws: 0)
            )
            .countries.first { $0.country == CountryCode(code)! }?.inwardness
        }
        #expect(close(inwardness(plain, "CN"), 0.25))
        #expect(close(inwardness(excluding, "CN"), 0))
    }

    @Test func inwardnessFractionalAndWhole() {
        for (counting, us, cn) in [(Counting.fractional, 4.0 / 9, 1.0 / 3), (.whole, 0.5, 1.0 / 3)] {
            let result = TechnologyIndicators.compute(
                technology: 0, window: .init(start: 2020, end: 2020),
                corpus: IndicatorCorpus(graph().corpus),
                settings: .init(counting: counting, bootstrapDraws: 0))
            func inward(_ code: String) -> Double? {
                result.countries.first { $0.country == CountryCode(code)! }?.inwardness
            }
            #expect(close(inward("US"), us) && close(inward("CN"), cn) && inward("DE") == nil, "\(counting)")
        }
    }

    @Test func leaderChangesWhenDomesticCitationsAreRemoved() {
        // Ten works of the technology: w0 (US) cited 20 times, 15 of them by US works of the
        // corpus outside the technology; w1 (CN) cited 15 times from outside; eight more cited
        // 0…7. Plain: t* = 15 (cum 0.9, θ = 0), so w0 is the top 10% → US leads.
        // Adjusted: w0 drops to 5; the counts are 0…7, 5, 15 → t* = 7, w1 is the top → CN.
        var builder = CorpusBuilder()
        let w0 = builder.add(year: 2020, citations: 20, credits: [("US", 1)])
        builder.add(year: 2020, citations: 15, credits: [("CN", 1)])
        for c in 0..<8 { builder.add(year: 2020, citations: c, credits: [("DE", 1)]) }
        for _ in 0..<15 {
            builder.add(year: 2021, citations: 0, credits: [("US", 1)], references: [w0], technologies: [])
        }
        let result = TechnologyIndicators.compute(
            technology: 0, window: .init(start: 2019, end: 2023),
            corpus: IndicatorCorpus(builder.corpus), settings: .init(bootstrapDraws: 0))
        #expect(result.summary.leader == CountryCode("US"))
        #expect(result.summary.adjustedLeader == CountryCode("CN"))
        #expect(result.summary.leaderChangesUnderAdjustment)
        let us = result.countries.first { $0.country == CountryCode("US") }!
        let cn = result.countries.first { $0.country == CountryCode("CN") }!
        #expect(us.share == 1 && us.adjustedShare == 0 && us.adjustedRank == 3)  // zeros by code: CN, DE, US
        #expect(cn.share == 0 && cn.adjustedShare == 1 && cn.adjustedRank == 1)
        #expect(us.inwardness == 1)  // every in-corpus citation of US work comes from the US
    }

    @Test func countingSensitivityFlag() {
        var builder = CorpusBuilder()
        // Ten works, distinct counts: the one cited 100 times is the whole top 10% (T = 1).
        // Fractional: US 0.6, CN 0.2, GB 0.2 → US leads. Whole: US, CN and GB get 1 each →
        // a three-way tie, CN first by code.
        builder.add(year: 2020, citations: 100, credits: [("US", 0.6), ("CN", 0.2), ("GB", 0.2)])
        for c in 0..<9 { builder.add(year: 2020, citations: c, credits: [("CN", 1)]) }
        let prepared = IndicatorCorpus(builder.corpus)
        let window = PublicationWindow(start: 2020, end: 2024)
        let fractional = TechnologyIndicators.compute(
            technology: 0, window: window, corpus: prepared, settings: .init(bootstrapDraws: 0))
        let whole = TechnologyIndicators.compute(
            technology: 0, window: window, corpus: prepared,
            settings: .init(counting: .whole, bootstrapDraws: 0))
        #expect(fractional.summary.leader == CountryCode("US") && whole.summary.leader == CountryCode("CN"))
        #expect(CountingSensitivity.leadersDiffer(fractional: fractional.summary, whole: whole.summary))
    }
}

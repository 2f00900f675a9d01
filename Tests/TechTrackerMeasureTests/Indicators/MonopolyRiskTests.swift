import Testing
import TechTrackerCore
@testable import TechTrackerMeasure

/// METHOD §5: technology monopoly risk at its exact thresholds.
struct MonopolyRiskTests {
    @Test func classificationAtAndJustBelowTheThresholds() {
        #expect(MonopolyRisk.classify(leadRatio: 3, leaderInstitutions: 8) == .high)
        #expect(MonopolyRisk.classify(leadRatio: 3, leaderInstitutions: 7) == .medium)
        #expect(MonopolyRisk.classify(leadRatio: 2.999_999, leaderInstitutions: 10) == .medium)
        #expect(MonopolyRisk.classify(leadRatio: 2, leaderInstitutions: 5) == .medium)
        #expect(MonopolyRisk.classify(leadRatio: 2, leaderInstitutions: 4) == .low)
        #expect(MonopolyRisk.classify(leadRatio: 1.999_999, leaderInstitutions: 10) == .low)
        #expect(MonopolyRisk.classify(leadRatio: .infinity, leaderInstitutions: 8) == .high)
        #expect(MonopolyRisk.classify(leadRatio: nil, leaderInstitutions: 10) == .low)
        let strict = MonopolyRisk.Thresholds(highRatio: 4, highInstitutions: 9, mediumRatio: 3, mediumInstitutions: 8)
        #expect(MonopolyRisk.classify(leadRatio: 3, leaderInstitutions: 8, thresholds: strict) == .medium)
        #expect(MonopolyRisk.low < .medium && MonopolyRisk.medium < .high)
    }

    /// 108 uncredited works cited 0…107 and 12 top works cited 200…211 (n = 120): cum(107) =
    /// 0.9 exactly, so t* = 107, θ = 0 and each top work weighs exactly 1.
    func summary(_ top: [(country: String, institution: String)]) -> TechnologySummary {
        precondition(top.count == 12)
        var builder = CorpusBuilder()
        for c in 0..<108 { builder.add(year: 2021, citations: c) }
        for (i, work) in top.enumerated() {
            builder.add(
                year: 2021, citations: 200 + i, credits: [(work.country, 1)],
                institutions: [(work.institution, work.country, 1)])
        }
        return TechnologyIndicators.compute(
            technology: 0, window: .init(start: 2020, end: 2024),
            corpus: IndicatorCorpus(builder.corpus),
            settings: .init(bootstrapDraws: 0)
        ).summary
    }

    @Test func highAtExactlyThreeTimesAndEightOfTen() {
        // US 9 (U1…U9), CN 3 (C1 twice, C2): ratio 9/3 = 3. Top 10: C1 (2), then the ones by
        // id: C2, U1…U8 → 8 in the US.
        let us = (1...9).map { ("US", "U\($0)") }
        let s = summary(us + [("CN", "C1"), ("CN", "C1"), ("CN", "C2")])
        #expect(s.leader == CountryCode("US") && s.leadRatio == 3 && s.leaderInstitutionsInTop10 == 8)
        #expect(s.tmr == .high)
    }

    @Test func mediumAtExactlyTwoTimesAndFiveOfTen() {
        // US 6 (U1 twice, U2…U5), CN 3 (C1 twice, C2), DE 3 (D1…D3): ratio 6/3 = 2 (CN is
        // runner-up before DE by code). Top 10: C1, U1 (2 each), C2, D1, D2, D3, U2…U5 → 5 US.
        let us = [("US", "U1"), ("US", "U1"), ("US", "U2"), ("US", "U3"), ("US", "U4"), ("US", "U5")]
        let s = summary(us + [("CN", "C1"), ("CN", "C1"), ("CN", "C2"), ("DE", "D1"), ("DE", "D2"), ("DE", "D3")])
        #expect(s.runnerUp == CountryCode("CN") && s.leadRatio == 2 && s.leaderInstitutionsInTop10 == 5)
        #expect(s.tmr == .medium)
    }

    @Test func lowAtTwoTimesWithFourOfTen() {
        // As above with US institutions U1, U1, U2, U3, U4, U4: only 4 US institutions.
        let us = [("US", "U1"), ("US", "U1"), ("US", "U2"), ("US", "U3"), ("US", "U4"), ("US", "U4")]
        let s = summary(us + [("CN", "C1"), ("CN", "C1"), ("CN", "C2"), ("DE", "D1"), ("DE", "D2"), ("DE", "D3")])
        #expect(s.leadRatio == 2 && s.leaderInstitutionsInTop10 == 4)
        #expect(s.tmr == .low)
    }

    @Test func soleProducerHasAnInfiniteLeadRatio() {
        let s = summary((1...12).map { ("US", "U\($0)") })
        #expect(s.leadRatio == .infinity && s.runnerUp == nil && s.leaderInstitutionsInTop10 == 10 && s.tmr == .high)
    }
}

import Testing
import TechTrackerCore
@testable import TechTrackerMeasure

/// METHOD §3 and §5 on one hand-computed (technology, window).
///
/// Twenty articles of 2020. Works 0…16 are cited 0…16 times (0…9 from CN, 10…16 from US);
/// works 17, 18, 19 are cited 50 times each. cum(16) = 17/20 < 0.9 and cum(50) = 1, so t* = 50
/// and θ = (1 − 0.9)/(3/20) = 2/3: each of the three top works weighs 2/3 (sum 2).
/// - w17: author 1 with two affiliations (I_US1 in US, I_CN1 in CN), author 2 with no country:
///   US 1/4, CN 1/4, unknown 1/2; institutions I_US1 1/4, I_CN1 1/4.
/// - w18: one author at I_CN2 (CN): CN 1.
/// - w19: three authors at I_US1, I_US2 (US) and I_DE1 (DE): US 2/3, DE 1/3.
///
/// Fractional P_top: CN = 2/3·1/4 + 2/3 = 15/18, US = 2/3·1/4 + 2/3·2/3 = 11/18,
/// DE = 2/3·1/3 = 4/18, unknown = 2/3·1/2 = 6/18; total 36/18 = 2.
/// Whole P_top: CN = US = 4/3, DE = 2/3 (total still Σ T = 2; shares sum to 5/3).
enum ScenarioA {
    static func corpus() -> AnalysisCorpus {
        var builder = CorpusBuilder()
        let us = CountryCode("US")!, cn = CountryCode("CN")!, de = CountryCode("DE")!
        func at(_ id: String, _ country: CountryCode) -> Institution { Institution(id: id, country: country) }
        for c in 0..<17 {
            builder.add(
                year: 2020, citations: c,
                authorships: [Authorship(institutions: [c < 10 ? at("I_CN2", cn) : at("I_US2", us)])])
        }
        builder.add(
            year: 2020, citations: 50,
            authorships: [
                Authorship(institutions: [at("I_US1", us), at("I_CN1", cn)]), Authorship(),
            ])
        builder.add(year: 2020, citations: 50, authorships: [Authorship(institutions: [at("I_CN2", cn)])])
        builder.add(
            year: 2020, citations: 50,
            authorships: [
                Authorship(institutions: [at("I_US1", us)]), Authorship(institutions: [at("I_US2", us)]),
                Authorship(institutions: [at("I_DE1", de)]),
            ])
        return builder.corpus
    }

    static let window = PublicationWindow(start: 2016, end: 2020)

    static func result(
        _ counting: Counting, draws: Int = 200, lowEvidenceWorks: Int = 100, lowEvidenceTop: Double = 5
    ) -> TechnologyIndicatorResult {
        TechnologyIndicators.compute(
            technology: 0, window: window, corpus: IndicatorCorpus(corpus()),
            settings: IndicatorSettings(
                counting: counting, bootstrapDraws: draws,
                lowEvidenceWorks: lowEvidenceWorks, lowEvidenceTop: lowEvidenceTop))
    }
}

struct CountryIndicatorsTests {
    func row(_ result: TechnologyIndicatorResult, _ code: String) -> CountryRow {
        result.countries.first { $0.country == CountryCode(code)! }!
    }

    @Test func fractionalCountingWithMultiAffiliationAuthorsAndAnUnknownPart() {
        let result = ScenarioA.result(.fractional)
        #expect(result.countries.map(\.country.description) == ["CN", "US", "DE"])
        #expect(result.countries.map(\.rank) == [1, 2, 3])
        let cn = row(result, "CN"), us = row(result, "US"), de = row(result, "DE")
        #expect(close(cn.pTop, 15.0 / 18) && close(us.pTop, 11.0 / 18) && close(de.pTop, 4.0 / 18))
        #expect(close(cn.share, 15.0 / 36) && close(us.share, 11.0 / 36) && close(de.share, 4.0 / 36))
        #expect(close(cn.p, 11.25) && close(us.p, 7 + 0.25 + 2.0 / 3) && close(de.p, 1.0 / 3))
        #expect(close(cn.ppTop, (15.0 / 18) / 11.25))
        #expect(close(result.summary.unknownShare, 6.0 / 36))
        #expect(close(result.countries.map(\.share).reduce(0, +) + result.summary.unknownShare, 1))
        #expect(close(result.summary.topWorks, 2))
        #expect(result.summary.works == 20)
        // Top 1%: n = 20 → θ = (1 − 0.99)/(3/20) = 1/15 on each 50-citation work.
        #expect(close(cn.pTop1, 15.0 / 18 / 10) && close(cn.share1, 15.0 / 36))
    }

    @Test func leaderRunnerUpAndLeadRatio() {
        let summary = ScenarioA.result(.fractional).summary
        #expect(summary.leader == CountryCode("CN") && summary.runnerUp == CountryCode("US"))
        #expect(close(summary.leaderShare, 15.0 / 36) && close(summary.runnerUpShare, 11.0 / 36))
        #expect(close(summary.leadRatio, 15.0 / 11))
        #expect(summary.tmr == .low)
        #expect(summary.adjustedLeader == summary.leader && !summary.leaderChangesUnderAdjustment)
    }

    @Test func wholeCountingGivesEachKnownCountryOneAndLeavesUnknownOut() {
        let result = ScenarioA.result(.whole)
        let cn = row(result, "CN"), us = row(result, "US"), de = row(result, "DE")
        #expect(close(cn.pTop, 4.0 / 3) && close(us.pTop, 4.0 / 3) && close(de.pTop, 2.0 / 3))
        #expect(close(cn.share, 2.0 / 3) && close(us.share, 2.0 / 3) && close(de.share, 1.0 / 3))
        #expect(close(result.countries.map(\.share).reduce(0, +), 5.0 / 3))
        #expect(cn.p == 12 && us.p == 9 && de.p == 1)
        #expect(result.summary.unknownShare == 0)
        // Equal shares: CN before US by code; the lead ratio is 1.
        #expect(cn.rank == 1 && us.rank == 2 && result.summary.leadRatio == 1)
    }

    @Test func hIndexCountsWholeWorksOfTheCountry() {
        // CN: 50, 50, 9, 8, 7, 6, 5, … → 6. US: 50, 50, 16, …, 10 (9 works) → 9. DE: one → 1.
        for counting in Counting.allCases {
            let result = ScenarioA.result(counting)
            #expect(row(result, "CN").hIndex == 6 && row(result, "US").hIndex == 9 && row(result, "DE").hIndex == 1)
        }
        #expect(HIndex.of([]) == 0 && HIndex.of([0, 0]) == 0 && HIndex.of([3, 3, 3]) == 3 && HIndex.of([10, 1]) == 1)
        #expect(HIndex.of([4, 4, 4, 4, 4]) == 4 && HIndex.of([6, 5, 3, 1, 0]) == 3)
    }

    @Test func topInstitutionsByHighImpactOutput() {
        // I_CN2 2/3·1 = 12/18, I_US1 2/3·(1/4 + 1/3) = 7/18, I_DE1 = I_US2 = 4/18 (by id), I_CN1 3/18.
        let result = ScenarioA.result(.fractional)
        #expect(result.institutions.map(\.institutionID) == ["I_CN2", "I_US1", "I_DE1", "I_US2", "I_CN1"])
        #expect(result.institutions.map(\.rank) == [1, 2, 3, 4, 5])
        #expect(close(result.institutions[1].pTop, 7.0 / 18) && close(result.institutions[1].share, 7.0 / 36))
        #expect(result.institutions[0].country == CountryCode("CN"))
        #expect(result.summary.leaderInstitutionsInTop10 == 2)
        // Whole: I_US1 is on two top works (4/3); the rest 2/3 each, by id.
        let whole = ScenarioA.result(.whole)
        #expect(whole.institutions.map(\.institutionID) == ["I_US1", "I_CN1", "I_CN2", "I_DE1", "I_US2"])
        #expect(close(whole.institutions[0].pTop, 4.0 / 3))
    }

    @Test func lowEvidenceFlags() {
        // 20 works < 100: everything is low evidence.
        let standard = ScenarioA.result(.fractional)
        #expect(standard.summary.lowEvidence && standard.countries.allSatisfy(\.lowEvidence))
        // With the (t, W) limit at 20 and the country limit at 0.5: only DE (4/18) is flagged.
        let relaxed = ScenarioA.result(.fractional, lowEvidenceWorks: 20, lowEvidenceTop: 0.5)
        #expect(!relaxed.summary.lowEvidence)
        #expect(relaxed.countries.map(\.lowEvidence) == [false, false, true])
    }

    @Test func noCitationLinksMeansNoInwardness() {
        #expect(ScenarioA.result(.fractional).countries.allSatisfy { $0.inwardness == nil })
    }

    @Test func rankingBreaksTiesByPositionAndReportsThem() {
        // Positions are in tie order (country code order in a slice): CN, DE, GB, US.
        func values(_ numbers: [Double]) -> ExactValues {
            ExactValues(approximate: numbers, terms: numbers.map { _ in 1 }) { keys in
                Dictionary(uniqueKeysWithValues: keys.map { ($0, ExactRational(Fraction(numbers[$0]))) })
            }
        }
        let ranking = Ranking.rank(values([0.25, 0.5, 0.25, 0]))
        #expect(ranking.ranks == [2, 1, 3, 4])
        #expect(ranking.leader == 1 && ranking.runnerUp == 0)
        #expect(ranking.tied == [true, false, true, false])
        #expect(!ranking.leaderTied)
        #expect(Ranking.rank(values([0, 1, 0, 0])).runnerUp == nil)
        #expect(Ranking.rank(values([0, 1, 0, 0])).tied == [false, false, false, false])
        #expect(Ranking.rank(values([0.5, 0.5])).leaderTied)
        #expect(Ranking.leadRatio([0, 1, 0, 0], leader: 1, runnerUp: nil) == .infinity)
        #expect(Ranking.leadRatio([0, 0], leader: nil, runnerUp: nil) == nil)
        #expect(Ranking.leadRatio([0.49999999999999994, 0.5], leader: 1, runnerUp: 0, tied: true) == 1)
    }

    @Test func creditsShortOfOneAreCompletedWithUnknown() {
        // Ten works (distinct counts); the top one has no credits at all, the next 0.5 US only.
        var builder = CorpusBuilder()
        builder.add(year: 2020, citations: 100)
        builder.add(year: 2020, citations: 90, credits: [("US", 0.5)])
        for c in 0..<8 { builder.add(year: 2020, citations: c, credits: [("US", 1)]) }
        let table = CreditTable.countries(builder.corpus, .fractional)
        #expect(table.keys[table.range(0)] == [-1] && table.range(0).map(table.value) == [1])
        #expect(table.range(1).map(table.value) == [0.5, 0.5])
        // Top 10% of 10 works = the uncredited one: the share is wholly unknown.
        let result = TechnologyIndicators.compute(
            technology: 0, window: .init(start: 2020, end: 2020),
            corpus: IndicatorCorpus(builder.corpus), settings: .init(bootstrapDraws: 0))
        #expect(result.summary.unknownShare == 1 && result.summary.leader == nil)
        #expect(result.countries.map(\.share) == [0])
        #expect(close(result.countries[0].p, 8.5))
        #expect(CreditTable.institutions(builder.corpus, .fractional).keys.isEmpty)
    }
}

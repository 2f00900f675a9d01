import Testing
import TechTrackerCore
@testable import TechTrackerMeasure

/// METHOD §10 on a corpus small enough to compute by hand.
///
/// One technology, 40 works of 2020 with distinct citation counts, so the top 10% is exactly
/// the four most cited (T = 1 each, T = 0 for the rest):
///
/// | work | citations | credits (fractional) | patent citations (confidence, type, place) |
/// |---|---|---|---|
/// | A | 400 | US 1/2, CN 1/2 | (10, app, body), (10, exm, front), (8, unk, -) |
/// | B | 390 | CN 1 | (2, app, front) |
/// | C | 380 | US 1 | (5, exm, body), (9, app + self, body) |
/// | D | 370 | DE 1/2, CN 1/2 | none |
/// | L | 10 | CN 1 | (10, app, front): not a top work, never counted |
///
/// Share (fractional): CN 2/4, US 1.5/4, DE 0.5/4: CN leads. With the default filter
/// (confidence ≥ 3) A and C are cited: PC US 1.5, CN 0.5, DE 0; Σ T × cited = 2; patent-cited
/// share US 0.75, CN 0.25; patent rate US 1.5/1.5 = 1, CN 0.5/2 = 0.25, DE 0/0.5 = 0; RTI US
/// 0.75/0.375 = 2, CN 0.25/0.5 = 0.5, DE 0. US leads by patent-cited share.
@Suite struct PatentLinkageTests {
    static let window = PublicationWindow(start: 2016, end: 2020)

    static func corpus() -> AnalysisCorpus {
        var builder = CorpusBuilder()
        let a = builder.add(year: 2020, citations: 400, credits: [("US", 0.5), ("CN", 0.5)])
        let b = builder.add(year: 2020, citations: 390, credits: [("CN", 1)])
        let c = builder.add(year: 2020, citations: 380, credits: [("US", 1)])
        builder.add(year: 2020, citations: 370, credits: [("DE", 0.5), ("CN", 0.5)])
        var low = 0
        for i in 0..<36 {
            let w = builder.add(year: 2020, citations: 10 + i, credits: [(i % 2 == 0 ? "CN" : "US", 1)])
            if i == 0 { low = w }
        }
        var corpus = builder.corpus
        func cite(_ work: Int, _ confidence: UInt8, _ attributes: PatentCitationAttributes) {
            corpus.patentWork.append(Int32(work))
            corpus.patentConfidence.append(confidence)
            corpus.patentAttributes.append(attributes.rawValue)
        }
        cite(a, 10, [.applicant, .placeKnown])
        cite(a, 10, [.frontPage, .placeKnown])
        cite(a, 8, [])
        cite(b, 2, [.applicant, .frontPage, .placeKnown])
        cite(c, 5, [.placeKnown])
        cite(c, 9, [.applicant, .selfCitation, .placeKnown])
        cite(low, 10, [.applicant, .frontPage, .placeKnown])
        return corpus
    }

    static func result(
        _ counting: Counting = .fractional, filter: PatentCitationFilter = .init(), cutoff: Int? = 2030,
        groups: [CountryGroup] = [], draws: Int = 0, lowEvidenceTop: Double = 5
    ) -> PatentIndicatorResult {
        var settings = IndicatorSettings(counting: counting, bootstrapDraws: draws, lowEvidenceTop: lowEvidenceTop)
        settings.patentCutoffYear = cutoff
        let prepared = IndicatorCorpus(corpus(), groups: groups, patentFilter: filter)
        let computed = TechnologyIndicators.compute(technology: 0, window: window, corpus: prepared, settings: settings)
        guard let patents = computed.patents else {
            Issue.record("no patent figures")
            return PatentIndicatorResult(
                rows: [],
                summary: PatentSummaryRow(
                    technology: "", windowStart: 0, windowEnd: 0, counting: counting, topWorks: 0,
                    patentCitedTopWorks: 0, leaderByShare: nil, leader: nil, leaderPatentCitedShare: nil,
                    leaderTied: false, leadersDiffer: false, incomplete: false, lowEvidence: false),
                headlineCountries: [], headlineGroups: [])
        }
        return patents
    }

    static func row(_ result: PatentIndicatorResult, _ unit: String) -> PatentLinkageRow? {
        result.rows.first { $0.country == unit }
    }

    @Test func defaultFilterHandComputed() throws {
        let result = Self.result()
        let us = try #require(Self.row(result, "US")), cn = try #require(Self.row(result, "CN"))
        let de = try #require(Self.row(result, "DE"))
        #expect(close(us.pc, 1.5) && close(cn.pc, 0.5) && de.pc == 0)
        #expect(close(us.patentCitedShare, 0.75) && close(cn.patentCitedShare, 0.25) && de.patentCitedShare == 0)
        #expect(close(us.patentRate, 1) && close(cn.patentRate, 0.25) && de.patentRate == 0)
        #expect(close(us.rti, 2) && close(cn.rti, 0.5) && de.rti == 0)
        #expect(result.rows.map(\.country) == ["US", "CN", "DE"])
        #expect(result.rows.map(\.rank) == [1, 2, 3])
        #expect(close(result.summary.topWorks, 4) && close(result.summary.patentCitedTopWorks, 2))
        #expect(result.summary.leaderByShare == "CN" && result.summary.leader == "US")
        #expect(result.summary.leadersDiffer && !result.summary.leaderTied)
        #expect(close(result.summary.leaderPatentCitedShare, 0.75))
    }

    @Test func aPaperCitedByManyPatentsCountsOnce() throws {
        // A has three counting citations, but adds its weight once: PC US = 1/2 (A) + 1 (C).
        let us = try #require(Self.row(Self.result(), "US"))
        #expect(close(us.pc, 1.5))
    }

    @Test func theConfidenceFloorDecides() throws {
        // Confidence ≥ 1 lets B in: PC CN 1.5 = US 1.5, an exact tie, CN first by code.
        let result = Self.result(filter: PatentCitationFilter(minimumConfidence: 1))
        let us = try #require(Self.row(result, "US")), cn = try #require(Self.row(result, "CN"))
        #expect(close(us.patentCitedShare, 0.5) && close(cn.patentCitedShare, 0.5))
        #expect(cn.rank == 1 && us.rank == 2 && result.summary.leader == "CN" && result.summary.leaderTied)
        #expect(!result.summary.leadersDiffer)
        // Confidence ≥ 10: A only (B at 2, C at 5 and 9): US 1/2, CN 1/2 of 1.
        let strict = Self.result(filter: PatentCitationFilter(minimumConfidence: 10))
        #expect(close(Self.row(strict, "US")?.patentCitedShare, 0.5) && strict.summary.leaderTied)
    }

    @Test func applicantSelfAndFrontPageFilters() throws {
        // Applicant only: A (its first citation) and C (its second): as the default.
        let applicant = Self.result(filter: PatentCitationFilter(applicantOnly: true))
        #expect(close(Self.row(applicant, "US")?.pc, 1.5))
        // … without self-citations: C's applicant citation is one; A only.
        let noSelf = Self.result(filter: PatentCitationFilter(applicantOnly: true, excludeSelfCitations: true))
        #expect(close(Self.row(noSelf, "US")?.pc, 0.5) && close(Self.row(noSelf, "CN")?.pc, 0.5))
        #expect(close(noSelf.summary.patentCitedTopWorks, 1))
        // Self-citations out but any type: C stays cited through the examiner's reference.
        let anyType = Self.result(filter: PatentCitationFilter(excludeSelfCitations: true))
        #expect(close(Self.row(anyType, "US")?.pc, 1.5))
        // Front page only: C's references are both in the body; A's examiner reference is on the
        // front page, and its third has no place (kept: older editions list front pages only).
        let front = Self.result(filter: PatentCitationFilter(frontPageOnly: true))
        #expect(close(Self.row(front, "US")?.pc, 0.5) && close(front.summary.patentCitedTopWorks, 1))
    }

    @Test func wholeCounting() throws {
        // Whole: A gives US and CN 1 each, C gives US 1: PC US 2, CN 1, over Σ T × cited = 2.
        // Share (whole): US 2/4, CN 3/4 (A, B, D), DE 1/4.
        let result = Self.result(.whole)
        let us = try #require(Self.row(result, "US")), cn = try #require(Self.row(result, "CN"))
        #expect(close(us.pc, 2) && close(cn.pc, 1))
        #expect(close(us.patentCitedShare, 1) && close(cn.patentCitedShare, 0.5))
        #expect(close(us.patentRate, 1) && close(cn.patentRate, 1.0 / 3))
        #expect(close(us.rti, 2) && close(cn.rti, 0.5 / 0.75))
        #expect(result.summary.leaderByShare == "CN" && result.summary.leader == "US")
    }

    @Test func patentLagFlag() {
        // Window 2016-2020: incomplete when the cut-off is at most 5 years later, or unknown.
        #expect(!Self.result(cutoff: 2026).summary.incomplete)
        #expect(Self.result(cutoff: 2025).summary.incomplete)
        #expect(Self.result(cutoff: 2021).rows.allSatisfy { $0.incomplete })
        #expect(Self.result(cutoff: nil).summary.incomplete)
        #expect(!PatentDataSummary.isIncomplete(windowEnd: 2018, cutoffYear: 2024))
        #expect(PatentDataSummary.isIncomplete(windowEnd: 2019, cutoffYear: 2024))
    }

    @Test func lowEvidenceByPC() throws {
        // The window has 40 works (< 100): everything is low evidence by default.
        #expect(Self.result().rows.allSatisfy { $0.lowEvidence })
        var settings = IndicatorSettings(bootstrapDraws: 0, lowEvidenceWorks: 10, lowEvidenceTop: 1)
        settings.patentCutoffYear = 2030
        let prepared = IndicatorCorpus(Self.corpus(), patentFilter: .init())
        let patents = try #require(
            TechnologyIndicators.compute(technology: 0, window: Self.window, corpus: prepared, settings: settings)
                .patents)
        // PC US 1.5 ≥ 1; CN 0.5 and DE 0 below.
        #expect(Self.row(patents, "US")?.lowEvidence == false)
        #expect(Self.row(patents, "CN")?.lowEvidence == true && Self.row(patents, "DE")?.lowEvidence == true)
        #expect(!patents.summary.lowEvidence)
    }

    @Test func groupsAgainstTheCountries() throws {
        // Group {US, DE}: PC 1.5 + 0 = 1.5 of 2; it ties US (not above it) and is ahead of CN,
        // the best country outside it.
        let result = Self.result(groups: [CountryGroup(name: "G", members: [CountryCode("US")!, CountryCode("DE")!])])
        let group = try #require(result.rows.first { $0.unitType == .group })
        #expect(group.country == "G" && close(group.pc, 1.5) && close(group.patentCitedShare, 0.75))
        #expect(close(group.rti, 0.75 / 0.5))
        let view = try #require(result.headlineGroups.first)
        #expect(view.leadsOutside && view.rankAmongCountries == 1 && close(view.ratioToBestOutside, 3))
        let headline = Headline.compute(result.headlineCountries, groups: result.headlineGroups)
        #expect(headline.first { $0.unit == "US" }?.led.count == 1)
        #expect(headline.first { $0.unit == "CN" }?.led.isEmpty == true)
        #expect(headline.first { $0.unit == "G" }?.led.count == 1)
    }

    @Test func bootstrapIntervalIsDeterministicAndBracketsItsDraws() throws {
        let first = Self.result(draws: 200), second = Self.result(draws: 200)
        #expect(first == second)
        for row in first.rows {
            let low = try #require(row.ciLow), high = try #require(row.ciHigh)
            #expect(0 <= low && low <= high && high <= 1)
        }
        #expect(Self.result().rows.allSatisfy { $0.ciLow == nil && $0.ciHigh == nil })
    }

    @Test func noPatentFilterMeansNoPatentFigures() {
        let prepared = IndicatorCorpus(Self.corpus())
        let result = TechnologyIndicators.compute(technology: 0, window: Self.window, corpus: prepared)
        #expect(result.patents == nil)
    }

    @Test func canonicalOrderCarriesTheCitations() {
        // Reversing the works moves each citation with its work and keeps the figures.
        let corpus = Self.corpus()
        let order = Array((0..<corpus.workCount).reversed())
        let renumbered = corpus.renumbered(
            workOrder: order, countryRank: Array(corpus.countries.indices),
            institutionRank: Array(corpus.institutionIDs.indices), authorRank: Array(corpus.authorIDs.indices))
        #expect(renumbered.patentWork.count == 7)
        #expect(renumbered.patentWork == renumbered.patentWork.sorted())
        #expect(
            PatentLinkage.citedWorks(renumbered, filter: .init()).reversed()
                == PatentLinkage.citedWorks(corpus, filter: .init()))
    }
}

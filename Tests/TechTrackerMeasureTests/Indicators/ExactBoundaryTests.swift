import Testing
import TechTrackerCore
@testable import TechTrackerMeasure

/// METHOD §5 "Exactness and order": every tie and threshold decided on the exact value, with
/// hand-built corpora whose floating-point sums fall on the wrong side of the boundary.
struct ExactBoundaryTests {
    static let window = PublicationWindow(start: 2020, end: 2020)

    static func compute(
        _ builder: CorpusBuilder, counting: Counting = .fractional, groups: [CountryGroup] = [],
        draws: Int = 0
    ) -> TechnologyIndicatorResult {
        TechnologyIndicators.compute(
            technology: 0, window: window, corpus: IndicatorCorpus(builder.corpus, groups: groups),
            settings: IndicatorSettings(counting: counting, bootstrapDraws: draws))
    }

    static func fillers(_ builder: inout CorpusBuilder, _ count: Int) {
        for _ in 0..<count { builder.add(year: 2020, citations: 0, exact: [("DE", .one)]) }
    }

    /// One work with ten CN authors and one with one US author, equally cited: 10 × 1/10 = 1,
    /// so CN and US tie at Share 0.5 (CN first by code, reported as a tie, ratio 1), and the
    /// whole-counting leader is the same.
    @Test func tenTenthsAreOneAndEqualSharesTie() {
        var builder = CorpusBuilder()
        let cn = Authorship(institutions: [Institution(id: "I1", country: CountryCode("CN"))])
        builder.add(year: 2020, citations: 50, authorships: Array(repeating: cn, count: 10))
        builder.add(
            year: 2020, citations: 50,
            authorships: [Authorship(institutions: [Institution(id: "I2", country: CountryCode("US"))])])
        for _ in 0..<18 { builder.add(year: 2020, citations: 0, credits: [("DE", 1)]) }
        let fractional = Self.compute(builder), whole = Self.compute(builder, counting: .whole)
        #expect(fractional.countries.prefix(2).map(\.share) == [0.5, 0.5])
        #expect(fractional.summary.leader == CountryCode("CN") && fractional.summary.runnerUp == CountryCode("US"))
        #expect(fractional.summary.leaderTied && fractional.summary.leadRatio == 1)
        #expect(fractional.countries.prefix(2).allSatisfy(\.tied) && !fractional.countries[2].tied)
        #expect(!CountingSensitivity.leadersDiffer(fractional: fractional.summary, whole: whole.summary))
    }

    /// 18 CN works each credited 1/6 (floating sum 2.999999999999999) against one US work
    /// credited 1: the lead ratio is exactly 3 and, with 9 of the top 10 institutions in CN,
    /// the monopoly risk is high; with 17 works it is 17/6 < 3: medium.
    @Test func aLeadRatioOfExactlyThreeIsHigh() {
        func corpus(cnWorks: Int) -> CorpusBuilder {
            var builder = CorpusBuilder()
            let sixth = Fraction(1, 6)
            for k in 0..<cnWorks {
                builder.add(
                    year: 2020, citations: 100 + k, exact: [("CN", sixth), (nil, Fraction(5, 6))],
                    institutions: [("I-cn-\(k + 10)", "CN", sixth)])
            }
            builder.add(year: 2020, citations: 300, exact: [("US", .one)], institutions: [("I-us", "US", .one)])
            Self.fillers(&builder, 9 * (cnWorks + 1))
            return builder
        }
        let exact = Self.compute(corpus(cnWorks: 18))
        #expect(exact.countries[0].pTop < 3)  // the floating-point sum alone would say "below 3"
        #expect(exact.summary.leader == CountryCode("CN") && exact.summary.leaderInstitutionsInTop10 == 9)
        #expect(exact.summary.tmr == .high)
        // Every institution holds P_top 1/6 or 1, below the low-evidence cut-off of 5.
        #expect(exact.institutions.allSatisfy { $0.lowEvidence })
        #expect(Self.compute(corpus(cnWorks: 17)).summary.tmr == .medium)
    }

    /// 6 CN works credited 1/3 (floating sum 1.9999999999999998) against one US work: a lead
    /// ratio of exactly 2 with 6 of 7 top institutions in CN is medium.
    @Test func aLeadRatioOfExactlyTwoIsMedium() {
        var builder = CorpusBuilder()
        for k in 0..<6 {
            builder.add(
                year: 2020, citations: 100 + k, exact: [("CN", Fraction(1, 3)), (nil, Fraction(2, 3))],
                institutions: [("I-cn-\(k)", "CN", Fraction(1, 3))])
        }
        builder.add(year: 2020, citations: 300, exact: [("US", .one)], institutions: [("I-us", "US", .one)])
        Self.fillers(&builder, 63)
        let result = Self.compute(builder)
        #expect(result.countries[0].pTop < 2)
        #expect(result.summary.tmr == .medium)
    }

    /// 15 CN works credited 1/3 give P_top = 5 exactly (floating sum 4.999999999999999): not
    /// low evidence; 14 give 14/3: low evidence.
    @Test func pTopOfExactlyFiveIsNotLowEvidence() {
        func result(works: Int) -> TechnologyIndicatorResult {
            var builder = CorpusBuilder()
            for k in 0..<works {
                builder.add(year: 2020, citations: 100 + k, exact: [("CN", Fraction(1, 3)), (nil, Fraction(2, 3))])
            }
            Self.fillers(&builder, 135)
            builder.add(year: 2020, citations: 90, exact: [("US", .one)])  // keeps 150 works either way
            if works == 14 { builder.add(year: 2020, citations: 0, exact: [("DE", .one)]) }
            return Self.compute(builder)
        }
        func cn(works: Int) -> CountryRow? { result(works: works).countries.first { $0.country == CountryCode("CN") } }
        #expect(cn(works: 15)?.lowEvidence == false)
        #expect(cn(works: 14)?.lowEvidence == true)
        // The technology's summary is low evidence exactly when its leader's figure is (150 works).
        #expect(result(works: 15).summary.lowEvidence == false)
        #expect(result(works: 14).summary.lowEvidence == true && result(works: 14).summary.leader == CountryCode("CN"))
    }

    /// Six works give institution I-a 6 × 1/6 (floating sum 0.9999999999999999) and one work
    /// gives I-b 1: an exact tie, ordered by institution id, so I-a is first.
    @Test func topInstitutionTiesAreExactAndOrderedById() {
        var builder = CorpusBuilder()
        for k in 0..<6 {
            builder.add(
                year: 2020, citations: 100 + k, exact: [("CN", .one)],
                institutions: [("I-a", "CN", Fraction(1, 6)), ("I-c\(k)", "CN", Fraction(5, 6))])
        }
        builder.add(year: 2020, citations: 300, exact: [("US", .one)], institutions: [("I-b", "US", .one)])
        Self.fillers(&builder, 63)
        let institutions = Self.compute(builder).institutions
        #expect(institutions.prefix(2).map(\.institutionID) == ["I-a", "I-b"])
    }

    /// A work with a German and a French author counts once for the EU under whole counting
    /// (1, not 2) and 1/2 + 1/2 = 1 under fractional counting; the EU then ties with the US (the
    /// best country outside it), so it does not "lead", and it would rank first among countries.
    @Test func aGroupCountsAWorkOnceAndIsComparedExactly() {
        var builder = CorpusBuilder()
        builder.add(year: 2020, citations: 100, exact: [("DE", Fraction(1, 2)), ("FR", Fraction(1, 2))])
        builder.add(year: 2020, citations: 90, exact: [("US", .one)])
        for _ in 0..<18 { builder.add(year: 2020, citations: 0, exact: [("CN", .one)]) }
        let eu = CountryGroup(name: "EU27", members: ["DE", "FR", "IT"].compactMap { CountryCode($0) })
        for counting in [Counting.fractional, .whole] {
            let result = Self.compute(builder, counting: counting, groups: [eu])
            let group = result.groups.first
            #expect(group?.pTop == 1 && group?.share == 0.5)
            #expect(group?.ratioToBestOutside == 1 && group?.leadsOutside == false)
            #expect(group?.rankAmongCountries == 1)
            #expect(result.summary.euUnitLeader == "EU27" && result.summary.euUnitLeadRatio == 1)
        }
        #expect(
            Self.compute(builder, counting: .whole, groups: [eu]).countries.first { $0.country == CountryCode("DE") }?
                .pTop == 1)
    }

    /// A group with no member on any top work has no row; a group ahead of every non-member leads.
    @Test func aGroupAheadOfEveryNonMemberLeads() {
        var builder = CorpusBuilder()
        builder.add(year: 2020, citations: 100, exact: [("DE", .one)])
        builder.add(year: 2020, citations: 95, exact: [("FR", .one)])
        builder.add(year: 2020, citations: 90, exact: [("US", Fraction(1, 2)), ("CN", Fraction(1, 2))])
        for _ in 0..<27 { builder.add(year: 2020, citations: 0, exact: [("JP", .one)]) }
        let groups = [
            CountryGroup(name: "EU27", members: ["DE", "FR"].compactMap { CountryCode($0) }),
            CountryGroup(name: "Quad", members: ["AU", "IN", "JP", "US"].compactMap { CountryCode($0) }),
        ]
        let result = Self.compute(builder, groups: groups)
        let eu = result.groups.first { $0.name == "EU27" }
        #expect(eu?.leadsOutside == true && eu?.ratioToBestOutside == 4 && eu?.rank == 1)  // 2/3 over CN's 1/6
        // 1/6: after DE and FR; CN is equal, not above
        #expect(result.groups.first { $0.name == "Quad" }?.rankAmongCountries == 3)
        #expect(result.summary.euUnitLeader == "EU27" && result.summary.euUnitLeadRatio == 4)
    }

    /// METHOD §9: a technology whose only top work has no known country has no leader, and a
    /// country with Share 0 is never first.
    @Test func noKnownCountryOnTheTopWorkMeansNoLeader() {
        var builder = CorpusBuilder()
        builder.add(year: 2020, citations: 100, exact: [(nil, .one)])
        Self.fillers(&builder, 9)
        let result = Self.compute(builder)
        #expect(result.summary.leader == nil && result.summary.leadRatio == nil && result.summary.tmr == .low)
        #expect(result.countries.map(\.share) == [0])
        #expect(Headline.compute(result.countries).isEmpty)
    }

    /// `--merge-regions CN`: Hong Kong's credit is China's.
    @Test func mergedRegionsCountAsTheirCountry() {
        var builder = CorpusBuilder()
        builder.add(year: 2020, citations: 100, exact: [("HK", .one)])
        builder.add(year: 2020, citations: 90, exact: [("CN", Fraction(1, 2)), ("US", Fraction(1, 2))])
        for _ in 0..<18 { builder.add(year: 2020, citations: 0, exact: [("JP", .one)]) }
        let merged = IndicatorCorpus(builder.corpus, mergedRegions: RegionMerge.mapping(for: ["CN"]))
        let result = TechnologyIndicators.compute(
            technology: 0, window: Self.window, corpus: merged,
            settings: IndicatorSettings(bootstrapDraws: 0))
        #expect(result.countries.map(\.country.description) == ["CN", "US", "JP"])
        #expect(result.countries[0].pTop == 1.5)
    }
}

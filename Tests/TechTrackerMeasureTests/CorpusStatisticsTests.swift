import Testing
import TechTrackerCore
@testable import TechTrackerMeasure

struct CorpusStatisticsTests {
    let us = CountryCode("US")!
    let cn = CountryCode("CN")!

    @Test func countsByYearTypeSourceAndCountry() {
        var accumulator = CorpusStatisticsAccumulator()
        // Work 1: US + CN (half each). Work 2: US only. Work 3: no country.
        accumulator.add(
            year: 2020, type: "article", source: .openalex, isRetracted: false,
            authorships: [
                Authorship(institutions: [Institution(id: "I1", country: us)]),
                Authorship(institutions: [Institution(id: "I2", country: cn)]),
            ])
        accumulator.add(
            year: 2020, type: "review", source: .openalex, isRetracted: true,
            authorships: [
                Authorship(institutions: [Institution(id: "I1", country: us)])
            ])
        accumulator.add(year: nil, type: "article", source: .synthetic, isRetracted: false, authorships: [Authorship()])
        let stats = accumulator.result()
        #expect(stats.works == 3)
        #expect(stats.worksByYear == [2020: 2, nil: 1])
        #expect(stats.worksByType == ["article": 2, "review": 1])
        #expect(stats.worksBySource == [.openalex: 2, .synthetic: 1])
        #expect(stats.retracted == 1)
        #expect(stats.countries.map(\.country) == [us, cn])
        #expect(stats.countries[0].fractional == 1.5 && stats.countries[0].whole == 2)
        #expect(stats.countries[1].fractional == 0.5 && stats.countries[1].whole == 1)
        #expect(stats.unknownFractional == 1)
        #expect(stats.worksWithoutCountry == 1)
        #expect(abs(stats.shareWithoutCountry - 1.0 / 3) < 1e-12)
        #expect(stats.includesSyntheticData)
        // Fractional credits plus unknown sum to the number of works (METHOD §3).
        #expect(abs(stats.countries.reduce(0) { $0 + $1.fractional } + stats.unknownFractional - 3) < 1e-12)
        #expect(stats.institutions.map(\.id) == ["I1", "I2"])
        #expect(stats.institutions[0].fractional == 1.5)
    }

    @Test func tiesAreOrderedByCodeSoOutputIsStable() {
        var accumulator = CorpusStatisticsAccumulator()
        for code in ["DE", "AT", "FR"] {
            accumulator.add(
                year: 2020, type: "article", source: .openalex, isRetracted: false,
                authorships: [Authorship(countries: [CountryCode(code)!])])
        }
        #expect(accumulator.result().countries.map(\.country.description) == ["AT", "DE", "FR"])
    }
}

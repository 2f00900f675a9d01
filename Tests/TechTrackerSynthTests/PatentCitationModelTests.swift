import Testing
@testable import TechTrackerSynth

/// The propensities of the synthetic patent citations, as pure functions.
@Suite struct PatentCitationModelTests {
    let model = PatentCitationModel()

    func technology(_ id: String) throws -> Int {
        try #require(TechnologyCatalog.all.firstIndex { $0.id == id }, "\(id) is in the catalog")
    }

    func country(_ code: String) throws -> Int { try #require(CountryProfiles.index(of: code)) }

    @Test func everyTableNamesACatalogTechnologyOrAWorldCountry() {
        let ids = Set(TechnologyCatalog.all.map(\.id))
        for id in PatentCitationModel.technologyFactorByID.keys { #expect(ids.contains(id), "\(id)") }
        for id in PatentCitationModel.industrialTechnologyIDs { #expect(ids.contains(id), "\(id)") }
        #expect(Set(PatentCitationModel.categoryFactors.keys) == Set(TechnologyCatalog.categories))
        let codes = Set(CountryProfiles.all.map(\.code))
        for code in PatentCitationModel.countryFactorByCode.keys { #expect(codes.contains(code), "\(code)") }
        for code in PatentCitationModel.industrialBoostByCode.keys { #expect(codes.contains(code), "\(code)") }
    }

    @Test func appliedTechnologiesAreCitedMoreThanTheoreticalOrMilitaryOnes() throws {
        let median = model.technologyFactors.sorted()[model.technologyFactors.count / 2]
        for id in [
            "advanced-integrated-circuit-design-and-fabrication", "wide-and-ultrawide-bandgap-semiconductors",
            "electric-batteries", "vaccines-and-medical-countermeasures", "genetic-engineering",
        ] {
            #expect(model.technologyFactor(try technology(id)) > 1.5 * median, "\(id)")
        }
        for id in [
            "quantum-computing", "post-quantum-cryptography", "electronic-warfare", "hypersonic-detection-and-tracking",
            "advanced-explosives-and-energetic-materials",
        ] {
            #expect(model.technologyFactor(try technology(id)) < 0.6 * median, "\(id)")
        }
        #expect(model.technologyFactor(nil) == PatentCitationModel.otherTechnologyFactor)
    }

    @Test func industrialCountriesLeadAndChinaTrailsAboveAllInAppliedFields() throws {
        let chips = try technology("advanced-integrated-circuit-design-and-fabrication")
        let radar = try technology("radar")
        let china = try country("CN")
        for code in ["US", "JP", "DE", "KR", "TW"] {
            let industrial = model.countryFactor(country: try country(code), technology: chips)
            let elsewhere = model.countryFactor(country: try country(code), technology: radar)
            #expect(industrial > elsewhere, "\(code)")
            #expect(elsewhere > 2 * model.countryFactor(country: china, technology: radar), "\(code)")
            #expect(industrial > 4 * model.countryFactor(country: china, technology: chips), "\(code)")
        }
        #expect(
            model.countryFactor(country: china, technology: chips)
                == model.countryFactor(country: china, technology: radar))
        #expect(model.countryFactor(country: nil, technology: chips) == PatentCitationModel.unknownCountryFactor)
    }

    @Test func theCountryTermIsTheCreditWeightedMean() throws {
        let us = try country("US"), cn = try country("CN")
        let mixed = model.countryTerm(technology: nil) { body in
            body(us, 0.25)
            body(cn, 0.75)
        }
        let expected =
            0.25 * model.countryFactor(country: us, technology: nil) + 0.75
            * model.countryFactor(country: cn, technology: nil)
        #expect(abs(mixed - expected) < 1e-12)
        #expect(model.countryTerm(technology: nil) { _ in } == PatentCitationModel.unknownCountryFactor)
    }

    @Test func theCitationTermIsALogisticInLogCitationsAgainstTheYearsMean() {
        let values = [0, 1, 5, 20, 50, 200, 1000, 100_000].map {
            PatentCitationModel.citationFactor(citations: $0, yearMean: 20)
        }
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 < $1 })
        #expect(abs(PatentCitationModel.citationFactor(citations: 50, yearMean: 20) - 0.5) < 1e-9)
        #expect(values.first ?? 1 < 0.01 && values.last ?? 0 > 0.99)
        #expect(
            PatentCitationModel.citationFactor(citations: -5, yearMean: 20)
                == PatentCitationModel.citationFactor(citations: 0, yearMean: 20))
        // The same count means less in a year whose papers are cited more.
        #expect(
            PatentCitationModel.citationFactor(citations: 50, yearMean: 40)
                < PatentCitationModel.citationFactor(citations: 50, yearMean: 10))
    }

    @Test func theTypeTermFavoursResearchPapers() {
        #expect(
            PatentCitationModel.kindFactor(.review, retracted: false)
                > PatentCitationModel.kindFactor(.article, retracted: false))
        #expect(PatentCitationModel.kindFactor(.article, retracted: true) == 0.5)
        #expect(PatentCitationModel.kindFactor(.paratext, retracted: false) == 0)
        #expect(PatentCitationModel.kindFactor(.preprint, retracted: false) < 1)
    }

    @Test func theLagHasAMedianOfSixYearsAndFewCitationsComeEarly() {
        let cdf = (-1...40).map(PatentCitationModel.lagProbability(atMost:))
        #expect(zip(cdf, cdf.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(PatentCitationModel.lagProbability(atMost: -1) == 0)
        #expect(PatentCitationModel.lagProbability(atMost: 5) < 0.5)
        #expect(PatentCitationModel.lagProbability(atMost: 6) > 0.5)
        #expect(PatentCitationModel.lagProbability(atMost: 1) < 0.02)
        #expect(PatentCitationModel.lagProbability(atMost: 2) < 0.1)
        #expect(PatentCitationModel.lagProbability(atMost: 40) > 0.999)
    }

    @Test func recentPapersAreRarelyCitedByTheCutOff() {
        let lambda = 1.0
        let byYear = (2000...2024).map {
            PatentCitationModel.probabilityCitedByCutoff(expectedPatents: lambda, year: $0, cutoffYear: 2024)
        }
        #expect(zip(byYear, byYear.dropFirst()).allSatisfy { $0 >= $1 })
        #expect(byYear.last == 0 || (byYear.last ?? 1) < 0.01)
        #expect(
            PatentCitationModel.probabilityCitedByCutoff(expectedPatents: lambda, year: 2025, cutoffYear: 2024) == 0)
        #expect(abs((byYear.first ?? 0) - PatentCitationModel.eventualProbability(expectedPatents: lambda)) < 0.01)
    }

    @Test func expectedPatentsMultiplyTheTerms() {
        let lambda = PatentCitationModel.expectedPatents(
            citations: 50, yearMean: 20, technologyFactor: 2, countryTerm: 1.5, kind: .article, retracted: false)
        #expect(abs(lambda - PatentCitationModel.base * 2 * 1.5 * 0.5) < 1e-12)
        #expect(
            PatentCitationModel.expectedPatents(
                citations: 500, yearMean: 20, technologyFactor: 2, countryTerm: 1.5, kind: .article, retracted: false)
                > lambda)
    }

    @Test func thePatentTechnologyIsTheMostCitedOfAWorksTechnologies() throws {
        let radar = try technology("radar"), batteries = try technology("electric-batteries")
        #expect(model.patentTechnology(of: [radar, batteries]) == batteries)
        #expect(model.patentTechnology(of: [batteries, radar]) == batteries)
        #expect(model.patentTechnology(of: [Int]()) == nil)
    }
}

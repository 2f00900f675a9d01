import Testing
import TechTrackerCore
import TechTrackerTaxonomy
@testable import TechTrackerSynth

/// The shared list of 74 technologies and the words the corpus writes about them.
@Suite struct CatalogAndVocabularyTests {
    @Test func catalogHasTheSeventyFourTechnologiesInEightCategories() {
        let all = TechnologyCatalog.all
        #expect(all.count == 74)
        #expect(Set(all.map(\.id)).count == 74)
        #expect(Set(all.map(\.category)) == Set(TechnologyCatalog.categories))
        #expect(TechnologyCatalog.categories.count == 8)
        let counts = TechnologyCatalog.categories.map { category in all.filter { $0.category == category }.count }
        #expect(counts == [10, 13, 8, 9, 11, 10, 4, 9])
        for technology in all { #expect(technology.id == TechnologyCatalog.slug(of: technology.name)) }
        for id in [
            "quantum-computing", "advanced-radiofrequency-communication", "ai-algorithms-and-hardware-accelerators",
            "vaccines-and-medical-countermeasures", "natural-language-processing", "atomic-clocks",
            "genetic-engineering", "advanced-aircraft-engines", "drones-swarming-and-collaborative-robots",
        ] {
            #expect(TechnologyCatalog.technology(id: id) != nil, "\(id)")
        }
        #expect(all.first?.id == "advanced-optical-communication")
        #expect(all.last?.id == "sonar-and-acoustic-sensors")
    }

    @Test func everyTechnologyHasItsOwnVocabulary() {
        let vocabularies = TechnologyVocabularies.all
        #expect(vocabularies.map(\.technologyID) == TechnologyCatalog.all.map(\.id))
        var owners: [String: Int] = [:]
        for vocabulary in vocabularies {
            #expect(
                (15...30).contains(vocabulary.terms.count),
                "\(vocabulary.technologyID): \(vocabulary.terms.count) terms")
            #expect(Set(vocabulary.terms.map { $0.lowercased() }).count == vocabulary.terms.count)
            #expect((1...2).contains(vocabulary.topics.count))
            for term in Set(vocabulary.terms.map { $0.lowercased() }) { owners[term, default: 0] += 1 }
        }
        // Distinct technologies, mostly distinct words.
        let shared = owners.values.filter { $0 > 1 }.count
        #expect(Double(shared) / Double(owners.count) < 0.03, "\(shared) shared terms")
    }

    @Test func calibrationCoversTheCatalog() {
        #expect(TechnologyCalibrations.all.map(\.technologyID) == TechnologyCatalog.all.map(\.id))
        #expect(TechnologyCalibrations.retainedByUnitedStates.count == 8)
        #expect(
            TechnologyCalibrations.retainedByUnitedStates.allSatisfy { TechnologyCatalog.technology(id: $0) != nil })
        #expect(CountryProfiles.all.count == 60)
        #expect(Set(CountryProfiles.all.map(\.code)).count == 60)
    }

    @Test func fillerSubjectsDoNotUseTechnologyTerms() {
        let technologyTerms = Set(TechnologyVocabularies.all.flatMap(\.terms).map { $0.lowercased() })
        for filler in FillerTopics.all {
            for term in filler.terms {
                #expect(!technologyTerms.contains(term.lowercased()), "\(filler.name): \(term)")
            }
        }
    }

    @Test func worldHasAboutFifteenHundredInstitutions() {
        let institutions = InstitutionDirectory.build()
        #expect((1_400...1_600).contains(institutions.count))
        #expect(Set(institutions.map(\.name)).count == institutions.count)
        #expect(Set(institutions.map(\.openAlexNumber)).count == institutions.count)
        #expect(Set(institutions.map(\.ror)).count == institutions.count)
        #expect(Set(institutions.map(\.country)).count == 60)
        #expect(
            Set(institutions.map(\.type)) == [
                "education", "government", "company", "facility", "healthcare", "nonprofit",
            ])
    }

    @Test func shippedTaxonomyHasTheCatalogIdsAndCategories() throws {
        // The synthetic corpus is calibrated on the catalog and classified with the shipped
        // taxonomy: the two must name the same technologies in the same order.
        let taxonomy = try Taxonomy.load(path: nil)
        #expect(taxonomy.technologies.map(\.id) == TechnologyCatalog.all.map(\.id))
        #expect(taxonomy.technologies.map(\.category) == TechnologyCatalog.all.map(\.category))
    }
}

/// Everything about the synthetic world that does not depend on the corpus seed: countries,
/// institutions, journals, funders, vocabularies. Built once per generator.
struct SyntheticWorld: Sendable {
    let countries: [CountryProfile]
    let institutions: [SyntheticInstitution]
    /// Institutions of each country (indices into `institutions`), with a sampler by size.
    let institutionsByCountry: [[Int]]
    let institutionSamplers: [CumulativeSampler]
    let vocabularies: [TechnologyVocabulary]
    let fillers: [FillerTopic]
    /// Technology indices per catalog category (for references to neighbouring fields).
    let technologiesInCategory: [[Int]]
    /// Category index of each technology.
    let categoryOfTechnology: [Int]

    init() {
        countries = CountryProfiles.all
        let institutions = InstitutionDirectory.build()
        self.institutions = institutions
        var byCountry = [[Int]](repeating: [], count: countries.count)
        for (index, institution) in institutions.enumerated() { byCountry[institution.country].append(index) }
        institutionsByCountry = byCountry
        institutionSamplers = byCountry.map { members in
            CumulativeSampler(weights: members.map { institutions[$0].weight })
        }
        vocabularies = TechnologyVocabularies.all
        fillers = FillerTopics.all
        let catalog = TechnologyCatalogReference.technologies
        let categories = TechnologyCatalogReference.categories
        categoryOfTechnology = catalog.map { technology in categories.firstIndex(of: technology.category) ?? 0 }
        var inCategory = [[Int]](repeating: [], count: categories.count)
        for (index, category) in categoryOfTechnology.enumerated() { inCategory[category].append(index) }
        technologiesInCategory = inCategory
    }

    /// An institution of `country`, drawn by size.
    @inline(__always)
    func drawInstitution(country: Int, _ rng: inout SplitMix64) -> Int {
        let members = institutionsByCountry[country]
        return members[institutionSamplers[country].sample(&rng)]
    }
}

import TechTrackerCore

/// The catalog as the synthetic world sees it (one place to change if the catalog moves).
enum TechnologyCatalogReference {
    static let technologies = TechnologyCatalog.all
    static let categories = TechnologyCatalog.categories
}

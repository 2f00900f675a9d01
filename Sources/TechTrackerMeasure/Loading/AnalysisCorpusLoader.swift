import TechTrackerCore
import TechTrackerStore

/// Loads the store once into `AnalysisCorpus` columns: every later figure is computed in
/// memory from these, never with a SQL query per indicator.
public enum AnalysisCorpusLoader {
    /// Reads works, credits (METHOD §3), in-corpus references, authorships with author ids,
    /// and the memberships of the last classification (technologies in taxonomy order).
    public static func load(from store: WorkStore) throws -> AnalysisCorpus {
        var corpus = AnalysisCorpus()
        let ids = try store.sourceIDs()
        var indexOfRow: [Int64: Int] = [:]
        var indexOfSource: [String: Int] = [:]
        indexOfRow.reserveCapacity(ids.count)
        indexOfSource.reserveCapacity(ids.count)
        for (index, entry) in ids.enumerated() {
            indexOfRow[entry.rowID] = index
            indexOfSource[entry.sourceID] = index
        }
        var countryIndex: [CountryCode: Int] = [:]
        var institutionIndex: [String: Int] = [:]
        var authorIndex: [String: Int] = [:]
        func country(_ code: CountryCode?) -> Int {
            guard let code else { return -1 }
            if let index = countryIndex[code] { return index }
            countryIndex[code] = corpus.countries.count
            corpus.countries.append(code)
            return corpus.countries.count - 1
        }

        try store.forEachAnalysisRow { row in
            corpus.year.append(row.publicationYear)
            corpus.citations.append(row.citedByCount)
            corpus.type.append(row.type)
            corpus.isRetracted.append(row.isRetracted)
            for credit in WorkCredit.fractionalCountryCredits(row.authorships) {
                corpus.creditCountry.append(country(credit.country))
                corpus.creditValue.append(credit.credit)
            }
            corpus.creditOffsets.append(corpus.creditCountry.count)
            for credit in WorkCredit.fractionalInstitutionCredits(row.authorships) {
                let index: Int
                if let known = institutionIndex[credit.institutionID] {
                    index = known
                } else {
                    index = corpus.institutionIDs.count
                    institutionIndex[credit.institutionID] = index
                    corpus.institutionIDs.append(credit.institutionID)
                    let institutionCountry = row.authorships.lazy.flatMap(\.institutions)
                        .first { $0.id == credit.institutionID }?.country
                    corpus.institutionCountry.append(country(institutionCountry))
                }
                corpus.institutionIndex.append(index)
                corpus.institutionValue.append(credit.credit)
            }
            corpus.institutionOffsets.append(corpus.institutionIndex.count)
            for reference in row.referencedWorks {
                if let cited = indexOfSource[reference] { corpus.referencedWork.append(cited) }
            }
            corpus.referenceOffsets.append(corpus.referencedWork.count)
            for authorship in row.authorships {
                guard let id = authorship.authorID else { continue }
                let index: Int
                if let known = authorIndex[id] {
                    index = known
                } else {
                    index = corpus.authorIDs.count
                    authorIndex[id] = index
                    corpus.authorIDs.append(id)
                }
                let place = authorship.institutions.first { $0.country != nil }?.country ?? authorship.countries.first
                corpus.authorIndex.append(index)
                corpus.authorCountry.append(country(place))
            }
            corpus.authorOffsets.append(corpus.authorIndex.count)
        }
        corpus.workCount = corpus.year.count

        corpus.technologyIDs = try store.storedTechnologies().map(\.id)
        let position = Dictionary(uniqueKeysWithValues: corpus.technologyIDs.enumerated().map { ($1, $0) })
        corpus.memberships = Array(repeating: [], count: corpus.technologyIDs.count)
        for membership in try store.memberships() {
            guard let technology = position[membership.technology], let work = indexOfRow[membership.rowID] else { continue }
            corpus.memberships[technology].append(work)
        }
        for index in corpus.memberships.indices { corpus.memberships[index].sort() }
        return corpus
    }
}

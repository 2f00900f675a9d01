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
        var works = IdentifierIndex(prefix: "W")
        indexOfRow.reserveCapacity(ids.count)
        for (index, entry) in ids.enumerated() {
            indexOfRow[entry.rowID] = index
            works.insert(entry.sourceID, index)
        }
        var countryIndex: [CountryCode: Int] = [:]
        var institutionIndex = IdentifierIndex(prefix: "I")
        var authorIndex = IdentifierIndex(prefix: "A")
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
                if let known = institutionIndex.index(of: credit.institutionID) {
                    index = known
                } else {
                    index = corpus.institutionIDs.count
                    institutionIndex.insert(credit.institutionID, index)
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
                if let cited = works.index(of: reference) { corpus.referencedWork.append(cited) }
            }
            corpus.referenceOffsets.append(corpus.referencedWork.count)
            for authorship in row.authorships {
                guard let id = authorship.authorID else { continue }
                let index: Int
                if let known = authorIndex.index(of: id) {
                    index = known
                } else {
                    index = corpus.authorIDs.count
                    authorIndex.insert(id, index)
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

/// Indices by source id (works, authors or institutions). Tens of millions of ids are resolved
/// per load, so OpenAlex ids (one prefix letter and digits, `W2741809807`) are keyed by their
/// number, an integer hash being several times cheaper than a string's; any other id form
/// falls back to a string key.
struct IdentifierIndex {
    private let prefix: UInt8
    private var byNumber: [UInt64: Int] = [:]
    private var byText: [String: Int] = [:]

    init(prefix: Unicode.Scalar) {
        self.prefix = UInt8(ascii: prefix)
    }

    mutating func insert(_ id: String, _ index: Int) {
        if let number = number(id) { byNumber[number] = index } else { byText[id] = index }
    }

    func index(of id: String) -> Int? {
        if let number = number(id) { return byNumber[number] }
        return byText[id]
    }

    /// The number of an OpenAlex id with this prefix (`W2741809807` → 2741809807), or `nil`.
    func number(_ id: String) -> UInt64? {
        var utf8 = id.utf8.makeIterator()
        guard utf8.next() == prefix else { return nil }
        var value: UInt64 = 0
        var digits = 0
        while let byte = utf8.next() {
            guard byte >= 0x30 && byte <= 0x39, digits < 19 else { return nil }
            value = value * 10 + UInt64(byte - 0x30)
            digits += 1
        }
        return digits > 0 ? value : nil
    }
}

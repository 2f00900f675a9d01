public import TechTrackerCore
import TechTrackerMeasure
public import TechTrackerStore

/// Loads the store once into `AnalysisCorpus` columns: every later figure is computed in
/// memory from these, never with a SQL query per indicator.
///
/// The columns come out in the canonical order of `CanonicalOrder` (works by source id,
/// countries by code, institutions and authors by id), whatever the order of the store's
/// rows, which is the order the records happened to be ingested in.
public enum AnalysisCorpusLoader {
    /// Reads works, exact credits (METHOD §3), in-corpus references, authorships with author
    /// ids, and the memberships of the last classification (technologies in taxonomy order).
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
        // Indexed by the packed code: a lookup per credit without hashing.
        var countryIndex = [Int32](repeating: -1, count: 1 << 16)
        var institutionIndex = IdentifierIndex(prefix: "I")
        var authorIndex = IdentifierIndex(prefix: "A")
        // (institution, country) once per work that names the institution with that country:
        // the votes of `InstitutionCountry`.
        var institutionVotes: [UInt64] = []
        func country(_ code: CountryCode?) -> Int {
            guard let code else { return -1 }
            let known = countryIndex[Int(code.rawValue)]
            if known >= 0 { return Int(known) }
            countryIndex[Int(code.rawValue)] = Int32(corpus.countries.count)
            corpus.countries.append(code)
            return corpus.countries.count - 1
        }
        func institution(_ id: String) -> Int {
            if let known = institutionIndex.index(of: id) { return known }
            let index = corpus.institutionIDs.count
            institutionIndex.insert(id, index)
            corpus.institutionIDs.append(id)
            return index
        }

        try store.forEachAnalysisRow { row in
            corpus.year.append(row.publicationYear)
            corpus.citations.append(row.citedByCount)
            corpus.type.append(row.type)
            corpus.isRetracted.append(row.isRetracted)
            for credit in WorkCredit.fractionalCountryCredits(row.authorships) {
                corpus.creditCountry.append(country(credit.country))
                corpus.creditValue.append(credit.credit)
                corpus.creditFraction.append(credit.fraction)
            }
            corpus.creditOffsets.append(corpus.creditCountry.count)
            let credits = WorkCredit.fractionalInstitutionCredits(row.authorships)
            let creditStart = corpus.institutionIndex.count
            for credit in credits {
                corpus.institutionIndex.append(institution(credit.institutionID))
                corpus.institutionValue.append(credit.credit)
                corpus.institutionFraction.append(credit.fraction)
            }
            corpus.institutionOffsets.append(corpus.institutionIndex.count)
            let voteStart = institutionVotes.count
            for named in row.authorships.lazy.flatMap(\.institutions) where !named.id.isEmpty {
                // The work's few institutions were just resolved: find this one among them.
                guard let code = named.country, let k = credits.firstIndex(where: { $0.institutionID == named.id })
                else { continue }
                institutionVotes.append(
                    InstitutionCountry.vote(
                        institution: corpus.institutionIndex[creditStart + k], country: country(code)))
            }
            InstitutionCountry.deduplicate(&institutionVotes, from: voteStart)
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
        corpus.institutionCountry = InstitutionCountry.majority(
            votes: institutionVotes,
            institutions: corpus.institutionIDs.count,
            codes: corpus.countries)

        corpus.technologyIDs = try store.storedTechnologies().map(\.id)
        let position = Dictionary(uniqueKeysWithValues: corpus.technologyIDs.enumerated().map { ($1, $0) })
        corpus.memberships = Array(repeating: [], count: corpus.technologyIDs.count)
        for membership in try store.memberships() {
            guard let technology = position[membership.technology], let work = indexOfRow[membership.rowID] else {
                continue
            }
            corpus.memberships[technology].append(work)
        }
        let countryOrder = corpus.countries.indices.sorted { corpus.countries[$0] < corpus.countries[$1] }
        return corpus.renumbered(
            workOrder: CanonicalOrder.order(of: ids.map(\.sourceID), prefix: "W"),
            countryRank: CanonicalOrder.ranks(of: countryOrder),
            institutionRank: CanonicalOrder.ranks(of: CanonicalOrder.order(of: corpus.institutionIDs, prefix: "I")),
            authorRank: CanonicalOrder.ranks(of: CanonicalOrder.order(of: corpus.authorIDs, prefix: "A")))
    }
}

/// The country of an institution (METHOD §5, top institutions): the country given for it by the
/// most works, ties to the smaller country code. A work that gives it no country does not vote,
/// so a record without a country never hides one with it, and the answer does not depend on
/// which record came first.
enum InstitutionCountry {
    /// One vote, packed: institution in the high bits, country in the low 20.
    static func vote(institution: Int, country: Int) -> UInt64 {
        UInt64(institution) << 20 | UInt64(country)
    }

    /// Keeps one vote per (institution, country) among the votes of one work.
    static func deduplicate(_ votes: inout [UInt64], from start: Int) {
        guard votes.count - start > 1 else { return }
        votes[start...].sort()
        var kept = start + 1
        for i in (start + 1)..<votes.count where votes[i] != votes[kept - 1] {
            votes[kept] = votes[i]
            kept += 1
        }
        votes.removeSubrange(kept...)
    }

    /// The country index of each institution (`-1` when no work gives one).
    static func majority(votes: [UInt64], institutions: Int, codes: [CountryCode]) -> [Int] {
        var result = [Int](repeating: -1, count: institutions)
        var best = [Int](repeating: 0, count: institutions)
        // Sorted, equal votes are adjacent: one pass counts them.
        let sorted = votes.sorted()
        var i = 0
        while i < sorted.count {
            var j = i + 1
            while j < sorted.count && sorted[j] == sorted[i] { j += 1 }
            let institution = Int(sorted[i] >> 20), country = Int(sorted[i] & 0xFFFFF), count = j - i
            let current = result[institution]
            if count > best[institution]
                || (count == best[institution] && current >= 0 && codes[country] < codes[current])
            {
                best[institution] = count
                result[institution] = country
            }
            i = j
        }
        return result
    }
}

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
    /// Where a load found its columns.
    public enum Source: Sendable, Equatable {
        /// The store's analysis snapshot, read in one pass.
        case snapshot
        /// Every stored work, decoded; `snapshotSaved` says whether the columns were then kept
        /// as the store's snapshot for the next load.
        case works(snapshotSaved: Bool)
    }

    /// The analysis columns of the store: its snapshot when it holds one of its current
    /// generation (`WorkStore.analysisSnapshot`), else every work decoded (`decode`), then kept
    /// as the snapshot when `saveSnapshot` and the store is writable and has not changed
    /// meanwhile. Both give the same corpus: the snapshot is the decoded columns, written as
    /// they are.
    public static func load(from store: WorkStore, saveSnapshot: Bool = true) throws -> AnalysisCorpus {
        try loadReportingSource(from: store, saveSnapshot: saveSnapshot).corpus
    }

    /// `load`, also saying where the columns came from (for the benchmark and the tests).
    public static func loadReportingSource(
        from store: WorkStore, saveSnapshot: Bool = true
    ) throws -> (corpus: AnalysisCorpus, source: Source) {
        let generation = try store.generation()
        do {
            if let corpus = try store.analysisCorpusFromSnapshot(generation: generation) {
                return (corpus, .snapshot)
            }
        } catch let error as AnalysisSnapshotError {
            // A damaged snapshot is never used: the works are decoded, and the snapshot made again.
            store.messages("warning: \(error); the works are read again")
        }
        // Decoding reads the work table once in row order: without SQLite's map, whose pages
        // would stay in resident memory (`WorkStore.withoutMemoryMap`).
        let corpus = try store.withoutMemoryMap { try decode(from: store) }
        guard saveSnapshot, store.mode == .readWrite else { return (corpus, .works(snapshotSaved: false)) }
        do {
            // Written part by part as the columns are turned into bytes: the whole snapshot is
            // never held beside the corpus.
            let saved = try store.saveAnalysisSnapshot(generation: generation) { storePart in
                try corpus.writeSnapshot(partSize: WorkStore.snapshotPartSize, to: storePart)
            }
            return (corpus, .works(snapshotSaved: saved))
        } catch is AnalysisSnapshotError {
            // A column too large for the snapshot's widths: analysed all the same, not kept.
            return (corpus, .works(snapshotSaved: false))
        }
    }

    /// Reads works, exact credits (METHOD §3), in-corpus references, authorships with author
    /// ids, and the memberships of the last classification (technologies in taxonomy order),
    /// decoding every stored work.
    public static func decode(from store: WorkStore) throws -> AnalysisCorpus {
        var corpus = AnalysisCorpus()
        // Web of Science and Scopus records cite by DOI: their references are linked to the
        // stored paper with that DOI. A store without them needs no DOIs (and reads none).
        let citesByDOI = try store.storedSources().contains { $0 == .wos || $0 == .scopus }
        let identities = try store.workIdentities(includingDOIs: citesByDOI)
        // The papers, each once: a record that is another source's duplicate is not one, but its
        // id (and DOI) resolve to the paper it duplicates.
        let papers = identities.filter { $0.duplicateOf == nil }
        var indexOfRow: [Int64: Int] = [:]
        var works = IdentifierIndex(prefix: "W")
        var worksByDOI: [String: Int] = [:]
        indexOfRow.reserveCapacity(papers.count)
        // One entry per paper: sized once (growing by doubling leaves up to half unused).
        corpus.year.reserveCapacity(papers.count)
        corpus.citations.reserveCapacity(papers.count)
        corpus.type.reserveCapacity(papers.count)
        corpus.isRetracted.reserveCapacity(papers.count)
        for offsets in [\AnalysisCorpus.creditOffsets, \.institutionOffsets, \.referenceOffsets, \.authorOffsets] {
            corpus[keyPath: offsets].reserveCapacity(papers.count + 1)
        }
        for (index, entry) in papers.enumerated() {
            indexOfRow[entry.rowID] = index
            works.insert(entry.sourceID, index)
            if let doi = entry.doi { worksByDOI[doi] = min(worksByDOI[doi] ?? index, index) }
        }
        for entry in identities {
            guard let paper = entry.duplicateOf.flatMap({ indexOfRow[$0] }) else { continue }
            works.insert(entry.sourceID, paper)
            if let doi = entry.doi, worksByDOI[doi] == nil { worksByDOI[doi] = paper }
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

        func add(_ row: AnalysisRow) {
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
            let citing = corpus.year.count - 1
            let linkStart = corpus.referencedWork.count
            for number in row.referencedWorkNumbers {
                if let cited = works.index(ofNumber: number), cited != citing {
                    corpus.referencedWork.append(Int32(cited))
                }
            }
            for reference in row.referencedWorks {
                let cited = ExportReference.doi(reference).map { worksByDOI[$0] } ?? works.index(of: reference)
                // A paper read from two sources may cite itself through the other's id.
                if let cited, cited != citing { corpus.referencedWork.append(Int32(cited)) }
            }
            if citesByDOI { Self.dropRepeatedLinks(&corpus.referencedWork, from: linkStart) }
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
                corpus.authorIndex.append(Int32(index))
                corpus.authorCountry.append(Int32(country(place)))
            }
            corpus.authorOffsets.append(corpus.authorIndex.count)
        }
        try RowReader.forEachBatch(of: store) { rows in
            for row in rows { add(row) }
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
        // METHOD §10: patent citations go to the paper of the record they cite (a record that
        // is another source's duplicate stands for that paper).
        let patentCitations = try store.patentCitationsForAnalysis()
        if !patentCitations.isEmpty {
            var paperOfRow = indexOfRow
            for entry in identities {
                if let duplicateOf = entry.duplicateOf, let paper = indexOfRow[duplicateOf] {
                    paperOfRow[entry.rowID] = paper
                }
            }
            corpus.patentWork.reserveCapacity(patentCitations.count)
            corpus.patentConfidence.reserveCapacity(patentCitations.count)
            corpus.patentAttributes.reserveCapacity(patentCitations.count)
            for citation in patentCitations {
                guard let paper = paperOfRow[citation.workRowID] else { continue }
                corpus.patentWork.append(Int32(paper))
                corpus.patentConfidence.append(citation.confidence)
                corpus.patentAttributes.append(citation.attributes.rawValue)
            }
        }
        guard corpus.year.count == papers.count else {
            throw AnalysisLoadError.storeChangedDuringLoad(papers: papers.count, rows: corpus.year.count)
        }
        let countryOrder = corpus.countries.indices.sorted { corpus.countries[$0] < corpus.countries[$1] }
        let workOrder = CanonicalOrder.order(of: papers.map(\.sourceID), prefix: "W")
        let institutionRank = CanonicalOrder.ranks(of: CanonicalOrder.order(of: corpus.institutionIDs, prefix: "I"))
        let authorRank = CanonicalOrder.ranks(of: CanonicalOrder.order(of: corpus.authorIDs, prefix: "A"))
        // Moved out of the variable the reading functions share, and handed over (`consume`):
        // renumbering releases each old column as it copies it.
        var finished = AnalysisCorpus()
        swap(&finished, &corpus)
        return (consume finished).renumbered(
            workOrder: workOrder, countryRank: CanonicalOrder.ranks(of: countryOrder),
            institutionRank: institutionRank, authorRank: authorRank)
    }
}

extension AnalysisCorpusLoader {
    /// Keeps the first of repeated links in `links[start...]` (a record that cites one paper by
    /// DOI twice, or by its id and its DOI), in their order.
    static func dropRepeatedLinks(_ links: inout [Int32], from start: Int) {
        guard links.count - start > 1 else { return }
        var seen = Set<Int32>()
        var kept = start
        for i in start..<links.count where seen.insert(links[i]).inserted {
            links[kept] = links[i]
            kept += 1
        }
        links.removeSubrange(kept...)
    }
}

/// The store changed between the two reads of one load (an ingest ran meanwhile).
public enum AnalysisLoadError: Error, CustomStringConvertible {
    /// The ids listed `papers` works, the rows read `rows`.
    case storeChangedDuringLoad(papers: Int, rows: Int)

    public var description: String {
        switch self {
        case .storeChangedDuringLoad(let papers, let rows):
            "the store changed while it was read (\(papers) works listed, \(rows) read); run the analysis again"
        }
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

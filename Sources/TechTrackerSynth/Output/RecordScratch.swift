/// Per-thread reusable memory for serialising records (one per part writer), so the hot
/// loop allocates nothing.
struct RecordScratch {
    /// Abstract tokens: word id × decorations + decoration.
    var tokens: [UInt32] = []
    /// Inverted-index slot of each token key (-1: not seen in this abstract).
    var slotOfKey: [Int32]
    var distinctKeys: [UInt32] = []
    var firstPosition: [Int32] = []
    var lastPosition: [Int32] = []
    var nextPosition: [Int32] = []
    /// Terms used in the title and abstract, as (owner, term index) packed: owner << 16 | term.
    var usedTerms: [UInt32] = []
    /// The terms listed as keywords (and concepts), same packing.
    var keywordTerms: [UInt32] = []
    var referenceNumbers: [UInt64] = []
    var yearCounts: [Int] = []
    var seenCountries: [Int] = []
    var seenInstitutions: [UInt16] = []
    var correspondingAuthors: [UInt32] = []
    var correspondingInstitutions: [UInt16] = []
    /// Where this record's primary location JSON sits in the sink (copied into `locations`).
    var primaryLocationStart = 0
    var primaryLocationLength = 0

    init(wordCount: Int) {
        slotOfKey = [Int32](repeating: -1, count: wordCount * PhraseTables.decorationCount)
    }

    mutating func beginWork() {
        tokens.removeAll(keepingCapacity: true)
        usedTerms.removeAll(keepingCapacity: true)
        correspondingAuthors.removeAll(keepingCapacity: true)
        correspondingInstitutions.removeAll(keepingCapacity: true)
    }

    /// Records that a term was written; returns false if it was already used.
    @discardableResult
    mutating func noteTerm(owner: Int, term: Int) -> Bool {
        let key = UInt32(owner) << 16 | UInt32(term)
        if usedTerms.contains(key) { return false }
        usedTerms.append(key)
        return true
    }
}

/// What the primary location says about open access (and so `open_access`, `apc_*`, …).
struct AccessInfo {
    var isOpenAccess = false
    var isGold = false
    var status: StaticString = "closed"
    var hasRepositoryCopy = false
    var apcUSD = 0
    /// Repository copies (indices into `WorldTables.repositories`), -1 for none.
    var repositories: (Int, Int) = (-1, -1)
    var primaryIsOpenAccess = false
}

/// The subjects of one work, resolved once per record.
struct WorkContext {
    /// Catalog indices of the work's technologies (empty for filler works).
    let technologies: [Int]
    /// Term owners: technology index, or `fillerOwnerBase + filler` for filler works.
    let primaryOwner: Int
    let otherOwners: [Int]
    /// OpenAlex field of the first topic (journals, departments, concepts).
    let field: Int
    let secondField: Int?
    let leadCountry: Int
    /// SDG of the work's subject.
    let goal: Int
    /// Whether MeSH headings apply (biomedical subjects).
    let isMedical: Bool

    static let fillerOwnerBase = 1_000

    init(corpus: SyntheticCorpus, work: Int, tables: WorldTables) {
        technologies = corpus.technologyIndices(ofWork: work)
        leadCountry = Int(corpus.leadCountries[work])
        if let first = technologies.first {
            primaryOwner = first
            otherOwners = Array(technologies.dropFirst())
            field = tables.technologyTopics[first].first?.field ?? 22
            secondField = technologies.count > 1 ? tables.technologyTopics[technologies[1]].first?.field : nil
            let category = corpus.world.categoryOfTechnology[first]
            goal = MedicalHeadings.goalOfCategory[min(category, MedicalHeadings.goalOfCategory.count - 1)]
            isMedical = category == 3
        } else {
            let filler = Int(corpus.fillerTopics[work])
            primaryOwner = Self.fillerOwnerBase + filler
            otherOwners = []
            field = tables.fillerTopics[filler].first?.field ?? 33
            secondField = nil
            goal = MedicalHeadings.goalOfFiller[min(filler, MedicalHeadings.goalOfFiller.count - 1)]
            isMedical = MedicalHeadings.medicalFillers.contains(filler)
        }
    }
}

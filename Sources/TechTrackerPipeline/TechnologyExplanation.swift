public import TechTrackerClassify
public import TechTrackerStore

/// What `techtracker explain TECH` shows: the stored query and how it behaves on the store
/// (works by year, the terms that matched most often, overlap with other technologies, and a
/// seeded sample of titles for a precision spot-check).
public struct TechnologyExplanation: Sendable {
    /// Overlap with another technology.
    public struct Overlap: Sendable {
        /// The other technology.
        public var technology: String
        /// Works in both.
        public var shared: Int
        /// |A ∩ B| / |A ∪ B|.
        public var jaccard: Double
    }

    /// The technology as stored by the last classification.
    public var technology: StoredTechnology
    /// Works in the technology.
    public var works = 0
    /// Works per publication year.
    public var worksByYear: [Int: Int] = [:]
    /// The query's terms (leaves) by how many of the examined works they matched.
    public var termCounts: [(term: String, works: Int)] = []
    /// Works examined for `termCounts` (all members, or a seeded sample of large technologies).
    public var termSampleSize = 0
    /// Technologies sharing works, largest Jaccard first.
    public var overlaps: [Overlap] = []
    /// Sampled works (titles shortened, `SampleWork`) with the query parts that matched their titles.
    public var samples: [(text: SampleWork, explanation: QueryExplanation)] = []

    /// Builds the explanation of `technologyID` from the store's last classification.
    public static func build(
        technologyID: String, store: WorkStore, sampleSize: Int = SeededSample.defaultSize,
        seed: UInt64 = SeededSample.defaultSeed,
        termSampleLimit: Int = 2000
    ) throws -> TechnologyExplanation? {
        guard let technology = try store.storedTechnologies().first(where: { $0.id == technologyID }) else {
            return nil
        }
        let query = try QueryParser.parse(technology.query)
        let matcher = CompiledMatcher(queries: [(id: technology.id, query: query)])
        var result = TechnologyExplanation(technology: technology)
        let members = try store.memberWorkIDs(of: technologyID)
        result.works = members.count
        result.worksByYear = try store.memberCountsByYear(of: technologyID)
        // Only the examined works' texts are loaded: all members' texts of a large technology
        // would hold the whole of it in memory.
        let examined = SeededSample.pick(termSampleLimit, from: members, seed: seed)
        var counts: [String: Int] = [:]
        for text in try store.workTexts(rowIDs: examined) {
            let explanation = matcher.explainQuery(0, in: classifiable(text))
            for leaf in Set(explanation.trueLeaves.map(\.text)) { counts[leaf, default: 0] += 1 }
        }
        result.termSampleSize = examined.count
        result.termCounts = counts.map { (term: $0.key, works: $0.value) }.sorted {
            ($0.works, $1.term) > ($1.works, $0.term)
        }
        let sizes = try store.membershipCounts()
        result.overlaps = try store.sharedWorkCounts(with: technologyID).map { other, shared in
            let union = members.count + (sizes[other] ?? 0) - shared
            return Overlap(technology: other, shared: shared, jaccard: union > 0 ? Double(shared) / Double(union) : 0)
        }.sorted { ($0.jaccard, $1.technology) > ($1.jaccard, $0.technology) }
        let sampled = SeededSample.pick(sampleSize, from: members, seed: seed)
        result.samples = try SampleWork.fetch(rowIDs: sampled, from: store).map { ($0, $0.explain(with: matcher)) }
        return result
    }

    private static func classifiable(_ text: StoredWorkText) -> ClassifiableText {
        ClassifiableText(title: text.title, abstract: text.abstract, keywords: text.keywords)
    }
}

import Foundation
public import TechTrackerClassify
public import TechTrackerCore
public import TechTrackerStore

/// An ad-hoc search of the store with one query (`techtracker query`): which works match,
/// by year, and a seeded sample of them with the matched words found.
public struct QuerySearch {
    /// What a search found.
    public struct Result: Sendable {
        /// Works searched (in the year range).
        public var searched = 0
        /// Matching works: row ids in store order.
        public var matches: [Int64] = []
        /// Matching works per publication year.
        public var matchesByYear: [Int: Int] = [:]
        /// Fractional output of the matching works per country (METHOD §3), `nil` = unknown.
        public var countryCredits: [CountryCode?: Double] = [:]
        /// Sampled matching works (titles shortened, `SampleWork`) with the parts of the query
        /// that matched their titles.
        public var samples: [(text: SampleWork, explanation: QueryExplanation)] = []
        /// Works matched from the word ids `classify` keeps rather than from their text.
        public var worksFromTokenCache = 0
    }

    /// The query.
    public let query: Query
    /// Only works published in these years (all when `nil`).
    public var years: ClosedRange<Int>?
    /// How many matching works to sample.
    public var sampleSize = SeededSample.defaultSize
    /// Seed of the sample.
    public var seed = SeededSample.defaultSeed
    /// Whether to match the word ids `classify` keeps where they are current.
    public var usesTokenCache = true

    /// Prepares a search.
    public init(query: Query) {
        self.query = query
    }

    /// Runs the search over every stored work: on the word ids `classify` keeps (its token
    /// cache) where they are current, on the text otherwise. Nothing is written, so a
    /// read-only store works, and the matches are the same either way.
    public func run(on store: WorkStore) throws -> Result {
        try store.withoutMemoryMap { try search(store) }
    }

    private func search(_ store: WorkStore) throws -> Result {
        let matcher = CompiledMatcher(queries: [(id: "query", query: query)])
        var result = Result()
        var matching = try ClassifyBatchMatcher(
            matcher: matcher, store: store, cache: usesTokenCache ? .read : .off,
            threads: ProcessInfo.processInfo.activeProcessorCount)
        let search = { (batch: [ClassificationSource]) throws in
            let inRange =
                years.map { range in batch.filter { $0.publicationYear.map(range.contains) ?? false } } ?? batch
            result.searched += inRange.count
            let matches = try matching.match(inRange)
            for (work, matched) in zip(inRange, matches) where !matched.isEmpty {
                result.matches.append(work.rowID)
                if let year = work.publicationYear { result.matchesByYear[year, default: 0] += 1 }
            }
        }
        if matching.readsCache {
            try store.forEachClassificationSource(search)
        } else {
            try store.forEachWorkText { try search($0.map(ClassificationSource.init(text:))) }
        }
        result.worksFromTokenCache = matching.worksFromCache
        for summary in try store.workSummaries(rowIDs: result.matches) {
            for credit in WorkCredit.fractionalCountryCredits(summary.authorships) {
                result.countryCredits[credit.country, default: 0] += credit.credit
            }
        }
        let sampled = SeededSample.pick(sampleSize, from: result.matches, seed: seed)
        result.samples = try SampleWork.fetch(rowIDs: sampled, from: store).map { ($0, $0.explain(with: matcher)) }
        return result
    }
}

/// A reproducible sample without replacement (SplitMix64-driven partial Fisher-Yates), kept
/// in the input's order so that the same seed always lists the same works the same way.
public enum SeededSample {
    /// How many titles `query` and `explain` sample unless told otherwise (`--samples`).
    public static let defaultSize = 10
    /// The seed of their samples unless told otherwise (`--seed`).
    public static let defaultSeed: UInt64 = 1

    /// Up to `count` elements of `items`, chosen by `seed`.
    public static func pick<T: Comparable>(_ count: Int, from items: [T], seed: UInt64) -> [T] {
        // A negative count would trap in `prefix`: it asks for nothing.
        guard count > 0 else { return [] }
        guard items.count > count else { return items }
        var pool = items
        var random = SplitMix64(seed: seed)
        for index in 0..<count {
            let chosen = index + Int(random.next() % UInt64(pool.count - index))
            pool.swapAt(index, chosen)
        }
        return pool.prefix(count).sorted()
    }
}

/// A sampled work as `query` and `explain` print it: its title read only up to
/// `titleCharacters` (a stored title can be hundreds of megabytes; printing one made `query`
/// write 220 MB and use 2 GB), its year, and no abstract or keywords, which the sample lines
/// never show.
public struct SampleWork: Sendable {
    /// Characters of a title read from the store: well beyond what is printed
    /// (`MatchMarking.titleLimit`), so that the matched words shown are found as in the full title.
    public static let titleCharacters = 2000

    /// The work's row id.
    public var rowID: Int64
    /// The title's first `titleCharacters` characters.
    public var title: String
    /// Publication year.
    public var publicationYear: Int?

    /// The query leaves that match the (shortened) title, to mark its words: a leaf's spans in
    /// the title do not depend on the abstract or keywords (NEAR and phrases stay within a field).
    public func explain(with matcher: CompiledMatcher, query: Int = 0) -> QueryExplanation {
        matcher.explainQuery(query, in: ClassifiableText(title: title))
    }

    /// The works `rowIDs` in the order given (missing ids skipped), titles cut by the store's
    /// read (`WorkStore.workTitles`) so that no more than `titleCharacters` of a title is ever loaded.
    public static func fetch(rowIDs: [Int64], from store: WorkStore) throws -> [SampleWork] {
        try store.workTitles(rowIDs: rowIDs, characters: titleCharacters).map { stored in
            SampleWork(rowID: stored.rowID, title: stored.title, publicationYear: stored.publicationYear)
        }
    }
}

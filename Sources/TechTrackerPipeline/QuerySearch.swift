import Foundation
import TechTrackerClassify
import TechTrackerCore
import TechTrackerStore

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
        /// Sampled matching works with the parts of the query that matched them.
        public var samples: [(text: StoredWorkText, explanation: QueryExplanation)] = []
    }

    /// The query.
    public let query: Query
    /// Only works published in these years (all when `nil`).
    public var years: ClosedRange<Int>?
    /// How many matching works to sample.
    public var sampleSize = 10
    /// Seed of the sample.
    public var seed: UInt64 = 1

    /// Prepares a search.
    public init(query: Query) {
        self.query = query
    }

    /// Runs the search over every stored work.
    public func run(on store: WorkStore) throws -> Result {
        let matcher = CompiledMatcher(queries: [(id: "query", query: query)])
        var result = Result()
        try store.forEachWorkText { batch in
            let inRange = years.map { range in batch.filter { $0.publicationYear.map(range.contains) ?? false } } ?? batch
            result.searched += inRange.count
            let matches = ClassifyRun.match(inRange, with: matcher, threads: ProcessInfo.processInfo.activeProcessorCount)
            for (work, matched) in zip(inRange, matches) where !matched.isEmpty {
                result.matches.append(work.rowID)
                if let year = work.publicationYear { result.matchesByYear[year, default: 0] += 1 }
            }
        }
        for summary in try store.workSummaries(rowIDs: result.matches) {
            for credit in WorkCredit.fractionalCountryCredits(summary.authorships) {
                result.countryCredits[credit.country, default: 0] += credit.credit
            }
        }
        let sampled = SeededSample.pick(sampleSize, from: result.matches, seed: seed)
        result.samples = try store.workTexts(rowIDs: sampled).map { text in
            (text, matcher.explainQuery(0, in: ClassifiableText(title: text.title, abstract: text.abstract, keywords: text.keywords)))
        }
        return result
    }
}

/// A reproducible sample without replacement (SplitMix64-driven partial Fisher-Yates), kept
/// in the input's order so that the same seed always lists the same works the same way.
public enum SeededSample {
    /// Up to `count` elements of `items`, chosen by `seed`.
    public static func pick<T: Comparable>(_ count: Int, from items: [T], seed: UInt64) -> [T] {
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

import Foundation
import Synchronization
import TechTrackerClassify
public import TechTrackerStore
public import TechTrackerTaxonomy

/// Applies every query of a taxonomy to every stored work and replaces the stored
/// memberships (METHOD §6). Works are read in batches; each batch is matched on all cores
/// with one compiled matcher (every query evaluated together from one pass over the text).
///
/// With the token cache (the default), a work's text is cut into word ids once and the ids
/// are kept in the store (`work_tokens`): a later run, after any query edit, matches the ids
/// by array reads and reads no text, unless the work was stored again since. The memberships
/// are the same either way.
public struct ClassifyRun {
    /// Per technology, what the run found.
    public struct TechnologyCount: Sendable {
        /// The technology.
        public var id: String
        /// Its display name.
        public var name: String
        /// Works matched.
        public var works: Int
        /// Works matched per publication year.
        public var worksByYear: [Int: Int]
    }

    /// What a run did.
    public struct Summary: Sendable {
        /// Works searched.
        public var works = 0
        /// Per technology, in taxonomy order.
        public var technologies: [TechnologyCount] = []
        /// Works in no technology.
        public var worksInNone = 0
        /// The first and last publication years of the works searched (plausible years only, as
        /// the store reads them), so that the report needs no second pass over the works.
        public var yearRange: ClosedRange<Int>?
        /// Works matched from their cached word ids (no text read).
        public var worksFromTokenCache = 0
        /// Works whose text was cut into word ids by this run (and cached, if the cache is on).
        public var worksTokenized = 0
        /// Whether the token cache was used.
        public var tokenCacheUsed = false
        /// Wall-clock seconds of the matching (reading and matching, not writing memberships).
        public var matchSeconds = 0.0
        /// Wall-clock seconds in all.
        public var seconds = 0.0
        /// Threads used for matching.
        public var threads = 1
    }

    /// The taxonomy applied.
    public let taxonomy: Taxonomy
    /// Matching threads.
    public var threads = ProcessInfo.processInfo.activeProcessorCount
    /// Whether to read and keep works' word ids in the store's token cache.
    public var usesTokenCache = true

    /// Prepares a run.
    public init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
    }

    /// Classifies every work of `store` and replaces its memberships.
    public func run(on store: WorkStore, progress: ((Int) -> Void)? = nil) throws -> Summary {
        try store.withoutMemoryMap { try classify(store, progress: progress) }
    }

    private func classify(_ store: WorkStore, progress: ((Int) -> Void)?) throws -> Summary {
        let started = Date()
        let technologyCount = taxonomy.technologies.count
        var memberships = [[Int64]](repeating: [], count: technologyCount)
        var byYear = [[Int: Int]](repeating: [:], count: technologyCount)
        var summary = Summary()
        summary.threads = max(1, threads)
        summary.tokenCacheUsed = usesTokenCache
        var matching = try ClassifyBatchMatcher(
            matcher: taxonomy.makeMatcher(), store: store, cache: usesTokenCache ? .readAndKeep : .off,
            threads: summary.threads)
        // A reader thread fills batches while the previous batch is matched on every core.
        let queue = BoundedQueue<SourceBatchMessage>(capacity: 2)
        let readsCache = matching.readsCache
        Thread.detachNewThread {
            do {
                if readsCache {
                    try store.forEachClassificationSource { queue.push(.batch($0)) }
                } else {
                    try store.forEachWorkText { queue.push(.batch($0.map(ClassificationSource.init(text:)))) }
                }
                queue.push(.finished(nil))
            } catch {
                queue.push(.finished(error))
            }
        }
        reading: while true {
            switch queue.pop() {
            case .finished(let error):
                if let error { throw error }
                break reading
            case .batch(let batch):
                let matches = try matching.match(batch)
                for (work, technologies) in zip(batch, matches) {
                    if let year = work.publicationYear {
                        summary.yearRange =
                            summary.yearRange.map { min($0.lowerBound, year)...max($0.upperBound, year) }
                            ?? year...year
                    }
                    if technologies.isEmpty { summary.worksInNone += 1 }
                    for technology in technologies {
                        memberships[technology].append(work.rowID)
                        if let year = work.publicationYear { byYear[technology][year, default: 0] += 1 }
                    }
                }
                summary.works += batch.count
                progress?(summary.works)
            }
        }
        summary.worksFromTokenCache = matching.worksFromCache
        summary.worksTokenized = matching.worksTokenized
        summary.matchSeconds = Date().timeIntervalSince(started)
        let definitions = taxonomy.technologies
        try store.replaceClassification(
            technologies: definitions.map {
                StoredTechnology(id: $0.id, name: $0.name, category: $0.category, scope: $0.scope, query: $0.queryText)
            },
            memberships: memberships, taxonomyHash: taxonomy.contentHash, taxonomySource: taxonomy.source,
            startedAt: started, works: summary.works)
        summary.technologies = definitions.indices.map {
            TechnologyCount(
                id: definitions[$0].id, name: definitions[$0].name, works: memberships[$0].count,
                worksByYear: byYear[$0])
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// Matching technologies (indices) of each work, computed on `threads` threads, each
    /// with its own scratch space, over contiguous slices.
    static func match(_ batch: [StoredWorkText], with matcher: CompiledMatcher, threads: Int) -> [[Int]] {
        let results = Mutex([[Int]](repeating: [], count: batch.count))
        // More threads than works would give slices starting past the end (a trapping range);
        // fewer than one would divide by zero.
        let threads = max(1, min(threads, batch.count))
        let slice = (batch.count + threads - 1) / threads
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            let range = min(batch.count, thread * slice)..<min(batch.count, (thread + 1) * slice)
            guard !range.isEmpty else { return }
            var scratch = matcher.makeScratch()
            var local: [[Int]] = []
            local.reserveCapacity(range.count)
            for index in range {
                let work = batch[index]
                let text = ClassifiableText(title: work.title, abstract: work.abstract, keywords: work.keywords)
                local.append(matcher.matchingQueries(in: text, scratch: &scratch))
            }
            results.withLock { all in
                for (offset, matches) in local.enumerated() { all[range.lowerBound + offset] = matches }
            }
        }
        return results.withLock { $0 }
    }
}

/// A batch of works from the reader thread, or its end (with the error that ended it).
enum SourceBatchMessage: Sendable {
    case batch([ClassificationSource])
    case finished((any Error)?)
}

import TechTrackerClassify
import TechTrackerStore

/// How a run uses the store's token cache.
enum TokenCacheUse {
    /// Every text is read; the cache is neither read nor written.
    case off
    /// Cached ids are matched; other works are matched on their text and nothing is kept (a
    /// read-only store: `query`).
    case read
    /// Cached ids are matched; other works are cut into ids, matched, and their ids kept
    /// (`classify`).
    case readAndKeep
}

/// Matches one batch of a run at a time, by the token cache when it is used: works with
/// current cached ids are matched from them; the others are read as text and, when the cache
/// is kept, tokenised, matched, and their ids saved (with the vocabulary's new words) in one
/// transaction per batch.
struct ClassifyBatchMatcher {
    private let matcher: CompiledMatcher
    private let store: WorkStore
    private let threads: Int
    /// Whether texts are cut into ids and kept.
    private let keepsTokens: Bool
    /// The cache's matcher; nil when the cache is not read.
    private var tokens: TokenMatcher?
    /// How many vocabulary words the store holds (the next save starts there).
    private var savedWords = 0
    /// False once a save was refused (another process wrote to the cache): the run goes on
    /// matching but keeps nothing more.
    private var cacheWritable = true
    /// Works matched from cached ids.
    private(set) var worksFromCache = 0
    /// Works tokenised by this run.
    private(set) var worksTokenized = 0

    /// Whether the batches should come from `WorkStore.forEachClassificationSource` (cached
    /// ids where current) rather than from the texts alone.
    var readsCache: Bool { tokens != nil }

    /// Prepares the matching and loads the cache's vocabulary. Kept: a vocabulary that cannot
    /// be used is cleared, with a warning, and rebuilt. Only read: it is left as it is and
    /// every text is read.
    init(matcher: CompiledMatcher, store: WorkStore, cache: TokenCacheUse, threads: Int) throws {
        self.matcher = matcher
        self.store = store
        self.threads = threads
        keepsTokens = cache == .readAndKeep
        switch cache {
        case .off:
            return
        case .read:
            tokens = try store.usableTokenCacheWords().flatMap { TokenMatcher(matcher: matcher, words: $0) }
        case .readAndKeep:
            let words = try store.tokenCacheWords()
            if let loaded = TokenMatcher(matcher: matcher, words: words) {
                tokens = loaded
                savedWords = words.count
            } else {
                store.messages(
                    "warning: \(store.path): the token cache's vocabulary repeats a word; the cache is cleared and rebuilt"
                )
                try store.clearTokenCache()
                tokens = TokenMatcher(matcher: matcher)
            }
        }
    }

    /// The technologies (indices, ascending) of each work of `batch`, in its order.
    mutating func match(_ batch: [ClassificationSource]) throws -> [[Int]] {
        guard var tokens else {
            let texts = batch.compactMap(\.text)
            return ClassifyRun.match(texts, with: matcher, threads: threads)
        }
        defer { self.tokens = tokens }
        var results = [[Int]](repeating: [], count: batch.count)
        // Works with cached ids; a form that cannot be read is tokenised again from its text.
        let cached = batch.indices.filter { batch[$0].cachedTokens != nil }
        let fromCache = tokens.match(stored: cached.map { batch[$0].cachedTokens ?? [] }, threads: threads)
        var toTokenize: [(index: Int, text: StoredWorkText, hash: Int64?)] = []
        for (index, matched) in zip(cached, fromCache) {
            if let matched {
                results[index] = matched
                worksFromCache += 1
            } else if let reread = try store.classificationSourceAsText(rowID: batch[index].rowID),
                let text = reread.text
            {
                toTokenize.append((index, text, reread.contentHash))
            }
        }
        for (index, work) in batch.enumerated() {
            if let text = work.text { toTokenize.append((index, text, work.contentHash)) }
        }
        guard !toTokenize.isEmpty else { return results }
        // Reading order decides the new words' ids: keep the batch's order.
        toTokenize.sort { $0.index < $1.index }
        guard keepsTokens else {
            let matched = ClassifyRun.match(toTokenize.map(\.text), with: matcher, threads: threads)
            for (work, queries) in zip(toTokenize, matched) { results[work.index] = queries }
            return results
        }
        let made = tokens.tokenizeAndMatch(
            toTokenize.map {
                ClassifiableText(title: $0.text.title, abstract: $0.text.abstract, keywords: $0.text.keywords)
            },
            threads: threads)
        var keep: [CachedTokens] = []
        keep.reserveCapacity(made.count)
        for (work, result) in zip(toTokenize, made) {
            results[work.index] = result.queries
            // A row stored before content hashes has nothing to tell a stale cache entry by.
            if let hash = work.hash {
                keep.append(CachedTokens(rowID: batch[work.index].rowID, contentHash: hash, tokens: result.tokens))
            }
        }
        worksTokenized += made.count
        if cacheWritable {
            if try store.saveTokenCache(firstWordID: savedWords, words: tokens.words(from: savedWords), tokens: keep) {
                savedWords = tokens.wordCount
            } else {
                cacheWritable = false
                store.messages(
                    "warning: \(store.path): another process wrote to the token cache; this run keeps no more tokens")
            }
        }
        return results
    }
}

import Dispatch
import Synchronization

/// Classification on word ids (the re-classification path): a vocabulary that grows as
/// texts are tokenised, and a matcher bound to it. A work is tokenised once; its stored ids
/// (``TokenizedDocument/serializedBytes()``) are matched again after any query edit by array
/// reads, without reading or cutting its text. Both paths give exactly what
/// ``CompiledMatcher/matchingQueries(in:scratch:)`` gives on the text.
///
/// Batches are tokenised and matched on several threads; the ids given to new words are those
/// one thread reading the texts in order would give (``SliceTokenizer``), so a store's cache
/// is the same whatever the thread count.
public struct TokenMatcher: Sendable {
    /// The queries.
    public let matcher: CompiledMatcher
    private var vocabulary: Vocabulary
    private var bound: BoundMatcher

    /// A matcher over the vocabulary `words` (ids are positions). Nil if a word repeats or is
    /// empty, which a vocabulary saved from this type never holds.
    public init?(matcher: CompiledMatcher, words: [String] = []) {
        guard !words.contains(""), let vocabulary = Vocabulary(words: words) else { return nil }
        self.matcher = matcher
        self.vocabulary = vocabulary
        bound = BoundMatcher(matcher: matcher, vocabulary: vocabulary)
    }

    /// How many words have ids.
    public var wordCount: Int { vocabulary.count }

    /// The words with ids from `first` on (the ones to save after a cache's last save).
    public func words(from first: Int) -> [String] {
        Array(vocabulary.words[min(max(0, first), vocabulary.count)...])
    }

    /// Tokenises `texts` on `threads` threads, adds their new words, and matches them: per
    /// text, its stored form and the indices (ascending) of the queries it matches.
    public mutating func tokenizeAndMatch(
        _ texts: [ClassifiableText], threads: Int
    ) -> [(tokens: [UInt8], queries: [Int])] {
        let slices = Self.slices(of: texts.count, threads: threads)
        let frozen = vocabulary
        let tokenized = Mutex([(SliceTokenizer, [TokenizedDocument])?](repeating: nil, count: slices.count))
        DispatchQueue.concurrentPerform(iterations: slices.count) { slice in
            var tokenizer = SliceTokenizer(vocabulary: frozen)
            let documents = slices[slice].map { tokenizer.tokenize(texts[$0]) }
            tokenized.withLock { $0[slice] = (tokenizer, documents) }
        }
        let parts = tokenized.withLock { $0 }.compactMap { $0 }
        let finalIDs = vocabulary.absorb(parts.map(\.0))
        bound.bind(newWordsOf: vocabulary)
        let bound = self.bound
        let results = Mutex([[(tokens: [UInt8], queries: [Int])]](repeating: [], count: parts.count))
        DispatchQueue.concurrentPerform(iterations: parts.count) { slice in
            let (tokenizer, documents) = parts[slice]
            var scratch = bound.makeScratch()
            let matched = documents.map { provisional in
                let document = tokenizer.finalize(provisional, using: finalIDs[slice])
                return (
                    tokens: document.serializedBytes(), queries: bound.matchingQueries(in: document, scratch: &scratch)
                )
            }
            results.withLock { $0[slice] = matched }
        }
        return results.withLock { $0 }.flatMap { $0 }
    }

    /// Matches stored forms on `threads` threads: per form, the indices (ascending) of the
    /// queries it matches, or nil when the form cannot be read with this vocabulary (the text
    /// must then be tokenised again).
    public func match(stored forms: [[UInt8]], threads: Int) -> [[Int]?] {
        let slices = Self.slices(of: forms.count, threads: threads)
        let bound = self.bound
        let results = Mutex([[[Int]?]](repeating: [], count: slices.count))
        DispatchQueue.concurrentPerform(iterations: slices.count) { slice in
            var scratch = bound.makeScratch()
            let matched = slices[slice].map { index in
                forms[index].withUnsafeBufferPointer { bound.matchingQueries(inSerialized: $0, scratch: &scratch) }
            }
            results.withLock { $0[slice] = matched }
        }
        return results.withLock { $0 }.flatMap { $0 }
    }

    /// Contiguous slices of `count` items for `threads` threads (none for no items): four
    /// per thread, so that a thread done early takes another slice instead of waiting.
    static func slices(of count: Int, threads: Int) -> [Range<Int>] {
        guard count > 0 else { return [] }
        let parts = max(1, min(threads * (threads > 1 ? 4 : 1), count))
        let size = (count + parts - 1) / parts
        return stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
    }
}

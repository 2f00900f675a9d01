/// Many named queries compiled to evaluate together: each document is cut into words once,
/// each word is looked up once in an index of every word, phrase head and truncation stem the
/// queries mention, and only the leaves (terms, NEAR clauses) of words the document contains
/// are evaluated, then only the queries with a true leaf. A query whose leaves are all false
/// is false (AND, OR and binary NOT all give false on all-false operands), so the rest are
/// skipped safely.
///
/// Matches exactly what ``ReferenceEvaluator`` matches. Safe to share between threads; each
/// thread needs its own ``MatchScratch``.
public struct CompiledMatcher: Sendable {
    /// The queries' ids, in the order given (a query's index is its position here).
    let queryIDs: [String]
    /// The queries, in the order given.
    let queries: [Query]
    let compiled: CompiledQueries
    let table: WordKeyTable

    /// Compiles queries. Ids are carried for reports and need not be unique.
    public init(queries: [(id: String, query: Query)]) {
        queryIDs = queries.map(\.id)
        self.queries = queries.map(\.query)
        compiled = CompiledQueries(self.queries)
        table = WordKeyTable(words: compiled.keys)
    }

    /// How many queries there are.
    var count: Int { queries.count }

    /// How many distinct search words (words and stems) the queries use.
    var searchWordCount: Int { compiled.keys.count }

    /// How many distinct leaves (terms in a field, NEAR clauses) the queries use.
    var leafCount: Int { compiled.leaves.count }

    /// Working memory for one thread.
    public func makeScratch() -> MatchScratch {
        MatchScratch(
            keyCount: compiled.keys.count, leafCount: compiled.leaves.count,
            queryCount: queries.count, stackDepth: compiled.maximumStackDepth)
    }

    /// The indices (ascending) of the queries a text matches.
    public func matchingQueries(in text: ClassifiableText, scratch: inout MatchScratch) -> [Int] {
        begin(&scratch)
        var position: Int32 = 0
        collectHits(of: text.title, segment: 0, position: &position, &scratch)
        position += 1
        collectHits(of: text.abstract, segment: 1, position: &position, &scratch)
        for (index, keyword) in text.keywords.enumerated() {
            position += 1
            collectHits(of: keyword, segment: Int32(2 + index), position: &position, &scratch)
        }
        return evaluate(&scratch)
    }

    /// The indices (ascending) of the queries a text matches, with a scratch made for the
    /// call (convenient, slower: keep a scratch for bulk work).
    public func matchingQueries(in text: ClassifiableText) -> [Int] {
        var scratch = makeScratch()
        return matchingQueries(in: text, scratch: &scratch)
    }

    /// A matcher for texts tokenised with `vocabulary` (see ``BoundMatcher``).
    func bound(to vocabulary: Vocabulary) -> BoundMatcher {
        BoundMatcher(matcher: self, vocabulary: vocabulary)
    }

    /// Re-makes the scratch if it belongs to a matcher of other sizes, and starts a document.
    func begin(_ scratch: inout MatchScratch) {
        if !scratch.fits(
            keyCount: compiled.keys.count, leafCount: compiled.leaves.count,
            queryCount: queries.count, stackDepth: compiled.maximumStackDepth)
        {
            scratch = makeScratch()
        }
        scratch.beginDocument()
    }

    /// Adds the hits of every word of one segment's text (see ``WordScanner``).
    private func collectHits(of text: String, segment: Int32, position: inout Int32, _ scratch: inout MatchScratch) {
        // Borrow the scratch's byte buffer for its capacity, leaving the scratch free to
        // take hits meanwhile.
        var bytes: [UInt8] = []
        swap(&bytes, &scratch.textBytes)
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: text.utf8)
        scratch.currentSegment = segment
        var index = 0
        while let run = WordScanner.nextRun(in: bytes, from: &index, fold: table.fold) {
            if !run.needsUnicode {
                scratch.currentPosition = position
                table.lookup(bytes, run.bytes, into: &scratch)
                position += 1
                continue
            }
            for word in WordScanner.unicodeWords(in: bytes, run.bytes) {
                scratch.currentPosition = position
                table.lookup(word, 0..<word.count, into: &scratch)
                position += 1
            }
        }
        swap(&bytes, &scratch.textBytes)
    }
}

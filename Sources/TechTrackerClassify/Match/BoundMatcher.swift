/// A ``CompiledMatcher`` joined to a ``Vocabulary``: for every word id, the search words it
/// matches are looked up once, so matching a ``TokenizedDocument`` is array reads only.
///
/// Bind again when the vocabulary has grown: ids at or above ``vocabularyCount`` (and the
/// boundary id inside a title or abstract) are read as words that match no search word.
struct BoundMatcher: Sendable {
    /// The matcher.
    let matcher: CompiledMatcher
    /// How many words the vocabulary had when bound.
    let vocabularyCount: Int
    /// Word id `w` matches keys `keys[keyStart[w]..<keyStart[w + 1]]`.
    private let keyStart: [Int32]
    private let keys: [Int32]

    init(matcher: CompiledMatcher, vocabulary: Vocabulary) {
        self.matcher = matcher
        vocabularyCount = vocabulary.count
        var keyStart: [Int32] = [0]
        keyStart.reserveCapacity(vocabulary.count + 1)
        var found = KeyList()
        for word in vocabulary.words {
            let bytes = Array(word.utf8)
            matcher.table.lookup(bytes, 0..<bytes.count, into: &found)
            keyStart.append(Int32(found.keys.count))
        }
        keys = found.keys
        self.keyStart = keyStart
    }

    /// Working memory for one thread (the matcher's).
    func makeScratch() -> MatchScratch {
        matcher.makeScratch()
    }

    /// The indices (ascending) of the queries a tokenised text matches: the same answer as
    /// ``CompiledMatcher/matchingQueries(in:scratch:)`` on the text it was made from.
    func matchingQueries(in document: TokenizedDocument, scratch: inout MatchScratch) -> [Int] {
        matcher.begin(&scratch)
        var position: Int32 = 0
        var segment: Int32 = 0
        collectHits(of: document.title, segment: &segment, position: &position, &scratch)
        position += 1
        segment = 1
        collectHits(of: document.abstract, segment: &segment, position: &position, &scratch)
        if !document.keywords.isEmpty {
            position += 1
            segment = 2
            collectHits(
                of: document.keywords, segment: &segment, position: &position, &scratch, splitAtBoundaries: true)
        }
        return matcher.evaluate(&scratch)
    }

    private func collectHits(
        of ids: [UInt32], segment: inout Int32, position: inout Int32, _ scratch: inout MatchScratch,
        splitAtBoundaries: Bool = false
    ) {
        let wordCount = UInt32(vocabularyCount)
        for id in ids {
            if id < wordCount {
                let word = Int(id)
                for index in Int(keyStart[word])..<Int(keyStart[word + 1]) {
                    scratch.addHit(key: keys[index], position: position, segment: segment)
                }
            } else if splitAtBoundaries && id == TokenizedDocument.boundary {
                // Next keyword: a new segment, and a position gap so no phrase crosses it.
                segment += 1
                position += 1
            }
            position += 1
        }
    }
}

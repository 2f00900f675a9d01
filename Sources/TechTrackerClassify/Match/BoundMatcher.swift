/// A ``CompiledMatcher`` joined to a ``Vocabulary``: for every word id, the search words it
/// matches are looked up once, so matching a ``TokenizedDocument`` is array reads only.
///
/// Bind again (or ``bind(newWordsOf:)``) when the vocabulary has grown: ids at or above
/// ``vocabularyCount`` (and the boundary id inside a title or abstract) are read as words
/// that match no search word.
struct BoundMatcher: Sendable {
    /// The matcher.
    let matcher: CompiledMatcher
    /// How many words of the vocabulary are bound.
    private(set) var vocabularyCount = 0
    /// Word id `w` matches keys `keys[keyStart[w]..<keyStart[w + 1]]`.
    private var keyStart: [Int32] = [0]
    private var keys: [Int32] = []

    init(matcher: CompiledMatcher, vocabulary: Vocabulary) {
        self.matcher = matcher
        bind(newWordsOf: vocabulary)
    }

    /// Binds the words the vocabulary gained since it was last bound (it only grows).
    mutating func bind(newWordsOf vocabulary: Vocabulary) {
        guard vocabulary.count > vocabularyCount else { return }
        var found = KeyList()
        swap(&found.keys, &keys)
        keyStart.reserveCapacity(vocabulary.count + 1)
        for word in vocabulary.words[vocabularyCount...] {
            let bytes = Array(word.utf8)
            matcher.table.lookup(bytes, 0..<bytes.count, into: &found)
            keyStart.append(Int32(found.keys.count))
        }
        swap(&found.keys, &keys)
        vocabularyCount = vocabulary.count
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

    /// The indices (ascending) of the queries matched by a document given in its stored form
    /// (``TokenizedDocument/serializedBytes()``), read without building the document: the
    /// same answer as ``matchingQueries(in:scratch:)`` on the decoded document. Nil when the
    /// bytes are not such a form or hold an id this binding does not know (a damaged or
    /// foreign cache), so that the caller falls back to the text.
    func matchingQueries(inSerialized bytes: UnsafeBufferPointer<UInt8>, scratch: inout MatchScratch) -> [Int]? {
        keyStart.withUnsafeBufferPointer { keyStarts in
            keys.withUnsafeBufferPointer { keyList in
                matchingQueries(inSerialized: bytes, keyStarts: keyStarts, keyList: keyList, scratch: &scratch)
            }
        }
    }

    private func matchingQueries(
        inSerialized bytes: UnsafeBufferPointer<UInt8>, keyStarts: UnsafeBufferPointer<Int32>,
        keyList: UnsafeBufferPointer<Int32>, scratch: inout MatchScratch
    ) -> [Int]? {
        matcher.begin(&scratch)
        let wordCount = UInt32(vocabularyCount)
        var position: Int32 = 0
        var segment: Int32 = 0
        // Boundaries met: 0 in the title, 1 in the abstract, 2 or more in the keywords.
        var boundaries = 0
        var reader = StoredIDReader(bytes)
        while let id = reader.next() {
            if id == TokenizedDocument.boundary {
                // Between title and abstract, and between abstract and keywords, it stands for
                // the one-position gap `matchingQueries(in:)` leaves; inside the keywords it
                // starts the next keyword as that method's loop does.
                boundaries += 1
                if boundaries <= 2 {
                    segment = Int32(boundaries)
                    position += 1
                } else {
                    segment += 1
                    position += 2
                }
                continue
            }
            guard id < wordCount else { return nil }
            let word = Int(id)
            // Most words match no search word: two reads, no bounds checks.
            let first = Int(keyStarts[word])
            let end = Int(keyStarts[word + 1])
            for index in first..<end {
                scratch.addHit(key: keyList[index], position: position, segment: segment)
            }
            position += 1
        }
        guard !reader.failed, boundaries >= 2 else { return nil }
        return matcher.evaluate(&scratch)
    }
}

/// Folded words numbered from 0 in order of first appearance: the id space of
/// ``TokenizedDocument``. Ids are stable as long as the vocabulary only grows, so a store can
/// keep `words` and the token ids of every work side by side.
struct Vocabulary: Sendable, WordIDAssigner {
    /// The words by id.
    private(set) var words: [String] = []
    private var index = ByteWordIndex()

    /// An empty vocabulary.
    init() {}

    /// A vocabulary restored from its ``words``; nil if a word repeats or there are too many
    /// words for 32-bit ids.
    init?(words: [String]) {
        guard words.count < Int(TokenizedDocument.boundary) else { return nil }
        for word in words {
            let bytes = Array(word.utf8)
            guard index.find(bytes[...]) == nil else { return nil }
            _ = index.insertNew(bytes[...])
            self.words.append(word)
        }
    }

    /// How many words have ids (ids run from 0 to `count - 1`).
    var count: Int { words.count }

    /// The id of a folded word, if it has one.
    func id(of word: String) -> UInt32? {
        index.find(Array(word.utf8)[...]).map { UInt32($0) }
    }

    /// The id of a folded word given as bytes, if it has one.
    @inline(__always)
    func existingID(ofFolded bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        index.find(bytes).map { UInt32($0) }
    }

    /// The word with an id, if the id is in range.
    func word(for id: UInt32) -> String? {
        Int(id) < words.count ? words[Int(id)] : nil
    }

    /// The id of a folded word, giving it the next id if it has none.
    mutating func intern(_ word: String) -> UInt32 {
        intern(Array(word.utf8)[...])
    }

    /// The id of a folded word given as bytes, giving it the next id if it has none.
    mutating func id(ofFolded bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        if let id = index.find(bytes) { return UInt32(id) }
        words.append(String(decoding: bytes, as: UTF8.self))
        return UInt32(index.insertNew(bytes))
    }

    private mutating func intern(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.withUnsafeBufferPointer { id(ofFolded: $0) }
    }

    /// A text as word ids, adding its new words. Words are cut and folded as everywhere in this
    /// module (``WordFolding``).
    mutating func tokenize(_ text: ClassifiableText) -> TokenizedDocument {
        WordIDs.document(of: text, assigner: &self)
    }

    /// Takes the new words of slices tokenised against this vocabulary (``SliceTokenizer``,
    /// slices in reading order) and returns, per slice, the final id of each of its provisional
    /// ids (`provisional - count-before`, in order). The ids are those that tokenising the
    /// slices' texts one after another would have given.
    mutating func absorb(_ slices: [SliceTokenizer]) -> [[UInt32]] {
        slices.map { slice in slice.newWords.map { intern(Array($0.utf8)[...]) } }
    }
}

/// Gives word ids to folded words as a text is read.
protocol WordIDAssigner {
    /// The id of one folded word (valid only for the call).
    mutating func id(ofFolded bytes: UnsafeBufferPointer<UInt8>) -> UInt32
}

/// Cuts texts into folded words (the fast path of ``WordScanner``) and asks an assigner for
/// each word's id: the one loop shared by the sequential and the sliced tokenisers.
enum WordIDs {
    /// A text's three fields as ids (keywords in the boundary convention).
    static func document<Assigner: WordIDAssigner>(
        of text: ClassifiableText, assigner: inout Assigner
    ) -> TokenizedDocument {
        // Title, abstract, keywords: ids are numbered in reading order.
        let titleIDs = ids(of: text.title, assigner: &assigner)
        let abstractIDs = ids(of: text.abstract, assigner: &assigner)
        var keywordIDs: [UInt32] = []
        for (index, keyword) in text.keywords.enumerated() {
            if index > 0 { keywordIDs.append(TokenizedDocument.boundary) }
            keywordIDs += ids(of: keyword, assigner: &assigner)
        }
        return TokenizedDocument(title: titleIDs, abstract: abstractIDs, keywords: keywordIDs)
    }

    /// One field's ids. The whole text is folded through the ASCII table once, so an ASCII
    /// word is handed over where it lies (no copy, no slice to retain); runs with other
    /// characters are folded and cut by ``WordScanner/unicodeWords(in:_:)`` from the original.
    static func ids<Assigner: WordIDAssigner>(of text: String, assigner: inout Assigner) -> [UInt32] {
        let bytes = Array(text.utf8)
        let fold = WordScanner.foldTable
        var folded = bytes
        for index in folded.indices { folded[index] = fold[Int(folded[index])] }
        var result: [UInt32] = []
        result.reserveCapacity(bytes.count / 6)
        var index = 0
        folded.withUnsafeBufferPointer { foldedBytes in
            while let run = WordScanner.nextRun(in: bytes, from: &index, fold: fold) {
                if run.needsUnicode {
                    for word in WordScanner.unicodeWords(in: bytes, run.bytes) {
                        result.append(word.withUnsafeBufferPointer { assigner.id(ofFolded: $0) })
                    }
                    continue
                }
                result.append(assigner.id(ofFolded: UnsafeBufferPointer(rebasing: foldedBytes[run.bytes])))
            }
        }
        return result
    }
}

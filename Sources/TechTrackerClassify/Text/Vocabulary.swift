/// Folded words numbered from 0 in order of first appearance: the id space of
/// ``TokenizedDocument``. Ids are stable as long as the vocabulary only grows, so a store can
/// keep `words` and the token ids of every work side by side.
struct Vocabulary: Sendable {
    /// The words by id.
    private(set) var words: [String] = []
    private var index = ByteWordIndex()
    /// Scratch for folding one ASCII word (kept for its capacity).
    private var wordBuffer: [UInt8] = []

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

    /// The word with an id, if the id is in range.
    func word(for id: UInt32) -> String? {
        Int(id) < words.count ? words[Int(id)] : nil
    }

    /// The id of a folded word, giving it the next id if it has none.
    mutating func intern(_ word: String) -> UInt32 {
        intern(Array(word.utf8)[...])
    }

    private mutating func intern(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        if let id = index.find(bytes) { return UInt32(id) }
        words.append(String(decoding: bytes, as: UTF8.self))
        return UInt32(index.insertNew(bytes))
    }

    /// A text as word ids, adding its new words. Words are cut and folded as everywhere in this
    /// module (``WordFolding``).
    mutating func tokenize(_ text: ClassifiableText) -> TokenizedDocument {
        // Title, abstract, keywords: ids are numbered in reading order.
        let titleIDs = ids(of: text.title)
        let abstractIDs = ids(of: text.abstract)
        var keywordIDs: [UInt32] = []
        for (index, keyword) in text.keywords.enumerated() {
            if index > 0 { keywordIDs.append(TokenizedDocument.boundary) }
            keywordIDs += ids(of: keyword)
        }
        return TokenizedDocument(title: titleIDs, abstract: abstractIDs, keywords: keywordIDs)
    }

    private mutating func ids(of text: String) -> [UInt32] {
        let bytes = Array(text.utf8)
        let fold = WordScanner.foldTable
        var result: [UInt32] = []
        var buffer: [UInt8] = []
        swap(&buffer, &wordBuffer)
        var index = 0
        while let run = WordScanner.nextRun(in: bytes, from: &index, fold: fold) {
            if run.needsUnicode {
                for word in WordScanner.unicodeWords(in: bytes, run.bytes) { result.append(intern(word[...])) }
                continue
            }
            buffer.removeAll(keepingCapacity: true)
            for byte in bytes[run.bytes] { buffer.append(fold[Int(byte)]) }
            result.append(intern(buffer[...]))
        }
        swap(&buffer, &wordBuffer)
        return result
    }
}

/// Tokenises one slice of a batch of texts against a vocabulary that does not change while
/// the slices are read, so that slices can be read on several threads at once.
///
/// A word the vocabulary has gets its id; a word it lacks gets a provisional id,
/// `vocabulary.count + k`, where `k` numbers the slice's new words in order of first
/// appearance. ``Vocabulary/absorb(_:)`` then adds the slices' new words in slice order, which
/// numbers them exactly as reading every text in order on one thread would, and
/// ``finalize(_:using:)`` replaces the provisional ids. The ids a store keeps are therefore
/// the same whatever the number of threads.
struct SliceTokenizer: WordIDAssigner {
    /// The vocabulary read (shared, never written here).
    let vocabulary: Vocabulary
    /// The slice's words that the vocabulary lacks, in order of first appearance.
    private(set) var newWords: [String] = []
    private var newIndex = ByteWordIndex()

    /// A tokeniser reading against `vocabulary`.
    init(vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
    }

    /// The first provisional id.
    var firstProvisionalID: UInt32 { UInt32(vocabulary.count) }

    /// A text as ids, provisional ones for words the vocabulary lacks.
    mutating func tokenize(_ text: ClassifiableText) -> TokenizedDocument {
        WordIDs.document(of: text, assigner: &self)
    }

    mutating func id(ofFolded bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        if let id = vocabulary.existingID(ofFolded: bytes) { return id }
        if let local = newIndex.find(bytes) { return firstProvisionalID + UInt32(local) }
        newWords.append(String(decoding: bytes, as: UTF8.self))
        return firstProvisionalID + UInt32(newIndex.insertNew(bytes))
    }

    /// `document` with its provisional ids replaced by `finalIDs` (this slice's entry of
    /// ``Vocabulary/absorb(_:)``).
    func finalize(_ document: TokenizedDocument, using finalIDs: [UInt32]) -> TokenizedDocument {
        guard !finalIDs.isEmpty else { return document }
        let first = firstProvisionalID
        func final(_ ids: [UInt32]) -> [UInt32] {
            ids.map { id in
                // The boundary is never provisional: `first + k` stays below it while the
                // vocabulary has fewer than 2³² − 1 words.
                id >= first && id != TokenizedDocument.boundary ? finalIDs[Int(id - first)] : id
            }
        }
        return TokenizedDocument(
            title: final(document.title), abstract: final(document.abstract), keywords: final(document.keywords))
    }
}

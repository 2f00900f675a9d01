/// Rebuilds an abstract from OpenAlex's `abstract_inverted_index` (word → positions).
///
/// Each distinct word is decoded once into one shared byte buffer; positions refer to words
/// by index; the text is assembled as bytes and turned into a `String` once. So an abstract
/// of a few hundred words costs one string allocation, not one per word.
struct InvertedIndexAbstractBuilder: Sendable {
    /// Positions above this are ignored: real abstracts have a few thousand words at most,
    /// and a corrupt or hostile position must not make us allocate gigabytes.
    static let maximumPosition = 100_000

    /// The decoded bytes of every word, back to back.
    private var wordBytes: [UInt8] = []
    /// Where each word lies in `wordBytes`.
    private var wordRanges: [Range<Int>] = []
    /// The word index at each position, -1 for a gap.
    private var slots: [Int] = []
    /// The assembled text.
    private var text: [UInt8] = []

    /// Forgets the previous abstract, keeping the capacity.
    mutating func reset() {
        wordBytes.removeAll(keepingCapacity: true)
        wordRanges.removeAll(keepingCapacity: true)
        slots.removeAll(keepingCapacity: true)
    }

    /// Adds the word in `span` (a key of the inverted index) and returns its index.
    @inline(__always)
    mutating func addWord(_ span: JSONStringSpan, from scanner: JSONScanner) -> Int {
        let start = wordBytes.count
        scanner.appendDecodedContents(of: span, to: &wordBytes)
        wordRanges.append(start..<wordBytes.count)
        return wordRanges.count - 1
    }

    /// Places word `wordIndex` at `position`; positions outside 0...maximumPosition are ignored.
    /// When two words claim one position, the later one in the record wins.
    @inline(__always)
    mutating func place(word wordIndex: Int, at position: Int) {
        guard position >= 0 && position <= Self.maximumPosition else { return }
        if position >= slots.count {
            slots.append(contentsOf: repeatElement(-1, count: position + 1 - slots.count))
        }
        slots[position] = wordIndex
    }

    /// The words in position order joined by single spaces, gaps skipped.
    mutating func makeText() -> String {
        text.removeAll(keepingCapacity: true)
        var isFirst = true
        for slot in slots where slot >= 0 {
            if !isFirst { text.append(UInt8(ascii: " ")) }
            isFirst = false
            text.append(contentsOf: wordBytes[wordRanges[slot]])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

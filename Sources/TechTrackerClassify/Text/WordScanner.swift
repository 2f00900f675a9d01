/// The fast way through a text's words: a byte loop for ASCII text (most titles and
/// abstracts), ``WordFolding`` for the rest. Both give the same words; the tests hold them to it.
///
/// Written as plain loops over arrays with no closures: on the hot path a closure that
/// captures a matcher copies it (retaining every array inside), and two threads doing that on
/// one shared matcher fight over its reference counts.
enum WordScanner {
    /// The fold table of the ASCII path (see ``WordFolding/asciiWordByte``).
    static var foldTable: [UInt8] { WordFolding.asciiWordByte }

    /// Whether every byte is below 0x80.
    @inline(__always)
    static func isASCII(_ bytes: [UInt8]) -> Bool {
        var seen: UInt8 = 0
        for byte in bytes { seen |= byte }
        return seen < 0x80
    }

    /// The next word of ASCII text at or after `index`, moving `index` past it; nil when no
    /// word is left. A word is a run of bytes that `fold` does not map to 0; its folded form
    /// is those bytes mapped through `fold`.
    @inline(__always)
    static func nextASCIIWord(in bytes: [UInt8], from index: inout Int, fold: [UInt8]) -> Range<Int>? {
        let count = bytes.count
        var position = index
        while position < count, fold[Int(bytes[position])] == 0 { position += 1 }
        let start = position
        while position < count, fold[Int(bytes[position])] != 0 { position += 1 }
        index = position
        return position > start ? start..<position : nil
    }

    /// The folded UTF-8 bytes of each word of a text, by the fast path where it applies.
    static func foldedWords(of text: String) -> [[UInt8]] {
        let bytes = Array(text.utf8)
        guard isASCII(bytes) else { return WordFolding.words(in: text).map { Array($0.utf8) } }
        let fold = foldTable
        var words: [[UInt8]] = []
        var index = 0
        while let word = nextASCIIWord(in: bytes, from: &index, fold: fold) {
            words.append(bytes[word].map { fold[Int($0)] })
        }
        return words
    }
}

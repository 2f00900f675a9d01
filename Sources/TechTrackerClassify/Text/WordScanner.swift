/// The fast way through a text's words: a byte loop over UTF-8 that handles ASCII words
/// itself and hands only the runs holding other characters to ``WordFolding``. Both give the
/// same words as ``WordFolding/words(in:)`` on the whole text; the tests hold them to it.
///
/// Why runs: ASCII separators (space, `-`, `'`, `,` …) are untouched by folding and never
/// join with a neighbour, so the text can be cut at them first. A run between two ASCII
/// separators that contains a non-ASCII byte (`café`, `lithium–ion` with an en dash) is
/// folded and cut as a whole, since folding may turn its non-ASCII letters into ASCII ones
/// and its non-ASCII separators still have to split it.
///
/// Written as plain loops over arrays with no closures: on the hot path a closure that
/// captures a matcher copies it (retaining every array inside), and two threads doing that on
/// one shared matcher fight over its reference counts.
enum WordScanner {
    /// The fold table of the ASCII path (see ``WordFolding/asciiWordByte``).
    static var foldTable: [UInt8] { WordFolding.asciiWordByte }

    /// A run of bytes between ASCII separators.
    struct Run {
        /// Where it is in the text's bytes.
        var bytes: Range<Int>
        /// Whether it holds a non-ASCII byte (and so needs ``WordFolding``); otherwise it is
        /// one ASCII word, folded by mapping its bytes through the fold table.
        var needsUnicode: Bool
    }

    /// The next run at or after `index`, moving `index` past it; nil when none is left.
    @inline(__always)
    static func nextRun(in bytes: [UInt8], from index: inout Int, fold: [UInt8]) -> Run? {
        let count = bytes.count
        var position = index
        while position < count, fold[Int(bytes[position])] == 0 { position += 1 }
        let start = position
        var seen: UInt8 = 0
        while position < count {
            let byte = bytes[position]
            if fold[Int(byte)] == 0 { break }
            seen |= byte
            position += 1
        }
        index = position
        return position > start ? Run(bytes: start..<position, needsUnicode: seen >= 0x80) : nil
    }

    /// The words of a run that needs Unicode handling, as folded UTF-8 bytes.
    static func unicodeWords(in bytes: [UInt8], _ run: Range<Int>) -> [[UInt8]] {
        WordFolding.words(in: String(decoding: bytes[run], as: UTF8.self)).map { Array($0.utf8) }
    }

    /// The folded UTF-8 bytes of each word of a text, by the fast path.
    static func foldedWords(of text: String) -> [[UInt8]] {
        let bytes = Array(text.utf8)
        let fold = foldTable
        var words: [[UInt8]] = []
        var index = 0
        while let run = nextRun(in: bytes, from: &index, fold: fold) {
            if run.needsUnicode {
                words += unicodeWords(in: bytes, run.bytes)
            } else {
                words.append(bytes[run.bytes].map { fold[Int($0)] })
            }
        }
        return words
    }
}

/// The fast way through a text's words: a byte loop for ASCII text (most titles and
/// abstracts), ``WordFolding`` for the rest. Both give the same words; the tests hold them to it.
enum WordScanner {
    /// Calls `body` with the folded UTF-8 bytes of each word of `text`, in order. The buffer is
    /// only valid during the call.
    @inline(__always)
    static func forEachWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        let handledAsASCII: Bool = text.withUTF8 { utf8 in
            guard isASCII(utf8) else { return false }
            forEachASCIIWord(in: utf8, body)
            return true
        }
        if handledAsASCII { return }
        for var word in WordFolding.words(in: text) {
            word.withUTF8 { body($0) }
        }
    }

    /// Whether every byte is below 0x80, eight bytes at a time.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        let raw = UnsafeRawPointer(base)
        while index + 8 <= count {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < count {
            if bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    /// The words of ASCII text: runs of letters and digits, lower-cased into a scratch buffer.
    private static func forEachASCIIWord(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        WordFolding.asciiWordByte.withUnsafeBufferPointer { table in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { word in
                guard let wordBase = word.baseAddress else { return }
                var length = 0
                for byte in bytes {
                    let folded = table[Int(byte)]
                    if folded != 0 {
                        word[length] = folded
                        length += 1
                    } else if length > 0 {
                        body(UnsafeBufferPointer(start: wordBase, count: length))
                        length = 0
                    }
                }
                if length > 0 { body(UnsafeBufferPointer(start: wordBase, count: length)) }
            }
        }
    }
}

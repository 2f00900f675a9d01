/// Finds, for one folded document word, every search word it matches: the exact word, and
/// every truncation stem it starts with. An open-addressing hash table over UTF-8 bytes.
///
/// Stems are found while the word is hashed: FNV-1a is computed byte by byte, so the hash of
/// every prefix is at hand, and the table is probed only at lengths some stem has, and only
/// when the word's first two bytes begin some stem (most words stop there).
struct WordKeyTable: Sendable {
    private var slots: [Int32]
    private var slotMask: Int
    private var entryHash: [UInt64] = []
    private var entryStart: [Int32] = []
    private var entryLength: [Int32] = []
    /// The key of the exact (untruncated) search word with these bytes, or -1.
    private var entryExactKey: [Int32] = []
    /// The key of the truncated search word with this stem, or -1.
    private var entryStemKey: [Int32] = []
    private var bytes: [UInt8] = []
    /// `isStemLength[n]`: some stem is `n` bytes long.
    private var isStemLength: [Bool] = [false]
    /// One bit per pair of first bytes that begins some stem.
    private var stemFirstPairs = [UInt64](repeating: 0, count: (1 << 16) / UInt64.bitWidth)
    /// False when some stem is shorter than two bytes, so the pair test cannot be used.
    private var pairFilterWorks = true
    private var hasStems = false
    /// Keys of truncated search words with an empty stem: they match every word.
    private var everyWordKeys: [Int32] = []
    /// ``WordFolding/asciiWordByte``, held here so the hot loop reads it without a global.
    let fold = WordFolding.asciiWordByte

    /// A table where search word `i` has key `i`.
    init(words: [SearchWord]) {
        var capacity = 16
        while capacity < words.count * 2 { capacity *= 2 }
        slots = [Int32](repeating: -1, count: capacity)
        slotMask = capacity - 1
        for (key, word) in words.enumerated() {
            add(word, key: Int32(key))
        }
    }

    private mutating func add(_ word: SearchWord, key: Int32) {
        let text = Array(word.text.utf8)
        if word.isTruncated && text.isEmpty {
            everyWordKeys.append(key)
            return
        }
        guard !text.isEmpty else { return }  // an empty exact word matches nothing
        let hash = text.withUnsafeBufferPointer { Self.hash($0) }
        let entry = find(hash: hash, length: text.count, bytes: text) ?? newEntry(hash: hash, bytes: text)
        if word.isTruncated {
            entryStemKey[entry] = key
            hasStems = true
            if text.count >= isStemLength.count {
                isStemLength += [Bool](repeating: false, count: text.count + 1 - isStemLength.count)
            }
            isStemLength[text.count] = true
            if text.count >= 2 {
                let pair = Int(text[0]) << 8 | Int(text[1])
                stemFirstPairs[pair >> 6] |= 1 << UInt64(pair & 63)
            } else {
                pairFilterWorks = false
            }
        } else {
            entryExactKey[entry] = key
        }
    }

    private mutating func newEntry(hash: UInt64, bytes text: [UInt8]) -> Int {
        let entry = entryHash.count
        entryHash.append(hash)
        entryStart.append(Int32(bytes.count))
        entryLength.append(Int32(text.count))
        entryExactKey.append(-1)
        entryStemKey.append(-1)
        bytes += text
        var slot = Self.slot(of: hash, mask: slotMask)
        while slots[slot] >= 0 { slot = (slot + 1) & slotMask }
        slots[slot] = Int32(entry)
        return entry
    }

    private func find(hash: UInt64, length: Int, bytes text: [UInt8]) -> Int? {
        find(hash: hash, in: text, start: 0, length: length)
    }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = ByteHashing.fnvOffset
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* ByteHashing.fnvPrime }
        return hash
    }

    @inline(__always)
    private static func slot(of hash: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* ByteHashing.fibonacciMultiplier) >> 32) & mask
    }

    /// The entry whose bytes equal `length` folded bytes of `word` from `start`.
    @inline(__always)
    private func find(hash: UInt64, in word: [UInt8], start: Int, length: Int) -> Int? {
        var slot = Self.slot(of: hash, mask: slotMask)
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            if entryHash[entry] == hash, Int(entryLength[entry]) == length,
                bytesEqual(entry: entry, word, start, length)
            {
                return entry
            }
            slot = (slot + 1) & slotMask
        }
    }

    @inline(__always)
    private func bytesEqual(entry: Int, _ word: [UInt8], _ start: Int, _ length: Int) -> Bool {
        let entryStart = Int(self.entryStart[entry])
        for offset in 0..<length where bytes[entryStart + offset] != fold[Int(word[start + offset])] { return false }
        return true
    }

    /// Tells `sink` the key of every search word that the word `word[range]` matches:
    /// truncated ones from the shortest stem up, then the exact word, then the stem equal to
    /// the whole word. The bytes are folded through ``WordFolding/asciiWordByte`` on the way,
    /// so raw ASCII (any case) and already folded words both work.
    @inline(__always)
    func lookup<Sink: KeySink>(_ word: [UInt8], _ range: Range<Int>, into sink: inout Sink) {
        let start = range.lowerBound
        let length = range.count
        guard length > 0 else { return }
        for key in everyWordKeys { sink.found(key) }
        var probeStems = hasStems
        if probeStems && pairFilterWorks {
            if length < 2 {
                probeStems = false
            } else {
                let pair = Int(fold[Int(word[start])]) << 8 | Int(fold[Int(word[start + 1])])
                probeStems = stemFirstPairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0
            }
        }
        let stemLengthLimit = probeStems ? min(length - 1, isStemLength.count - 1) : 0
        var hash = ByteHashing.fnvOffset
        for offset in 0..<length {
            hash = (hash ^ UInt64(fold[Int(word[start + offset])])) &* ByteHashing.fnvPrime
            let prefixLength = offset + 1
            if prefixLength <= stemLengthLimit, isStemLength[prefixLength],
                let entry = find(hash: hash, in: word, start: start, length: prefixLength)
            {
                let stemKey = entryStemKey[entry]
                if stemKey >= 0 { sink.found(stemKey) }
            }
        }
        if let entry = find(hash: hash, in: word, start: start, length: length) {
            let exactKey = entryExactKey[entry]
            if exactKey >= 0 { sink.found(exactKey) }
            let stemKey = entryStemKey[entry]
            if stemKey >= 0 { sink.found(stemKey) }
        }
    }
}

/// Receives the keys a word matches.
protocol KeySink {
    /// One matched key.
    mutating func found(_ key: Int32)
}

/// Collects keys into an array (for binding a vocabulary; not on the per-document path).
struct KeyList: KeySink {
    var keys: [Int32] = []

    mutating func found(_ key: Int32) {
        keys.append(key)
    }
}

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
    private var stemFirstPairs = [UInt64](repeating: 0, count: 1024)
    /// False when some stem is shorter than two bytes, so the pair test cannot be used.
    private var pairFilterWorks = true
    private var hasStems = false
    /// Keys of truncated search words with an empty stem: they match every word.
    private var everyWordKeys: [Int32] = []

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
        guard !text.isEmpty else { return } // an empty exact word matches nothing
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
        text.withUnsafeBufferPointer { find(hash: hash, prefixLength: length, of: $0) }
    }

    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x100_0000_01b3

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = fnvOffset
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* fnvPrime }
        return hash
    }

    @inline(__always)
    private static func slot(of hash: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The entry whose bytes equal the first `prefixLength` bytes of `word`.
    @inline(__always)
    private func find(hash: UInt64, prefixLength: Int, of word: UnsafeBufferPointer<UInt8>) -> Int? {
        var slot = Self.slot(of: hash, mask: slotMask)
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            if entryHash[entry] == hash, Int(entryLength[entry]) == prefixLength,
               bytesEqual(entry: entry, word, prefixLength) {
                return entry
            }
            slot = (slot + 1) & slotMask
        }
    }

    @inline(__always)
    private func bytesEqual(entry: Int, _ word: UnsafeBufferPointer<UInt8>, _ length: Int) -> Bool {
        let start = Int(entryStart[entry])
        for offset in 0..<length where bytes[start + offset] != word[offset] { return false }
        return true
    }

    /// Calls `found` with the key of every search word that `word` (folded UTF-8) matches:
    /// truncated ones from the shortest stem up, then the exact word, then the stem equal to
    /// the whole word.
    @inline(__always)
    func forEachKey(matching word: UnsafeBufferPointer<UInt8>, _ found: (Int32) -> Void) {
        let length = word.count
        guard length > 0 else { return }
        for key in everyWordKeys { found(key) }
        var probeStems = hasStems
        if probeStems && pairFilterWorks {
            if length < 2 {
                probeStems = false
            } else {
                let pair = Int(word[0]) << 8 | Int(word[1])
                probeStems = stemFirstPairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0
            }
        }
        let stemLengthLimit = probeStems ? min(length - 1, isStemLength.count - 1) : 0
        var hash = Self.fnvOffset
        for index in 0..<length {
            hash = (hash ^ UInt64(word[index])) &* Self.fnvPrime
            let prefixLength = index + 1
            if prefixLength <= stemLengthLimit, isStemLength[prefixLength],
               let entry = find(hash: hash, prefixLength: prefixLength, of: word) {
                let stemKey = entryStemKey[entry]
                if stemKey >= 0 { found(stemKey) }
            }
        }
        if let entry = find(hash: hash, prefixLength: length, of: word) {
            let exactKey = entryExactKey[entry]
            if exactKey >= 0 { found(exactKey) }
            let stemKey = entryStemKey[entry]
            if stemKey >= 0 { found(stemKey) }
        }
    }
}

/// Numbers byte strings from 0 in order of insertion: the vocabulary's index, keyed by folded
/// UTF-8 bytes so a known word is found without making a `String`. Open addressing with
/// linear probing, doubling when half full.
struct ByteWordIndex: Sendable {
    private var slots = [Int32](repeating: -1, count: 1024)
    private var wordHash: [UInt64] = []
    private var wordStart: [Int] = []
    private var wordLength: [Int32] = []
    private var bytes: [UInt8] = []

    /// How many words it holds.
    var count: Int { wordHash.count }

    /// FNV-1a over bytes.
    @inline(__always)
    static func hash(_ word: ArraySlice<UInt8>) -> UInt64 {
        var hash = ByteHashing.fnvOffset
        for byte in word { hash = (hash ^ UInt64(byte)) &* ByteHashing.fnvPrime }
        return hash
    }

    @inline(__always)
    private func slot(of hash: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash &* ByteHashing.fibonacciMultiplier) >> 32) & (slots.count - 1)
    }

    /// FNV-1a over bytes.
    @inline(__always)
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = ByteHashing.fnvOffset
        for byte in word { hash = (hash ^ UInt64(byte)) &* ByteHashing.fnvPrime }
        return hash
    }

    /// The number of a word, if it has one.
    func find(_ word: ArraySlice<UInt8>) -> Int32? {
        word.withUnsafeBufferPointer { find($0) }
    }

    /// The number of a word given by pointer (no slice to retain: the tokenisers' hot path).
    func find(_ word: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = Self.hash(word)
        var slot = slot(of: hash)
        return bytes.withUnsafeBufferPointer { stored in
            while true {
                let id = slots[slot]
                if id < 0 { return nil }
                let index = Int(id)
                if wordHash[index] == hash, Int(wordLength[index]) == word.count {
                    let start = wordStart[index]
                    var equal = true
                    for offset in 0..<word.count where stored[start + offset] != word[offset] {
                        equal = false
                        break
                    }
                    if equal { return id }
                }
                slot = (slot + 1) & (slots.count - 1)
            }
        }
    }

    /// Adds a word that is not in the index; returns its number.
    mutating func insertNew(_ word: ArraySlice<UInt8>) -> Int32 {
        word.withUnsafeBufferPointer { insertNew($0) }
    }

    /// Adds a word, given by pointer, that is not in the index; returns its number.
    mutating func insertNew(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
        if (wordHash.count + 1) * 2 > slots.count { grow() }
        let hash = Self.hash(word)
        let id = Int32(wordHash.count)
        wordHash.append(hash)
        wordStart.append(bytes.count)
        wordLength.append(Int32(word.count))
        bytes.append(contentsOf: word)
        place(id, hash: hash)
        return id
    }

    private mutating func place(_ id: Int32, hash: UInt64) {
        var slot = slot(of: hash)
        while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = id
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for (index, hash) in wordHash.enumerated() { place(Int32(index), hash: hash) }
    }
}

/// The flat, pointer-free form of many queries that the matcher runs on. Built once by
/// ``CompiledMatcher/init(queries:)``.
///
/// Vocabulary of the design: a *key* is one distinct ``SearchWord`` (a word, or a truncation
/// stem); a *phrase* is a run of keys; a *leaf* is one distinct ``QueryLeaf`` (a phrase in a
/// field, or a NEAR clause); a *program* is one query in postfix over leaves.
struct CompiledQueries: Sendable {
    /// One phrase: `length` keys starting at `keysStart` in `phraseKeys`.
    struct Phrase: Sendable {
        var keysStart: Int32
        var length: Int32
    }

    /// One leaf. A term leaf uses `phrase`; a NEAR leaf uses the alternative ranges.
    struct Leaf: Sendable {
        var isNear: Bool
        /// Which segments it looks in: bit 0 title, bit 1 abstract, bit 2 keywords.
        var segmentMask: UInt8
        var phrase: Int32
        /// Left alternatives: phrase ids `nearAlternatives[leftStart..<leftEnd]`.
        var leftStart: Int32
        var leftEnd: Int32
        var rightStart: Int32
        var rightEnd: Int32
        var distance: Int32
    }

    /// Postfix opcodes other than leaf ids (which are ≥ 0).
    static let opAnd: Int32 = -1
    static let opOr: Int32 = -2
    static let opNot: Int32 = -3

    var keys: [SearchWord] = []
    var phrases: [Phrase] = []
    var phraseKeys: [Int32] = []
    var leaves: [Leaf] = []
    /// The source of each leaf, for explanations.
    var leafSources: [QueryLeaf] = []
    var nearAlternatives: [Int32] = []
    /// Query `q`'s program is `programOps[programStart[q]..<programStart[q + 1]]`.
    var programOps: [Int32] = []
    var programStart: [Int32] = [0]
    /// The leaves to evaluate when key `k` occurs: `triggerLeaves[triggerStart[k]..<triggerStart[k + 1]]`.
    /// A leaf is triggered by its phrase's first key, a NEAR leaf by each left alternative's
    /// first key: a leaf cannot be true unless one of those occurs.
    var triggerStart: [Int32] = []
    var triggerLeaves: [Int32] = []
    /// The queries that use leaf `l`: `leafQueries[leafQueryStart[l]..<leafQueryStart[l + 1]]`.
    var leafQueryStart: [Int32] = []
    var leafQueries: [Int32] = []
    /// The deepest evaluation stack any program needs.
    var maximumStackDepth = 0

    static func segmentMask(_ field: QueryField) -> UInt8 {
        switch field {
        case .topic: return 0b111
        case .title: return 0b001
        case .abstract: return 0b010
        case .keywords: return 0b100
        }
    }

    /// The mask bit of a segment number (0 title, 1 abstract, 2 and up keywords).
    @inline(__always)
    static func segmentBit(_ segment: Int32) -> UInt8 {
        segment >= 2 ? 0b100 : (segment == 0 ? 0b001 : 0b010)
    }

    /// Nothing compiled yet (the builder's starting point).
    init() {}

    init(_ queries: [Query]) {
        var builder = Builder()
        for query in queries {
            var depth = 0
            var maximumDepth = 0
            builder.emit(query, depth: &depth, maximumDepth: &maximumDepth)
            builder.result.programStart.append(Int32(builder.result.programOps.count))
            builder.result.maximumStackDepth = max(builder.result.maximumStackDepth, maximumDepth)
        }
        self = builder.finish(queryCount: queries.count)
    }
}

/// Interns keys, phrases and leaves while queries are compiled.
private struct Builder {
    var result = CompiledQueries()
    var keyIDs: [SearchWord: Int32] = [:]
    var phraseIDs: [SearchPhrase: Int32] = [:]
    var leafIDs: [QueryLeaf: Int32] = [:]
    var triggers: [[Int32]] = []
    var queriesOfLeaf: [[Int32]] = []

    mutating func emit(_ query: Query, depth: inout Int, maximumDepth: inout Int) {
        switch query {
        case .term(let term):
            emitLeaf(.term(term), depth: &depth, maximumDepth: &maximumDepth)
        case .near(let clause):
            emitLeaf(.near(clause), depth: &depth, maximumDepth: &maximumDepth)
        case .and(let a, let b), .or(let a, let b), .not(let a, let b):
            emit(a, depth: &depth, maximumDepth: &maximumDepth)
            emit(b, depth: &depth, maximumDepth: &maximumDepth)
            switch query {
            case .and: result.programOps.append(CompiledQueries.opAnd)
            case .or: result.programOps.append(CompiledQueries.opOr)
            default: result.programOps.append(CompiledQueries.opNot)
            }
            depth -= 1
        }
    }

    mutating func emitLeaf(_ leaf: QueryLeaf, depth: inout Int, maximumDepth: inout Int) {
        let id = leafID(leaf)
        let queryIndex = Int32(result.programStart.count - 1)
        if queriesOfLeaf[Int(id)].last != queryIndex { queriesOfLeaf[Int(id)].append(queryIndex) }
        result.programOps.append(id)
        depth += 1
        maximumDepth = max(maximumDepth, depth)
    }

    mutating func keyID(_ word: SearchWord) -> Int32 {
        if let id = keyIDs[word] { return id }
        let id = Int32(result.keys.count)
        result.keys.append(word)
        keyIDs[word] = id
        triggers.append([])
        return id
    }

    mutating func phraseID(_ phrase: SearchPhrase) -> Int32 {
        if let id = phraseIDs[phrase] { return id }
        let id = Int32(result.phrases.count)
        let keys = phrase.words.map { keyID($0) }
        result.phrases.append(
            CompiledQueries.Phrase(keysStart: Int32(result.phraseKeys.count), length: Int32(keys.count)))
        result.phraseKeys += keys
        phraseIDs[phrase] = id
        return id
    }

    mutating func leafID(_ leaf: QueryLeaf) -> Int32 {
        if let id = leafIDs[leaf] { return id }
        let id = Int32(result.leaves.count)
        var compiled = CompiledQueries.Leaf(
            isNear: false, segmentMask: 0, phrase: -1, leftStart: 0, leftEnd: 0,
            rightStart: 0, rightEnd: 0, distance: 0)
        var triggerPhrases: [Int32] = []
        switch leaf {
        case .term(let term):
            compiled.segmentMask = CompiledQueries.segmentMask(term.field)
            compiled.phrase = phraseID(term.phrase)
            triggerPhrases = [compiled.phrase]
        case .near(let clause):
            compiled.isNear = true
            compiled.segmentMask = CompiledQueries.segmentMask(clause.field)
            compiled.distance = Int32(clamping: clause.distance)
            let left = clause.left.map { phraseID($0) }
            let right = clause.right.map { phraseID($0) }
            compiled.leftStart = Int32(result.nearAlternatives.count)
            result.nearAlternatives += left
            compiled.leftEnd = Int32(result.nearAlternatives.count)
            compiled.rightStart = compiled.leftEnd
            result.nearAlternatives += right
            compiled.rightEnd = Int32(result.nearAlternatives.count)
            triggerPhrases = left
        }
        result.leaves.append(compiled)
        result.leafSources.append(leaf)
        queriesOfLeaf.append([])
        for phrase in triggerPhrases {
            let info = result.phrases[Int(phrase)]
            guard info.length > 0 else { continue }  // an empty phrase never occurs
            let firstKey = Int(result.phraseKeys[Int(info.keysStart)])
            if triggers[firstKey].last != id { triggers[firstKey].append(id) }
        }
        leafIDs[leaf] = id
        return id
    }

    func finish(queryCount: Int) -> CompiledQueries {
        var compiled = result
        compiled.triggerStart = [0]
        for leaves in triggers {
            compiled.triggerLeaves += leaves
            compiled.triggerStart.append(Int32(compiled.triggerLeaves.count))
        }
        compiled.leafQueryStart = [0]
        for queries in queriesOfLeaf {
            compiled.leafQueries += queries
            compiled.leafQueryStart.append(Int32(compiled.leafQueries.count))
        }
        return compiled
    }
}

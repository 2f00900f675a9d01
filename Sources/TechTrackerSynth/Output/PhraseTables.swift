/// What a template slot is filled with.
enum TemplateSlot: UInt8, Sendable {
    case literal, term, otherTerm, capitalizedTerm, adjective, method, metric, number, setting
}

/// One token of a sentence or title frame: a literal word, or a slot with the punctuation
/// that touches it (`prefix`: none, "(", quote; `suffix`: none, ".", ",", ":", ")", quote).
struct TemplateToken: Sendable {
    let slot: TemplateSlot
    let word: UInt32
    let prefix: UInt8
    let suffix: UInt8
}

/// A sequence of word ids: a term, an adjective, a metric, a number…
struct Phrase: Sendable {
    let start: UInt32
    let count: UInt32
}

/// Every word the text of a record can contain, as escaped arena pieces with ids, and the
/// phrases and frames built from them. Abstracts become arrays of word ids, which is what
/// makes the inverted index cheap to build.
struct PhraseTables: Sendable {
    /// Escaped text of each word id.
    let words: [TextPiece]
    /// Id of each word with its first letter capitalised (itself when already capitalised).
    let capitalized: [UInt32]
    /// Word ids of all phrases, back to back.
    let phraseWords: [UInt32]
    let technologyTerms: [[Phrase]]
    let fillerTerms: [[Phrase]]
    let adjectives: [Phrase]
    let methods: [Phrase]
    let metrics: [Phrase]
    let settings: [Phrase]
    let numbers: [Phrase]
    let background: [[TemplateToken]]
    let gap: [[TemplateToken]]
    let proposal: [[TemplateToken]]
    let method: [[TemplateToken]]
    let results: [[TemplateToken]]
    let conclusion: [[TemplateToken]]
    let articleTitles: [[TemplateToken]]
    let reviewTitles: [[TemplateToken]]
    let editorialTitles: [[TemplateToken]]
    let erratumTitles: [[TemplateToken]]
    let paratextTitles: [TextPiece]
    /// Escaped punctuation for slot prefixes and suffixes (see `TemplateToken`).
    let prefixes: [TextPiece]
    let suffixes: [TextPiece]

    /// Number of distinct (prefix, suffix) decorations: sizes the inverted-index scratch.
    static let decorationCount = 18

    init(arena: inout TextArenaBuilder, vocabularies: [TechnologyVocabulary], fillers: [FillerTopic]) {
        var interner = WordInterner()
        func phrases(_ texts: [String]) -> [Phrase] { texts.map { interner.phrase($0, arena: &arena) } }
        technologyTerms = vocabularies.map { phrases($0.terms) }
        fillerTerms = fillers.map { phrases($0.terms) }
        adjectives = phrases(GenericWording.adjectives)
        methods = phrases(GenericWording.methodNouns)
        metrics = phrases(GenericWording.metrics)
        settings = phrases(GenericWording.settings)
        numbers = phrases(GenericWording.numbers)
        func frames(_ texts: [String]) -> [[TemplateToken]] { texts.map { interner.template($0, arena: &arena) } }
        background = frames(GenericWording.background)
        gap = frames(GenericWording.gap)
        proposal = frames(GenericWording.proposal)
        method = frames(GenericWording.method)
        results = frames(GenericWording.results)
        conclusion = frames(GenericWording.conclusion)
        articleTitles = frames(GenericWording.articleTitles)
        reviewTitles = frames(GenericWording.reviewTitles)
        editorialTitles = frames(GenericWording.editorialTitles)
        erratumTitles = frames(GenericWording.erratumTitles)
        paratextTitles = GenericWording.paratextTitles.map { arena.escaped($0) }
        prefixes = ["", "(", "\""].map { arena.escaped($0) }
        suffixes = ["", ".", ",", ":", ")", "\""].map { arena.escaped($0) }
        // Capitalised forms of every word (titles start with a term).
        var capitalized: [UInt32] = []
        for index in 0..<interner.texts.count {
            capitalized.append(interner.id(of: WordInterner.capitalize(interner.texts[index]), arena: &arena))
        }
        self.capitalized = capitalized + (capitalized.count..<interner.texts.count).map(UInt32.init)
        words = interner.pieces
        phraseWords = interner.phraseWords
    }

    /// Word ids of a phrase.
    @inline(__always)
    func wordIDs(_ phrase: Phrase) -> ArraySlice<UInt32> {
        phraseWords[Int(phrase.start)..<Int(phrase.start + phrase.count)]
    }
}

/// Assigns word ids while the tables are built.
private struct WordInterner {
    var ids: [String: UInt32] = [:]
    var texts: [String] = []
    var pieces: [TextPiece] = []
    var phraseWords: [UInt32] = []

    mutating func id(of word: String, arena: inout TextArenaBuilder) -> UInt32 {
        if let known = ids[word] { return known }
        let id = UInt32(texts.count)
        ids[word] = id
        texts.append(word)
        pieces.append(arena.escaped(word))
        return id
    }

    mutating func phrase(_ text: String, arena: inout TextArenaBuilder) -> Phrase {
        let start = UInt32(phraseWords.count)
        for word in text.split(separator: " ") { phraseWords.append(id(of: String(word), arena: &arena)) }
        return Phrase(start: start, count: UInt32(phraseWords.count) - start)
    }

    mutating func template(_ text: String, arena: inout TextArenaBuilder) -> [TemplateToken] {
        text.split(separator: " ").map { chunk in
            guard let open = chunk.firstIndex(of: "{"), let close = chunk.firstIndex(of: "}") else {
                return TemplateToken(slot: .literal, word: id(of: String(chunk), arena: &arena), prefix: 0, suffix: 0)
            }
            let prefix = ["", "(", "\""].firstIndex(of: String(chunk[..<open])) ?? 0
            let suffix =
                ["", ".", ",", ":", ")", "\""].firstIndex(of: String(chunk[chunk.index(after: close)...])) ?? 0
            let slot: TemplateSlot
            switch chunk[chunk.index(after: open)..<close] {
            case "T": slot = .term
            case "U": slot = .otherTerm
            case "Tc": slot = .capitalizedTerm
            case "A": slot = .adjective
            case "G": slot = .method
            case "M": slot = .metric
            case "N": slot = .number
            default: slot = .setting
            }
            return TemplateToken(slot: slot, word: 0, prefix: UInt8(prefix), suffix: UInt8(suffix))
        }
    }

    /// First letter upper-cased, but only for plain lowercase words ("qubit" -> "Qubit",
    /// "mRNA" stays "mRNA").
    static func capitalize(_ word: String) -> String {
        guard let first = word.first, first.isLowercase,
            !word.dropFirst().contains(where: { $0.isUppercase })
        else { return word }
        return first.uppercased() + word.dropFirst()
    }
}

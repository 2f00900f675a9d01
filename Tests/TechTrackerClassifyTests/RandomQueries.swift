@testable import TechTrackerClassify

/// Random queries and documents over a small shared vocabulary, so that random queries often
/// match random documents, with truncations, phrases, NEAR and operator words in play.
struct RandomCorpus {
    var generator: SeededGenerator

    init(seed: UInt64) {
        generator = SeededGenerator(seed: seed)
    }

    /// Folded words the queries search for.
    static let words = [
        "quantum", "quanta", "qubit", "qubits", "laser", "lasers", "ion", "ions", "lithium",
        "battery", "batteries", "drone", "and", "near", "not", "5g", "5g1", "cafe", "schrodinger", "s",
    ]
    /// Truncation stems.
    static let stems = ["qua", "qub", "quantum", "las", "ion", "lit", "bat", "batter", "dro", "caf", "sch", "5g1"]
    /// How the same words may be written in documents: case, diacritics, hyphens, apostrophes.
    static let surfaceForms = [
        "Quantum", "QUBIT", "Café", "Schrödinger", "Schro\u{308}dinger", "Li-ion",
        "ion's", "drone-based", "LASER", "Batteries", "lithium–ion", "quantum's",
        "energy", "of", "the", "system", "5G", "photon", "qu", "\u{201C}and\u{201D}",
        "🙂", "\u{301}ion", "量子", "QUANTUM-Ions",
    ]

    private mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &generator) < probability
    }

    private mutating func pick<T>(_ items: [T]) -> T {
        items[Int.random(in: 0..<items.count, using: &generator)]
    }

    mutating func searchWord() -> SearchWord {
        chance(0.3) ? SearchWord(pick(Self.stems), truncated: true) : SearchWord(pick(Self.words))
    }

    mutating func searchPhrase(maximumLength: Int) -> SearchPhrase {
        SearchPhrase((0..<Int.random(in: 1...maximumLength, using: &generator)).map { _ in searchWord() })
    }

    mutating func field() -> QueryField {
        chance(0.6) ? .topic : pick([.title, .abstract, .keywords])
    }

    mutating func leaf() -> Query {
        if chance(0.8) {
            return .term(SearchTerm(searchPhrase(maximumLength: 3), in: field()))
        }
        let alternatives = { (corpus: inout RandomCorpus) in
            (0..<Int.random(in: 1...2, using: &corpus.generator)).map { _ in corpus.searchPhrase(maximumLength: 2) }
        }
        return .near(
            NearClause(
                left: alternatives(&self), right: alternatives(&self),
                distance: pick([0, 1, 2, 3, 5, 15]), field: field()))
    }

    mutating func query(depth: Int) -> Query {
        if depth == 0 || chance(0.3) { return leaf() }
        let a = query(depth: depth - 1)
        let b = query(depth: depth - 1)
        switch Int.random(in: 0..<3, using: &generator) {
        case 0: return .and(a, b)
        case 1: return .or(a, b)
        default: return .not(a, b)
        }
    }

    private mutating func text(words count: Int) -> String {
        var result = ""
        for index in 0..<count {
            if index > 0 { result += pick([" ", " ", " ", "-", ", ", ". ", " (", ") ", "'"]) }
            result += chance(0.25) ? pick(Self.surfaceForms) : pick(Self.words)
        }
        return result
    }

    mutating func document() -> ClassifiableText {
        ClassifiableText(
            title: text(words: Int.random(in: 0...8, using: &generator)),
            abstract: text(words: Int.random(in: 0...30, using: &generator)),
            keywords: (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                text(words: Int.random(in: 0...3, using: &generator))
            })
    }
}

/// One word of a search term, already folded the way document text is (lower case, no
/// diacritics), optionally right-truncated (`comput*` matches every word starting with `comput`).
public struct SearchWord: Hashable, Sendable {
    /// The folded word, without the `*`. Never empty; at least 3 characters when truncated.
    public var text: String
    /// Whether the word was written with a trailing `*`, matching any word it is a prefix of
    /// (the word itself included).
    public internal(set) var isTruncated: Bool

    /// Makes a word; `text` must already be folded (see ``WordFolding``).
    init(_ text: String, truncated: Bool = false) {
        self.text = text
        self.isTruncated = truncated
    }

    /// Whether a folded document word matches this search word. Truncation compares UTF-8
    /// bytes, so a stem matches exactly the words whose folded bytes start with it.
    func matches(_ word: String) -> Bool {
        if isTruncated { return word.utf8.starts(with: text.utf8) }
        return word.utf8.elementsEqual(text.utf8)
    }
}

/// A sequence of words that must appear consecutively, within one field (one title, one
/// abstract, or one keyword). A single word is a one-word phrase: `qubit` and `"qubit"` are
/// the same search, and so are `lithium-ion` and `"lithium ion"`.
public struct SearchPhrase: Hashable, Sendable {
    /// The words in order. Never empty.
    public var words: [SearchWord]

    /// Makes a phrase from its words.
    init(_ words: [SearchWord]) {
        self.words = words
    }
}

/// A phrase searched for in one field: the leaf of most queries.
public struct SearchTerm: Hashable, Sendable {
    /// What to look for.
    public var phrase: SearchPhrase
    /// Where to look for it.
    public internal(set) var field: QueryField

    /// Makes a term.
    init(_ phrase: SearchPhrase, in field: QueryField = .topic) {
        self.phrase = phrase
        self.field = field
    }
}

/// `left NEAR/n right`: some alternative of `left` and some alternative of `right` occur
/// within `distance` words of each other, in either order, in the same title, abstract or
/// keyword, without overlapping. "Within n words" means at most n words lie between them, so
/// `NEAR/0` is adjacency in either order.
public struct NearClause: Hashable, Sendable {
    /// The alternatives of the left operand (`(drone* OR UAV*)` has two). Never empty.
    public internal(set) var left: [SearchPhrase]
    /// The alternatives of the right operand. Never empty.
    public internal(set) var right: [SearchPhrase]
    /// The largest number of words allowed between the two sides (bare `NEAR` is 15).
    public internal(set) var distance: Int
    /// The field both sides are searched in.
    public internal(set) var field: QueryField

    /// Makes a NEAR clause.
    init(left: [SearchPhrase], right: [SearchPhrase], distance: Int, field: QueryField = .topic) {
        self.left = left
        self.right = right
        self.distance = distance
        self.field = field
    }

    /// The distance of a bare `NEAR`, as in Web of Science.
    static let defaultDistance = 15
    /// The largest distance a query may ask for.
    static let maximumDistance = 1000
}

/// A parsed technology query. Field tags have been pushed down to the leaves, so two queries
/// that search the same thing compare equal however they were tagged or parenthesised
/// (`TS=(a OR b)` equals `TS=a OR TS=b`; `a AND b AND c` is `and(and(a, b), c)`).
public indirect enum Query: Hashable, Sendable {
    /// A word or phrase in a field.
    case term(SearchTerm)
    /// Two operands near each other.
    case near(NearClause)
    /// Both operands match.
    case and(Query, Query)
    /// Either operand matches.
    case or(Query, Query)
    /// Web of Science's binary NOT: the first operand matches and the second does not.
    case not(Query, Query)

    /// The leaves (terms and NEAR clauses) in left-to-right order, repeats included.
    public var leaves: [QueryLeaf] {
        var result: [QueryLeaf] = []
        collectLeaves(into: &result)
        return result
    }

    private func collectLeaves(into result: inout [QueryLeaf]) {
        switch self {
        case .term(let term): result.append(.term(term))
        case .near(let clause): result.append(.near(clause))
        case .and(let a, let b), .or(let a, let b), .not(let a, let b):
            a.collectLeaves(into: &result)
            b.collectLeaves(into: &result)
        }
    }
}

/// A query's smallest independently matchable part: what the compiled matcher indexes and
/// what an explanation reports.
public enum QueryLeaf: Hashable, Sendable {
    /// A word or phrase in a field.
    case term(SearchTerm)
    /// A NEAR clause.
    case near(NearClause)

    /// The leaf as query text, e.g. `TS="quantum comput*"`.
    var rendered: String {
        switch self {
        case .term(let term): return QueryRenderer.render(.term(term))
        case .near(let clause): return QueryRenderer.render(.near(clause))
        }
    }
}

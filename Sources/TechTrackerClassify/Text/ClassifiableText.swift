public import TechTrackerCore

/// The text of a work that technology queries search: what `TS=` covers.
public struct ClassifiableText: Hashable, Sendable {
    /// The title (`TI=`).
    var title: String
    /// The abstract (`AB=`).
    var abstract: String
    /// Keywords (`AK=`), each searched as its own short field: a phrase or NEAR never spans
    /// two keywords. For OpenAlex: keywords and topic names; for Web of Science: DE and ID.
    var keywords: [String]

    /// Makes a text from its parts.
    public init(title: String = "", abstract: String = "", keywords: [String] = []) {
        self.title = title
        self.abstract = abstract
        self.keywords = keywords
    }

    /// The searchable text of a work: its title, abstract, and keywords followed by its topics.
    public init(work: Work) {
        self.init(title: work.title, abstract: work.abstract, keywords: work.keywords + work.topics)
    }
}

/// One part of a text that phrases and NEAR stay inside.
public enum TextSegment: Hashable, Sendable {
    /// The title.
    case title
    /// The abstract.
    case abstract
    /// The keyword at this index of ``ClassifiableText/keywords``.
    case keyword(Int)

    /// Whether terms tagged with `field` are looked for in this segment.
    func isSearched(by field: QueryField) -> Bool {
        switch (field, self) {
        case (.topic, _), (.title, .title), (.abstract, .abstract), (.keywords, .keyword): return true
        default: return false
        }
    }
}

/// A text cut into folded words per segment: the plain form the reference evaluator and
/// explanations work on.
struct FoldedText: Hashable, Sendable {
    /// The title's words.
    var title: [String]
    /// The abstract's words.
    var abstract: [String]
    /// Each keyword's words.
    var keywords: [[String]]

    /// Folds and cuts a text with ``WordFolding/words(in:)``.
    init(_ text: ClassifiableText) {
        title = WordFolding.words(in: text.title)
        abstract = WordFolding.words(in: text.abstract)
        keywords = text.keywords.map(WordFolding.words(in:))
    }

    /// Every segment with its words: title, abstract, then each keyword.
    var segments: [(segment: TextSegment, words: [String])] {
        [(.title, title), (.abstract, abstract)] + keywords.enumerated().map { (.keyword($0.offset), $0.element) }
    }
}

/// The plain definition of what a query matches: fold the text into words per segment, then
/// walk the query tree. Slow and simple on purpose; it is the oracle the compiled matcher is
/// tested against, and it finds the spans an explanation shows.
struct ReferenceEvaluator: Sendable {
    /// Makes an evaluator (it has no state).
    init() {}

    /// Whether a query matches a text.
    func matches(_ query: Query, _ text: ClassifiableText) -> Bool {
        matches(query, FoldedText(text))
    }

    /// Whether a query matches an already folded text.
    func matches(_ query: Query, _ text: FoldedText) -> Bool {
        switch query {
        case .term(let term): return !occurrences(of: term.phrase, in: term.field, text).isEmpty
        case .near(let clause): return !nearMatches(clause, text).isEmpty
        case .and(let a, let b): return matches(a, text) && matches(b, text)
        case .or(let a, let b): return matches(a, text) || matches(b, text)
        case .not(let a, let b): return matches(a, text) && !matches(b, text)
        }
    }

    /// Where a leaf matches: every occurrence of a term; for a NEAR clause, every pair of
    /// occurrences close enough, each pair given as its two spans.
    func spans(of leaf: QueryLeaf, in text: FoldedText) -> [MatchedSpan] {
        switch leaf {
        case .term(let term): return occurrences(of: term.phrase, in: term.field, text)
        case .near(let clause): return nearMatches(clause, text).flatMap { [$0.0, $0.1] }
        }
    }

    /// Every place a phrase occurs in the segments a field searches.
    func occurrences(of phrase: SearchPhrase, in field: QueryField, _ text: FoldedText) -> [MatchedSpan] {
        guard !phrase.words.isEmpty else { return [] }
        var result: [MatchedSpan] = []
        for (segment, words) in text.segments where segment.isSearched(by: field) {
            let length = phrase.words.count
            guard words.count >= length else { continue }
            for start in 0...(words.count - length) {
                let fits = phrase.words.indices.allSatisfy { phrase.words[$0].matches(words[start + $0]) }
                if fits {
                    result.append(
                        MatchedSpan(
                            segment: segment, words: start..<(start + length),
                            text: words[start..<(start + length)].joined(separator: " ")))
                }
            }
        }
        return result
    }

    /// Every pair (left occurrence, right occurrence) in one segment, not overlapping, with at
    /// most `distance` words between them.
    func nearMatches(_ clause: NearClause, _ text: FoldedText) -> [(MatchedSpan, MatchedSpan)] {
        let lefts = clause.left.flatMap { occurrences(of: $0, in: clause.field, text) }
        let rights = clause.right.flatMap { occurrences(of: $0, in: clause.field, text) }
        var result: [(MatchedSpan, MatchedSpan)] = []
        for left in lefts {
            for right in rights where left.segment == right.segment {
                let gap: Int
                if left.words.upperBound <= right.words.lowerBound {
                    gap = right.words.lowerBound - left.words.upperBound
                } else if right.words.upperBound <= left.words.lowerBound {
                    gap = left.words.lowerBound - right.words.upperBound
                } else {
                    continue  // overlapping: both sides would be the same words
                }
                if gap <= clause.distance { result.append((left, right)) }
            }
        }
        return result
    }
}

/// Where a leaf matched: a run of words in one segment.
public struct MatchedSpan: Hashable, Sendable {
    /// The title, the abstract or one keyword.
    public var segment: TextSegment
    /// The positions of the words within the segment (0 is its first word).
    public var words: Range<Int>
    /// The folded words, joined by spaces.
    var text: String

    /// Makes a span.
    init(segment: TextSegment, words: Range<Int>, text: String) {
        self.segment = segment
        self.words = words
        self.text = text
    }
}

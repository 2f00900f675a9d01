/// Splits a search that is too long for one URL into searches that fit, whose union finds at
/// least what the whole search finds.
///
/// OpenAlex's own advice for long Boolean queries: split the `OR` list and take the union,
/// `(X AND (a OR b OR c OR d))` = `(X AND (a OR b)) ∪ (X AND (c OR d))`. Here:
/// - an `OR` is cut into groups of its operands (an operand too long alone is split first);
/// - an `AND` splits its longest operand and repeats the others in every part; when the others
///   leave too little room, either the longest is split in halves first (each half then splits
///   again with the others) or, when no single operand is long, the longest is dropped, which
///   widens the search (fewer conditions, never fewer works);
/// - an `a NOT b` splits `a` and repeats `NOT b`; a `b` too long to repeat loses its longest
///   alternatives, or the `NOT` is dropped, both of which again only widen.
enum SearchSplitter {
    /// The smallest room worth giving one part of a split (a quarter of a request, at most
    /// 200 bytes); below it, conditions are dropped.
    static func smallestPart(of budget: Int) -> Int { min(200, budget / 4) }

    /// A term (a word, stem or phrase) longer than a whole request allows.
    struct TermTooLong: Error, Equatable {
        /// The term, as searched.
        var term: String
    }

    /// Searches of at most `budget` encoded bytes each whose union covers `expression`.
    static func split(_ expression: SearchExpression, budget: Int) throws(TermTooLong) -> [SearchExpression] {
        if expression.encodedLength <= budget { return [expression] }
        switch expression {
        case .word, .prefix, .phrase:
            throw TermTooLong(term: expression.text)
        case .any(let operands):
            return try splitAlternatives(operands, budget: budget)
        case .all(let operands):
            return try splitConjunction(operands, budget: budget)
        case .excluding(let kept, let dropped):
            return try splitExclusion(kept, dropped, budget: budget)
        }
    }

    private static func splitAlternatives(
        _ operands: [SearchExpression], budget: Int
    ) throws(TermTooLong) -> [SearchExpression] {
        var pieces: [SearchExpression] = []
        for operand in operands {
            // A piece stands as an operand of OR, with parentheses when it is a group.
            if operand.encodedOperandLength <= budget {
                pieces.append(operand)
            } else {
                pieces += try split(operand, budget: budget - 6).flatMap(\.alternatives)
            }
        }
        let separator = URLQueryEncoding.encodedLength(" OR ")
        var groups: [[SearchExpression]] = []
        var current: [SearchExpression] = []
        var currentLength = 0
        for piece in pieces {
            let added = piece.encodedOperandLength + (current.isEmpty ? 0 : separator)
            if !current.isEmpty && currentLength + added > budget {
                groups.append(current)
                current = []
                currentLength = 0
            }
            currentLength += piece.encodedOperandLength + (current.isEmpty ? 0 : separator)
            current.append(piece)
        }
        if !current.isEmpty { groups.append(current) }
        return groups.map { SearchExpression.anyOf($0) }
    }

    private static func splitConjunction(
        _ operands: [SearchExpression], budget: Int
    ) throws(TermTooLong) -> [SearchExpression] {
        guard
            let longestIndex = operands.indices.max(by: {
                operands[$0].encodedOperandLength < operands[$1].encodedOperandLength
            })
        else { return [] }
        let longest = operands[longestIndex]
        var others = operands
        others.remove(at: longestIndex)
        guard !others.isEmpty else { return try split(longest, budget: budget) }
        let separator = URLQueryEncoding.encodedLength(" AND ")
        let othersLength = others.reduce(0) { $0 + $1.encodedOperandLength } + separator * others.count
        // Room for one part of the longest operand, parenthesised.
        let room = budget - othersLength - 6
        if room >= smallestPart(of: budget),
            let parts = try? split(longest, budget: room).map({ SearchExpression.allOf(others + [$0]) })
        {
            return parts
        }
        if longest.encodedOperandLength > budget / 2, longest.isGroup,
            let halves = try? split(longest, budget: budget / 2 - 6)
        {
            // Two long operands: halve this one; each half then splits the next longest.
            var parts: [SearchExpression] = []
            for half in halves {
                parts += try split(SearchExpression.allOf(others + [half]), budget: budget)
            }
            return parts
        }
        // Many short conditions, or a term longer than the room left: one condition fewer
        // finds more, never less.
        return try split(SearchExpression.allOf(others), budget: budget)
    }

    private static func splitExclusion(
        _ kept: SearchExpression, _ dropped: SearchExpression, budget: Int
    ) throws(TermTooLong) -> [SearchExpression] {
        var dropped: SearchExpression? = dropped
        let notLength = URLQueryEncoding.encodedLength(" NOT ")
        // Keep the excluded part within half the room, dropping its longest alternatives: a
        // smaller exclusion removes fewer works, so the search only widens.
        while let current = dropped, current.encodedOperandLength + notLength > budget / 2 {
            let alternatives = current.alternatives
            guard alternatives.count > 1,
                let longest = alternatives.indices.max(by: {
                    alternatives[$0].encodedOperandLength < alternatives[$1].encodedOperandLength
                })
            else {
                dropped = nil
                break
            }
            var rest = alternatives
            rest.remove(at: longest)
            dropped = .anyOf(rest)
        }
        guard let dropped else { return try split(kept, budget: budget) }
        let room = budget - notLength - dropped.encodedOperandLength - 6
        guard let parts = try? split(kept, budget: room) else {
            // A term of the kept part needs the room of the exclusion: without it, more is found.
            return try split(kept, budget: budget)
        }
        return parts.map { .excluding($0, dropped) }
    }
}

extension SearchExpression {
    /// Whether this is an operator over other searches (not a single term).
    var isGroup: Bool {
        switch self {
        case .word, .prefix, .phrase: return false
        case .all, .any, .excluding: return true
        }
    }
}

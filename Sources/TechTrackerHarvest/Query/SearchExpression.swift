/// A boolean search in OpenAlex's syntax: what its `search` parameters and `.search` filters
/// read (Elasticsearch query strings: upper-case `AND`, `OR`, `NOT`, parentheses, double-quoted
/// phrases and a trailing `*` on a word).
///
/// Words are already folded the way the query language folds them (lower case, no
/// diacritics), so no word can be read as an operator (those are upper case) and none holds a
/// character the query-string syntax reserves (words are letters, digits and marks only).
public indirect enum SearchExpression: Hashable, Sendable {
    /// One whole word.
    case word(String)
    /// Every word that starts with this stem (`comput*`).
    case prefix(String)
    /// Two or more words, consecutive and in this order, within one field.
    case phrase([String])
    /// Every operand matches (`AND`).
    case all([SearchExpression])
    /// At least one operand matches (`OR`).
    case any([SearchExpression])
    /// The first operand matches and the second does not (`NOT`).
    case excluding(SearchExpression, SearchExpression)

    /// An `AND` of `operands`: nested `AND`s are flattened, repeats dropped, and a single
    /// operand stands alone.
    static func allOf(_ operands: [SearchExpression]) -> SearchExpression {
        combined(operands, flattening: { if case .all(let inner) = $0 { inner } else { nil } }, make: { .all($0) })
    }

    /// An `OR` of `operands`: nested `OR`s are flattened, repeats dropped, and a single operand
    /// stands alone.
    static func anyOf(_ operands: [SearchExpression]) -> SearchExpression {
        combined(operands, flattening: { if case .any(let inner) = $0 { inner } else { nil } }, make: { .any($0) })
    }

    private static func combined(
        _ operands: [SearchExpression], flattening inner: (SearchExpression) -> [SearchExpression]?,
        make: ([SearchExpression]) -> SearchExpression
    ) -> SearchExpression {
        var flat: [SearchExpression] = []
        var seen: Set<SearchExpression> = []
        for operand in operands {
            for item in inner(operand) ?? [operand] where seen.insert(item).inserted {
                flat.append(item)
            }
        }
        precondition(!flat.isEmpty, "a boolean operator needs at least one operand")
        return flat.count == 1 ? flat[0] : make(flat)
    }

    /// The search as OpenAlex reads it, e.g. `"quantum computing" OR (qubit* AND (ion OR spin))`.
    /// Every group inside another operator is parenthesised, so Elasticsearch's query-string
    /// precedence never decides anything.
    public var text: String {
        switch self {
        case .word(let word): return word
        case .prefix(let stem): return stem + "*"
        case .phrase(let words): return "\"" + words.joined(separator: " ") + "\""
        case .all(let operands): return operands.map(\.operandText).joined(separator: " AND ")
        case .any(let operands): return operands.map(\.operandText).joined(separator: " OR ")
        case .excluding(let kept, let dropped): return kept.operandText + " NOT " + dropped.operandText
        }
    }

    /// The text as an operand of another operator: parenthesised unless it is one term.
    private var operandText: String {
        switch self {
        case .word, .prefix, .phrase: return text
        case .all, .any, .excluding: return "(" + text + ")"
        }
    }

    /// The operands of a top-level `OR` (the expression itself when it is not one).
    var alternatives: [SearchExpression] {
        if case .any(let operands) = self { return operands }
        return [self]
    }
}

extension SearchExpression: CustomStringConvertible {
    /// The search as OpenAlex reads it (``text``).
    public var description: String { text }
}

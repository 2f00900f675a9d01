/// Writes a ``Query`` back as query text that parses to the same query.
///
/// The output is canonical: every term carries its field tag (`TS=qubit*`), phrases of more
/// than one word are quoted (`TS="lithium ion"`), a NEAR clause is tagged as a whole
/// (`TS=((drone* OR uav*) NEAR/5 swarm*)`), operators are upper case, and parentheses appear
/// only where precedence needs them.
public enum QueryRenderer {
    /// The query as text.
    public static func render(_ query: Query) -> String {
        render(query, parentPrecedence: 0, isRightOperand: false)
    }

    private static func precedence(_ query: Query) -> Int {
        switch query {
        case .or: return 1
        case .and: return 2
        case .not: return 3
        case .near, .term: return 5
        }
    }

    private static func render(_ query: Query, parentPrecedence: Int, isRightOperand: Bool) -> String {
        let own = precedence(query)
        let text: String
        switch query {
        case .term(let term):
            text = "\(term.field.tag)=\(render(term.phrase))"
        case .near(let clause):
            text =
                "\(clause.field.tag)=(\(alternatives(clause.left)) NEAR/\(clause.distance) "
                + "\(alternatives(clause.right)))"
        case .and(let a, let b):
            text = binary(a, "AND", b, precedence: own)
        case .or(let a, let b):
            text = binary(a, "OR", b, precedence: own)
        case .not(let a, let b):
            text = binary(a, "NOT", b, precedence: own)
        }
        // Left-associative: a right operand of equal precedence needs parentheses.
        let needsParentheses = own < parentPrecedence || (isRightOperand && own == parentPrecedence)
        return needsParentheses ? "(\(text))" : text
    }

    private static func binary(_ a: Query, _ op: String, _ b: Query, precedence: Int) -> String {
        render(a, parentPrecedence: precedence, isRightOperand: false) + " \(op) "
            + render(b, parentPrecedence: precedence, isRightOperand: true)
    }

    private static func alternatives(_ phrases: [SearchPhrase]) -> String {
        if phrases.count == 1, let only = phrases.first { return render(only) }
        return "(" + phrases.map(render).joined(separator: " OR ") + ")"
    }

    /// A phrase as a term or quoted phrase. A lone word that reads as an operator is quoted.
    static func render(_ phrase: SearchPhrase) -> String {
        let words = phrase.words.map { $0.isTruncated ? $0.text + "*" : $0.text }
        let joined = words.joined(separator: " ")
        if words.count == 1, !operatorWords.contains(joined.uppercased()) {
            return joined
        }
        return "\"\(joined)\""
    }

    /// Words that would be read as operators if left unquoted (a folded word never holds the
    /// `/` of `NEAR/n`).
    private static let operatorWords: Set<String> = ["AND", "OR", "NOT", "NEAR"]
}

extension Query: CustomStringConvertible {
    /// The query as canonical query text (``QueryRenderer``).
    public var description: String { QueryRenderer.render(self) }
}
